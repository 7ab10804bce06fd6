import type { LoopEvent } from '../../notification/domain/loop-event';
import type { TicketFact } from './facts';

/**
 * The ticket as known after `event` (pure). ticket.submitted creates it; dispatch events track who the
 * work is offered to or accepted by; the end of an offer or of the work clears the assignee.
 */
export function applyToTicketFact(ticket: TicketFact | null, event: LoopEvent): TicketFact | null {
  if (event.type === 'ticket.submitted') {
    const p = event.payload;
    // A resubmission of a known ticket keeps what dispatch has told us since.
    return {
      ticketId: p.ticketId,
      ticketNumber: p.ticketNumber,
      residentId: p.residentId,
      communityId: p.communityId,
      gridId: p.gridId,
      categoryCode: p.categoryCode,
      urgency: p.urgency,
      assignee: ticket?.assignee ?? null,
    };
  }
  if (!ticket) return null;
  switch (event.type) {
    case 'ticket.dispatched':
      return { ...ticket, assignee: { ...event.payload.assignee, state: 'offered' } };
    case 'assignment.accepted':
      return { ...ticket, assignee: { ...event.payload.assignee, state: 'accepted' } };
    case 'assignment.declined':
    case 'assignment.expired':
    case 'assignment.handed_back':
    case 'ticket.cancelled':
    case 'ticket.merged':
    case 'ticket.confirmed':
    case 'ticket.reopened':
      return { ...ticket, assignee: null };
    default:
      return ticket;
  }
}
