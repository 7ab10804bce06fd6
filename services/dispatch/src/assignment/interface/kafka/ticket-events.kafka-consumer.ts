// The requests service's ticket events, translated into dispatch commands. Each runs in the inbox's
// transaction, so a redelivered event is skipped and a failed one leaves nothing behind.
import { Injectable } from '@nestjs/common';
import {
  EventEnvelope,
  ticketCancelledV1,
  TicketCancelledV1,
  ticketConfirmedV1,
  TicketConfirmedV1,
  ticketMergedV1,
  TicketMergedV1,
  ticketReopenedV1,
  TicketReopenedV1,
  ticketSubmittedV1,
  TicketSubmittedV1,
  ticketUnmergedV1,
  TicketUnmergedV1,
} from '@loop/contracts';
import { Actor, EventHandler, HandlingContext, UnitOfWork, UnitsOfWork } from '@loop/messaging';
import { AUTO_DISPATCHER } from '../../application/cause';
import { OpenDispatchCaseHandler } from '../../application/open-dispatch-case.handler';
import { TicketLifecycleHandler } from '../../application/ticket-lifecycle.handler';

// Dispatch reacts to ticket events as auto-dispatch, whoever acted on the ticket.
const autoDispatcher: Actor = { role: 'system', id: AUTO_DISPATCHER };

/** Consumes ticket.submitted, .cancelled, .confirmed, .reopened, .merged and .unmerged. */
@Injectable()
export class TicketEventsKafkaConsumer {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly intake: OpenDispatchCaseHandler,
    private readonly lifecycle: TicketLifecycleHandler,
  ) {}

  /** A submitted ticket opens a dispatch case. */
  @EventHandler(ticketSubmittedV1)
  async onTicketSubmitted(
    envelope: EventEnvelope<TicketSubmittedV1>,
    context: HandlingContext,
  ): Promise<void> {
    await this.intake.execute(this.unitFollowing(envelope, context), envelope.payload);
  }

  /** A cancelled ticket withdraws its offer and stops its timers. */
  @EventHandler(ticketCancelledV1)
  async onTicketCancelled(
    envelope: EventEnvelope<TicketCancelledV1>,
    context: HandlingContext,
  ): Promise<void> {
    await this.lifecycle.cancel(this.unitFollowing(envelope, context), envelope.payload.ticketId);
  }

  /** A confirmed ticket is closed and its timers stop. */
  @EventHandler(ticketConfirmedV1)
  async onTicketConfirmed(
    envelope: EventEnvelope<TicketConfirmedV1>,
    context: HandlingContext,
  ): Promise<void> {
    await this.lifecycle.close(this.unitFollowing(envelope, context), envelope.payload.ticketId);
  }

  /** A ticket merged into another report of the same problem is withdrawn like a cancelled one. */
  @EventHandler(ticketMergedV1)
  async onTicketMerged(envelope: EventEnvelope<TicketMergedV1>, context: HandlingContext): Promise<void> {
    await this.lifecycle.merge(this.unitFollowing(envelope, context), envelope.payload.ticketId);
  }

  /** An unmerged ticket is dispatched again on its own, from scratch. */
  @EventHandler(ticketUnmergedV1)
  async onTicketUnmerged(envelope: EventEnvelope<TicketUnmergedV1>, context: HandlingContext): Promise<void> {
    await this.lifecycle.unmerge(this.unitFollowing(envelope, context), envelope.payload);
  }

  /** A reopened ticket goes back to dispatch against fresh deadlines. */
  @EventHandler(ticketReopenedV1)
  async onTicketReopened(envelope: EventEnvelope<TicketReopenedV1>, context: HandlingContext): Promise<void> {
    await this.lifecycle.reopen(this.unitFollowing(envelope, context), envelope.payload);
  }

  private unitFollowing(envelope: EventEnvelope, context: HandlingContext): UnitOfWork {
    return this.units.following(envelope, context, autoDispatcher);
  }
}
