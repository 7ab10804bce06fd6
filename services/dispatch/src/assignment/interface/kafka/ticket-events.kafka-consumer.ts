// The requests service's ticket events, translated into dispatch commands. Each runs in the inbox's
// transaction, so a redelivered event is skipped and a failed one leaves nothing behind.
import { Injectable } from '@nestjs/common';
import {
  EventEnvelope,
  followingFrom,
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
import { EventHandler, HandlingContext } from '@loop/messaging';
import { AUTO_DISPATCHER, systemCause } from '../../application/cause';
import { OpenDispatchCaseHandler } from '../../application/open-dispatch-case.handler';
import { TicketLifecycleHandler } from '../../application/ticket-lifecycle.handler';

/** Consumes ticket.submitted, .cancelled, .confirmed, .reopened, .merged and .unmerged. */
@Injectable()
export class TicketEventsKafkaConsumer {
  constructor(
    private readonly intake: OpenDispatchCaseHandler,
    private readonly lifecycle: TicketLifecycleHandler,
  ) {}

  /** A submitted ticket opens a dispatch case. */
  @EventHandler(ticketSubmittedV1)
  async onTicketSubmitted(
    envelope: EventEnvelope<TicketSubmittedV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.intake.execute(
      manager,
      envelope.payload,
      systemCause(AUTO_DISPATCHER, followingFrom(envelope)),
    );
  }

  /** A cancelled ticket withdraws its offer and stops its timers. */
  @EventHandler(ticketCancelledV1)
  async onTicketCancelled(
    envelope: EventEnvelope<TicketCancelledV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.lifecycle.cancel(manager, envelope.payload.ticketId);
  }

  /** A confirmed ticket is closed and its timers stop. */
  @EventHandler(ticketConfirmedV1)
  async onTicketConfirmed(
    envelope: EventEnvelope<TicketConfirmedV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.lifecycle.close(manager, envelope.payload.ticketId);
  }

  /** A ticket merged into another report of the same problem is withdrawn like a cancelled one. */
  @EventHandler(ticketMergedV1)
  async onTicketMerged(envelope: EventEnvelope<TicketMergedV1>, { manager }: HandlingContext): Promise<void> {
    await this.lifecycle.merge(manager, envelope.payload.ticketId);
  }

  /** An unmerged ticket is dispatched again on its own, from scratch. */
  @EventHandler(ticketUnmergedV1)
  async onTicketUnmerged(
    envelope: EventEnvelope<TicketUnmergedV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.lifecycle.unmerge(
      manager,
      envelope.payload,
      systemCause(AUTO_DISPATCHER, followingFrom(envelope)),
    );
  }

  /** A reopened ticket goes back to dispatch against fresh deadlines. */
  @EventHandler(ticketReopenedV1)
  async onTicketReopened(
    envelope: EventEnvelope<TicketReopenedV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.lifecycle.reopen(
      manager,
      envelope.payload,
      systemCause(AUTO_DISPATCHER, followingFrom(envelope)),
    );
  }
}
