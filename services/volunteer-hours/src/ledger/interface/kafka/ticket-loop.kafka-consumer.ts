import { Injectable } from '@nestjs/common';
import {
  EventEnvelope,
  ticketConfirmedV1,
  TicketConfirmedV1,
  ticketReopenedV1,
  TicketReopenedV1,
  workCompletedV1,
  WorkCompletedV1,
} from '@loop/contracts';
import { EventHandler, HandlingContext, UnitsOfWork } from '@loop/messaging';
import { CreditTicketWorkHandler } from '../../application/credit-ticket-work.handler';
import { ledgerActor } from '../../application/ledger-appender';

/** Feeds the ticket loop's completions, confirmations and reopens into the crediting rule. */
@Injectable()
export class TicketLoopKafkaConsumer {
  constructor(
    private readonly crediting: CreditTicketWorkHandler,
    private readonly units: UnitsOfWork,
  ) {}

  /** The assignee finished; the minutes wait for the confirmation. */
  @EventHandler(workCompletedV1)
  async onWorkCompleted(envelope: EventEnvelope<WorkCompletedV1>, context: HandlingContext): Promise<void> {
    const { payload } = envelope;
    await this.crediting.handle(this.units.following(envelope, context, ledgerActor), {
      kind: 'completed',
      eventId: envelope.eventId,
      ticketId: payload.ticketId,
      assignmentId: payload.assignmentId,
      memberId: payload.assignee.kind === 'member' ? payload.assignee.id : null,
      minutes: payload.minutesSpent,
      occurredAt: new Date(payload.completedAt),
      actor: envelope.actor,
    });
  }

  /**
   * The resident (or auto-confirmation) closed the ticket: the confirmed work is credited — unless the
   * ticket is a merged duplicate, whose confirmation neither credits nor waits for a completion.
   */
  @EventHandler(ticketConfirmedV1)
  async onTicketConfirmed(
    envelope: EventEnvelope<TicketConfirmedV1>,
    context: HandlingContext,
  ): Promise<void> {
    const { payload } = envelope;
    // A merged duplicate's confirmation names its master's assignment but is its own resident's verdict:
    // only the master's confirmation credits the work, so it is never remembered (ADR 0016).
    if (payload.duplicateOf) return;
    await this.crediting.handle(this.units.following(envelope, context, ledgerActor), {
      kind: 'confirmed',
      eventId: envelope.eventId,
      ticketId: payload.ticketId,
      assignmentId: payload.assignmentId,
      occurredAt: new Date(payload.confirmedAt),
      actor: envelope.actor,
    });
  }

  /** The resident reopened the ticket: a credit for the failed work is reversed. */
  @EventHandler(ticketReopenedV1)
  async onTicketReopened(envelope: EventEnvelope<TicketReopenedV1>, context: HandlingContext): Promise<void> {
    const { payload } = envelope;
    await this.crediting.handle(this.units.following(envelope, context, ledgerActor), {
      kind: 'reopened',
      eventId: envelope.eventId,
      ticketId: payload.ticketId,
      assignmentId: payload.assignmentId,
      occurredAt: new Date(payload.reopenedAt),
      actor: envelope.actor,
    });
  }
}
