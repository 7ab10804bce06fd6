import { Injectable } from '@nestjs/common';
import {
  AssignmentAcceptedV1,
  assignmentAcceptedV1,
  AssignmentDeclinedV1,
  assignmentDeclinedV1,
  AssignmentExpiredV1,
  assignmentExpiredV1,
  AssignmentHandedBackV1,
  assignmentHandedBackV1,
  EventEnvelope,
  HoursCreditedV1,
  hoursCreditedV1,
  HoursReversedV1,
  hoursReversedV1,
  NotificationDeliveredV1,
  notificationDeliveredV1,
  NotificationDeliveredV2,
  notificationDeliveredV2,
  SummonsCheckedInV1,
  summonsCheckedInV1,
  SummonsIssuedV1,
  summonsIssuedV1,
  SummonsOverdueV1,
  summonsOverdueV1,
  SummonsReleasedV1,
  summonsReleasedV1,
  SummonsReportedV1,
  summonsReportedV1,
  TicketDispatchedV1,
  ticketDispatchedV1,
  TicketEscalatedV1,
  ticketEscalatedV1,
  TicketQueuedV1,
  ticketQueuedV1,
  WorkCompletedV1,
  workCompletedV1,
  WorkStartedV1,
  workStartedV1,
} from '@loop/contracts';
import { EventHandler, HandlingContext } from '@loop/messaging';
import { ProjectDispatchFactHandler } from '../../application/project-dispatch-fact.handler';

const at = (timestamp: string) => new Date(timestamp);

/** Turns the dispatch, hours and notification events about a ticket into its status and timeline. */
@Injectable()
export class TicketProjectionKafkaConsumer {
  constructor(private readonly projection: ProjectDispatchFactHandler) {}

  /** 社区派单: the work was offered. */
  @EventHandler(ticketDispatchedV1)
  async onTicketDispatched(
    envelope: EventEnvelope<TicketDispatchedV1>,
    context: HandlingContext,
  ): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'dispatched',
      assignmentId: p.assignmentId,
      assignee: p.assignee,
      offerExpiresAt: at(p.offerExpiresAt),
      completionDueAt: at(p.completionDueAt),
      occurredAt: at(p.dispatchedAt),
    });
  }

  /** 等待社区派单: nobody holds an offer; the community's staff own the ticket until its accept deadline. */
  @EventHandler(ticketQueuedV1)
  async onTicketQueued(envelope: EventEnvelope<TicketQueuedV1>, context: HandlingContext): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'queued',
      reason: p.reason,
      acceptDueAt: at(p.acceptDueAt),
      completionDueAt: at(p.completionDueAt),
      occurredAt: at(p.queuedAt),
    });
  }

  /** 党员接单: the offer was accepted. */
  @EventHandler(assignmentAcceptedV1)
  async onAssignmentAccepted(
    envelope: EventEnvelope<AssignmentAcceptedV1>,
    context: HandlingContext,
  ): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'accepted',
      assignmentId: p.assignmentId,
      assignee: p.assignee,
      completionDueAt: at(p.completionDueAt),
      occurredAt: at(p.acceptedAt),
    });
  }

  /** The offer was declined. */
  @EventHandler(assignmentDeclinedV1)
  async onAssignmentDeclined(
    envelope: EventEnvelope<AssignmentDeclinedV1>,
    context: HandlingContext,
  ): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'declined',
      assignmentId: p.assignmentId,
      occurredAt: at(p.declinedAt),
    });
  }

  /** The offer lapsed. */
  @EventHandler(assignmentExpiredV1)
  async onAssignmentExpired(
    envelope: EventEnvelope<AssignmentExpiredV1>,
    context: HandlingContext,
  ): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'expired',
      assignmentId: p.assignmentId,
      occurredAt: at(p.expiredAt),
    });
  }

  /** 退单: accepted work was given back. */
  @EventHandler(assignmentHandedBackV1)
  async onAssignmentHandedBack(
    envelope: EventEnvelope<AssignmentHandedBackV1>,
    context: HandlingContext,
  ): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'handed_back',
      assignmentId: p.assignmentId,
      occurredAt: at(p.handedBackAt),
    });
  }

  /** The work started. */
  @EventHandler(workStartedV1)
  async onWorkStarted(envelope: EventEnvelope<WorkStartedV1>, context: HandlingContext): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'started',
      assignmentId: p.assignmentId,
      assignee: p.assignee,
      occurredAt: at(p.startedAt),
    });
  }

  /** 办结: the work was completed; the ticket waits for the resident's confirmation. */
  @EventHandler(workCompletedV1)
  async onWorkCompleted(envelope: EventEnvelope<WorkCompletedV1>, context: HandlingContext): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'completed',
      assignmentId: p.assignmentId,
      assignee: p.assignee,
      occurredAt: at(p.completedAt),
    });
  }

  /** 督办升级: a deadline passed or no candidate was found. */
  @EventHandler(ticketEscalatedV1)
  async onTicketEscalated(
    envelope: EventEnvelope<TicketEscalatedV1>,
    context: HandlingContext,
  ): Promise<void> {
    const p = envelope.payload;
    await this.projection.execute(context, p.ticketId, envelope, {
      kind: 'escalated',
      level: p.level,
      occurredAt: at(p.escalatedAt),
    });
  }

  /** 吹哨: departments were summoned to the ticket (timeline only: the ticket row is not locked). */
  @EventHandler(summonsIssuedV1)
  async onSummonsIssued(envelope: EventEnvelope<SummonsIssuedV1>, context: HandlingContext): Promise<void> {
    await this.projection.execute(context, envelope.payload.ticketId, envelope);
  }

  /** 报到: a summoned department arrived on site (timeline only). */
  @EventHandler(summonsCheckedInV1)
  async onSummonsCheckedIn(
    envelope: EventEnvelope<SummonsCheckedInV1>,
    context: HandlingContext,
  ): Promise<void> {
    await this.projection.execute(context, envelope.payload.ticketId, envelope);
  }

  /** A summoned department reported what it did (timeline only). */
  @EventHandler(summonsReportedV1)
  async onSummonsReported(
    envelope: EventEnvelope<SummonsReportedV1>,
    context: HandlingContext,
  ): Promise<void> {
    await this.projection.execute(context, envelope.payload.ticketId, envelope);
  }

  /** The community released a summoned department (timeline only). */
  @EventHandler(summonsReleasedV1)
  async onSummonsReleased(
    envelope: EventEnvelope<SummonsReleasedV1>,
    context: HandlingContext,
  ): Promise<void> {
    await this.projection.execute(context, envelope.payload.ticketId, envelope);
  }

  /** A summoned department missed its arrival deadline and was escalated (timeline only). */
  @EventHandler(summonsOverdueV1)
  async onSummonsOverdue(envelope: EventEnvelope<SummonsOverdueV1>, context: HandlingContext): Promise<void> {
    await this.projection.execute(context, envelope.payload.ticketId, envelope);
  }

  /** The member's hours for the ticket were credited (timeline only). */
  @EventHandler(hoursCreditedV1)
  async onHoursCredited(envelope: EventEnvelope<HoursCreditedV1>, context: HandlingContext): Promise<void> {
    const p = envelope.payload;
    if (p.source.kind !== 'ticket') return;
    await this.projection.execute(context, p.source.id, envelope);
  }

  /** Hours credited for the ticket were reversed after a reopening (timeline only). */
  @EventHandler(hoursReversedV1)
  async onHoursReversed(envelope: EventEnvelope<HoursReversedV1>, context: HandlingContext): Promise<void> {
    const p = envelope.payload;
    if (p.source.kind !== 'ticket') return;
    await this.projection.execute(context, p.source.id, envelope);
  }

  /** Someone was told about the ticket (timeline only); v1 records published before v2 (ADR 0043). */
  @EventHandler(notificationDeliveredV1)
  async onNotificationDelivered(
    envelope: EventEnvelope<NotificationDeliveredV1>,
    context: HandlingContext,
  ): Promise<void> {
    const ticketId = envelope.payload.ticketId;
    if (!ticketId) return;
    await this.projection.execute(context, ticketId, envelope);
  }

  /** Everyone told about one of the ticket's facts, in one record (timeline only). */
  @EventHandler(notificationDeliveredV2)
  async onNotificationsDelivered(
    envelope: EventEnvelope<NotificationDeliveredV2>,
    context: HandlingContext,
  ): Promise<void> {
    const ticketId = envelope.payload.ticketId;
    if (!ticketId) return;
    await this.projection.execute(context, ticketId, envelope);
  }
}
