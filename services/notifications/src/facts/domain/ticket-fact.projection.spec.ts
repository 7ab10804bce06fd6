import type { LoopEvent } from '../../notification/domain/loop-event';
import type { TicketFact } from './facts';
import { applyToTicketFact } from './ticket-fact.projection';

const ticketId = '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';
const assignmentId = '0195a1b3-1a2b-7c3d-9e4f-5a6b7c8d9e0f';
const at = '2026-03-01T02:00:00.000Z';
const member = { kind: 'member' as const, id: 'member-1' };
const ticket: TicketFact = {
  ticketId,
  ticketNumber: 'LC-20260301-0042',
  residentId: 'resident-1',
  communityId: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60',
  gridId: '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71',
  categoryCode: 'property.repair',
  urgency: 'normal',
  assignee: null,
};
const event = (type: string, payload: object) =>
  ({ type, payload, eventId: 'e', actor: { role: 'system', id: 'dispatch' } }) as LoopEvent;

describe('the ticket as this service knows it', () => {
  it('follows the assignee from offer to acceptance and forgets them when the offer or the work ends', () => {
    const offered = applyToTicketFact(
      ticket,
      event('ticket.dispatched', { ticketId, assignmentId, assignee: member }),
    );
    expect(offered?.assignee).toEqual({ ...member, state: 'offered' });
    const accepted = applyToTicketFact(
      offered,
      event('assignment.accepted', { ticketId, assignmentId, assignee: member }),
    );
    expect(accepted?.assignee).toEqual({ ...member, state: 'accepted' });
    const started = applyToTicketFact(
      accepted,
      event('work.started', { ticketId, assignmentId, assignee: member, startedAt: at }),
    );
    expect(started?.assignee?.state).toBe('accepted');
    for (const ending of [
      'assignment.declined',
      'assignment.expired',
      'assignment.handed_back',
      'ticket.cancelled',
      'ticket.confirmed',
      'ticket.reopened',
    ]) {
      expect(applyToTicketFact(accepted, event(ending, { ticketId }))?.assignee).toBeNull();
    }
  });

  it('knows nothing about a ticket until it was submitted', () => {
    expect(applyToTicketFact(null, event('work.started', { ticketId }))).toBeNull();
  });
});
