import type {
  ActorRef,
  EventEnvelope,
  AssignmentAcceptedV1,
  AssignmentDeclinedV1,
  AssignmentExpiredV1,
  AssignmentHandedBackV1,
  HoursCreditedV1,
  HoursReversedV1,
  SlaReminderDueV1,
  SummonsIssuedV1,
  SummonsOverdueV1,
  TicketCancelledV1,
  TicketConfirmedV1,
  TicketDispatchedV1,
  TicketEscalatedV1,
  TicketMergedV1,
  TicketReopenedV1,
  TicketSubmittedV1,
  TicketUnmergedV1,
  WorkCompletedV1,
  WorkStartedV1,
} from '@loop/contracts';

/** A fact of the loop this service notifies people about, with its event id and actor. */
export type LoopEvent = { eventId: string; actor: ActorRef } & (
  | { type: 'ticket.submitted'; payload: TicketSubmittedV1 }
  | { type: 'ticket.cancelled'; payload: TicketCancelledV1 }
  | { type: 'ticket.confirmed'; payload: TicketConfirmedV1 }
  | { type: 'ticket.reopened'; payload: TicketReopenedV1 }
  | { type: 'ticket.merged'; payload: TicketMergedV1 }
  | { type: 'ticket.unmerged'; payload: TicketUnmergedV1 }
  | { type: 'ticket.dispatched'; payload: TicketDispatchedV1 }
  | { type: 'assignment.accepted'; payload: AssignmentAcceptedV1 }
  | { type: 'assignment.declined'; payload: AssignmentDeclinedV1 }
  | { type: 'assignment.expired'; payload: AssignmentExpiredV1 }
  | { type: 'assignment.handed_back'; payload: AssignmentHandedBackV1 }
  | { type: 'work.started'; payload: WorkStartedV1 }
  | { type: 'work.completed'; payload: WorkCompletedV1 }
  | { type: 'ticket.escalated'; payload: TicketEscalatedV1 }
  | { type: 'sla.reminder_due'; payload: SlaReminderDueV1 }
  | { type: 'summons.issued'; payload: SummonsIssuedV1 }
  | { type: 'summons.overdue'; payload: SummonsOverdueV1 }
  | { type: 'hours.credited'; payload: HoursCreditedV1 }
  | { type: 'hours.reversed'; payload: HoursReversedV1 }
);

/** The type names of the loop events. */
export type LoopEventType = LoopEvent['type'];

/**
 * The ticket the event is about: the payload's ticket, or the source ticket of a ledger entry; null for
 * a ledger entry earned on a volunteer activity, which concerns no ticket.
 */
export function ticketIdOf(event: LoopEvent): string | null {
  if (event.type === 'hours.credited' || event.type === 'hours.reversed') {
    const { source } = event.payload;
    return source.kind === 'ticket' ? source.id : null;
  }
  return event.payload.ticketId;
}

/** The loop event an envelope carries; the envelope was validated against the contract of its type. */
export function loopEventOf(envelope: EventEnvelope): LoopEvent {
  return {
    type: envelope.type,
    payload: envelope.payload,
    eventId: envelope.eventId,
    actor: envelope.actor,
  } as LoopEvent;
}
