import { Injectable } from '@nestjs/common';
import {
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  assignmentExpiredV1,
  assignmentHandedBackV1,
  EventEnvelope,
  hoursCreditedV1,
  hoursReversedV1,
  slaReminderDueV1,
  summonsIssuedV1,
  summonsOverdueV1,
  ticketCancelledV1,
  ticketConfirmedV1,
  ticketDispatchedV1,
  ticketEscalatedV1,
  ticketMergedV1,
  ticketReopenedV1,
  ticketSubmittedV1,
  ticketUnmergedV1,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import { EventHandler, HandlingContext } from '@loop/messaging';
import { RecordNotificationsHandler } from '../../application/record-notifications.handler';

/** Every event of the loop that concerns a person, handed to the notification rules. */
@Injectable()
export class LoopEventsKafkaConsumer {
  constructor(private readonly record: RecordNotificationsHandler) {}

  private handle(envelope: EventEnvelope, manager: HandlingContext['manager']): Promise<void> {
    return this.record.handle(envelope, manager);
  }

  /** 群众点单: staff hear about a new ticket. */
  @EventHandler(ticketSubmittedV1)
  onTicketSubmitted(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** An offer to an assignee; the resident hears it was dispatched. */
  @EventHandler(ticketDispatchedV1)
  onTicketDispatched(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** 党员接单. */
  @EventHandler(assignmentAcceptedV1)
  onAssignmentAccepted(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A declined offer. */
  @EventHandler(assignmentDeclinedV1)
  onAssignmentDeclined(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** An offer nobody accepted in time. */
  @EventHandler(assignmentExpiredV1)
  onAssignmentExpired(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** Accepted work given back. */
  @EventHandler(assignmentHandedBackV1)
  onAssignmentHandedBack(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** Work started. */
  @EventHandler(workStartedV1)
  onWorkStarted(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** Work completed; the resident is asked to confirm. */
  @EventHandler(workCompletedV1)
  onWorkCompleted(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** An escalation (督办). */
  @EventHandler(ticketEscalatedV1)
  onTicketEscalated(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** 吹哨报到: departments summoned to a ticket hear it. */
  @EventHandler(summonsIssuedV1)
  onSummonsIssued(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A summoned department is late; the community and the escalation hear it. */
  @EventHandler(summonsOverdueV1)
  onSummonsOverdue(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A deadline is near. */
  @EventHandler(slaReminderDueV1)
  onSlaReminderDue(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A cancelled ticket. */
  @EventHandler(ticketCancelledV1)
  onTicketCancelled(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A confirmed (closed) ticket, with its rating. */
  @EventHandler(ticketConfirmedV1)
  onTicketConfirmed(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A reopened ticket. */
  @EventHandler(ticketReopenedV1)
  onTicketReopened(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A duplicate report merged into its master: its resident is told, and hears the master's steps. */
  @EventHandler(ticketMergedV1)
  onTicketMerged(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A duplicate back in its own loop: its resident is told, and stops hearing the master's steps. */
  @EventHandler(ticketUnmergedV1)
  onTicketUnmerged(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** Service minutes credited to a member's ledger; the member is told. */
  @EventHandler(hoursCreditedV1)
  onHoursCredited(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }

  /** A credit taken back by a compensating entry; the member is told. */
  @EventHandler(hoursReversedV1)
  onHoursReversed(envelope: EventEnvelope, { manager }: HandlingContext): Promise<void> {
    return this.handle(envelope, manager);
  }
}
