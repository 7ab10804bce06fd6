import { notificationLink } from './notification-link';

describe('where a notification leads', () => {
  it('opens the task for an offer, and the ticket for the resident', () => {
    expect(
      notificationLink({ kind: 'offer_received', params: { assignmentId: 'a-1' }, ticketId: 't-1' }),
    ).toBe('/tasks/a-1');
    expect(notificationLink({ kind: 'ticket_dispatched', params: {}, ticketId: 't-1' })).toBe('/tickets/t-1');
  });

  it('opens the ticket for an offer stored before offers named their assignment, and the statement for hours', () => {
    expect(notificationLink({ kind: 'offer_received', params: {}, ticketId: 't-1' })).toBe('/tickets/t-1');
    expect(notificationLink({ kind: 'hours_credited', params: {}, ticketId: 't-1' })).toBe('/me/hours');
    expect(notificationLink({ kind: 'activity_hours_credited', params: {}, ticketId: null })).toBe(
      '/me/hours',
    );
  });
});
