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
import { EventHandler, HandlingContext, UnitsOfWork } from '@loop/messaging';
import {
  notificationsActor,
  RecordNotificationsHandler,
} from '../../application/record-notifications.handler';

/** Every event of the loop that concerns a person, handed to the notification rules. */
@Injectable()
export class LoopEventsKafkaConsumer {
  constructor(
    private readonly record: RecordNotificationsHandler,
    private readonly units: UnitsOfWork,
  ) {}

  private handle(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.record.handle(envelope, this.units.following(envelope, context, notificationsActor));
  }

  /** 群众点单: staff hear about a new ticket. */
  @EventHandler(ticketSubmittedV1)
  onTicketSubmitted(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** An offer to an assignee; the resident hears it was dispatched. */
  @EventHandler(ticketDispatchedV1)
  onTicketDispatched(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** 党员接单. */
  @EventHandler(assignmentAcceptedV1)
  onAssignmentAccepted(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A declined offer. */
  @EventHandler(assignmentDeclinedV1)
  onAssignmentDeclined(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** An offer nobody accepted in time. */
  @EventHandler(assignmentExpiredV1)
  onAssignmentExpired(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** Accepted work given back. */
  @EventHandler(assignmentHandedBackV1)
  onAssignmentHandedBack(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** Work started. */
  @EventHandler(workStartedV1)
  onWorkStarted(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** Work completed; the resident is asked to confirm. */
  @EventHandler(workCompletedV1)
  onWorkCompleted(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** An escalation (督办). */
  @EventHandler(ticketEscalatedV1)
  onTicketEscalated(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** 吹哨报到: departments summoned to a ticket hear it. */
  @EventHandler(summonsIssuedV1)
  onSummonsIssued(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A summoned department is late; the community and the escalation hear it. */
  @EventHandler(summonsOverdueV1)
  onSummonsOverdue(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A deadline is near. */
  @EventHandler(slaReminderDueV1)
  onSlaReminderDue(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A cancelled ticket. */
  @EventHandler(ticketCancelledV1)
  onTicketCancelled(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A confirmed (closed) ticket, with its rating. */
  @EventHandler(ticketConfirmedV1)
  onTicketConfirmed(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A reopened ticket. */
  @EventHandler(ticketReopenedV1)
  onTicketReopened(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A duplicate report merged into its master: its resident is told, and hears the master's steps. */
  @EventHandler(ticketMergedV1)
  onTicketMerged(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A duplicate back in its own loop: its resident is told, and stops hearing the master's steps. */
  @EventHandler(ticketUnmergedV1)
  onTicketUnmerged(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** Service minutes credited to a member's ledger; the member is told. */
  @EventHandler(hoursCreditedV1)
  onHoursCredited(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }

  /** A credit taken back by a compensating entry; the member is told. */
  @EventHandler(hoursReversedV1)
  onHoursReversed(envelope: EventEnvelope, context: HandlingContext): Promise<void> {
    return this.handle(envelope, context);
  }
}
