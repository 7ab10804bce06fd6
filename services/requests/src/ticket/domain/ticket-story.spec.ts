import { describeTold, foldNotifications, withTold } from './ticket-story';

const step = (eventId: string, type: string) => ({ eventId, type, details: {} });
const delivered = (eventId: string, causedByEventId: string, role: string) => ({
  eventId,
  type: 'notification.delivered',
  details: { causedByEventId, recipient: { role, id: `${role}-1` }, channel: 'inbox' },
});

describe('the story of a ticket', () => {
  const timeline = [
    step('e1', 'ticket.submitted'),
    delivered('n1', 'e1', 'staff'),
    step('e2', 'ticket.dispatched'),
    delivered('n2', 'e2', 'member'),
    delivered('n3', 'e2', 'resident'),
    delivered('n4', 'e2', 'member'),
    step('e3', 'assignment.accepted'),
  ];

  it('tells the resident one line per step, each with who was told, and no notification lines', () => {
    const story = foldNotifications(timeline, false);
    expect(story.map(({ eventId, told }) => ({ eventId, told }))).toEqual([
      { eventId: 'e1', told: ['staff'] },
      { eventId: 'e2', told: ['member', 'resident'] },
      { eventId: 'e3', told: [] },
    ]);
  });

  it('tells a merged duplicate’s resident who was told of the master’s step it copied', () => {
    const copied = {
      eventId: 'c2',
      type: 'ticket.dispatched',
      details: { copyOf: 'm2', followedTicketId: 'm' },
    };

    const story = foldNotifications([copied, delivered('n9', 'm2', 'resident')], false);

    expect(story).toEqual([{ ...copied, told: ['resident'] }]);
  });

  it('reads who was told from one fact naming every recipient of a step, beside older one-per-recipient facts', () => {
    const deliveredToAll = (eventId: string, causedByEventId: string, roles: string[]) => ({
      eventId,
      type: 'notification.delivered',
      details: {
        causedByEventId,
        deliveries: roles.map((role, i) => ({
          notificationId: `${eventId}-${i}`,
          recipient: { role, id: `${role}-1` },
          channel: 'inbox',
        })),
      },
    });
    const story = foldNotifications(
      [
        step('e1', 'ticket.submitted'),
        delivered('n1', 'e1', 'staff'),
        step('e2', 'ticket.dispatched'),
        deliveredToAll('n2', 'e2', ['member', 'resident', 'member']),
      ],
      false,
    );

    expect(story.map(({ eventId, told }) => ({ eventId, told }))).toEqual([
      { eventId: 'e1', told: ['staff'] },
      { eventId: 'e2', told: ['member', 'resident'] },
    ]);
  });

  it('keeps every notification fact for staff, with the steps still saying who was told', () => {
    const full = foldNotifications(timeline, true);
    expect(full).toHaveLength(timeline.length);
    expect(full.find((entry) => entry.eventId === 'e2')?.told).toEqual(['member', 'resident']);
  });

  it('says who was told in plain zh-CN and English', () => {
    expect(withTold('社区已派单给党员（第 1 次派单）', ['member', 'resident'], 'zh-CN')).toBe(
      '社区已派单给党员（第 1 次派单）；已通知党员、群众',
    );
    expect(describeTold(['member', 'resident', 'staff'], 'en')).toBe(
      'notified the party member, the resident and community staff',
    );
    expect(withTold('Work started', [], 'en')).toBe('Work started');
  });
});
