import {
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  assignmentExpiredV1,
  assignmentHandedBackV1,
  EventDefinition,
  fixturePayload,
  hoursCreditedV1,
  hoursReversedV1,
  slaReminderDueV1,
  ticketCancelledV1,
  ticketConfirmedV1,
  ticketDispatchedV1,
  ticketEscalatedV1,
  ticketReopenedV1,
  ticketSubmittedV1,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import type { OfficialFact, StaffFact, TicketFact } from '../../facts/domain/facts';
import type { LoopEvent } from './loop-event';
import { directoryNeedsOf, needsTicketFact, notificationsFor, RuleFacts } from './notification-rules';

const community = '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60';
const grid = '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71';
const otherGrid = '9d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b79';
const ticketId = '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';
const assignmentId = '0195a1b3-1a2b-7c3d-9e4f-5a6b7c8d9e0f';
const at = '2026-03-01T02:00:00.000Z';

const ticket: TicketFact = {
  ticketId,
  ticketNumber: 'LC-20260301-0042',
  residentId: 'resident-1',
  communityId: community,
  gridId: grid,
  categoryCode: 'property.repair',
  urgency: 'normal',
  assignee: null,
};

const staff = (staffId: string, extra: Partial<StaffFact> = {}): StaffFact => ({
  staffId,
  role: 'staff',
  communityId: community,
  gridIds: [],
  active: true,
  revision: 1,
  ...extra,
});

const official = (officialId: string, level: 2 | 3, extra: Partial<OfficialFact> = {}): OfficialFact => ({
  officialId,
  escalationLevel: level,
  communityIds: [community],
  active: true,
  revision: 1,
  ...extra,
});

const facts = (extra: Partial<RuleFacts> = {}): RuleFacts => ({
  ticket,
  communityStaff: [
    staff('staff-1'),
    staff('secretary-1', { role: 'secretary' }),
    staff('gridworker-1', { role: 'grid_worker', gridIds: [grid] }),
    staff('gridworker-2', { role: 'grid_worker', gridIds: [otherGrid] }),
    staff('retired-1', { active: false }),
  ],
  officials: [official('town-1', 2), official('county-1', 3), official('town-retired', 2, { active: false })],
  ...extra,
});

const event = (e: Omit<LoopEvent, 'eventId' | 'actor'> & Partial<LoopEvent>): LoopEvent =>
  ({
    eventId: '0195a1b4-0000-7000-8000-000000000001',
    actor: { role: 'system', id: 'dispatch' },
    ...e,
  }) as LoopEvent;

const member = { kind: 'member' as const, id: 'member-1' };
const who = (intents: ReturnType<typeof notificationsFor>) =>
  intents.map((i) => `${i.recipient.role}:${i.recipient.id}:${i.kind}`).sort();

describe('who hears what', () => {
  it('tells the staff covering the ticket’s grid about a new ticket, but not the grid worker who filed it', () => {
    const payload = { ...fixturePayload(ticketSubmittedV1), communityId: community, gridId: grid };
    payload.filedBy = { role: 'grid_worker', id: 'gridworker-1' };
    const intents = notificationsFor(event({ type: 'ticket.submitted', payload }), facts({ ticket: null }));
    expect(who(intents)).toEqual([
      'secretary:secretary-1:ticket_submitted',
      'staff:staff-1:ticket_submitted',
    ]);
  });

  it('offers the task to the member and tells the resident it was dispatched, with no resident contact in the offer', () => {
    const intents = notificationsFor(
      event({
        type: 'ticket.dispatched',
        payload: {
          ticketId,
          assignmentId,
          assignee: member,
          mode: 'manual',
          dispatchedBy: { role: 'staff', id: 'staff-1' },
          attempt: 1,
          offerExpiresAt: at,
          completionDueAt: at,
          dispatchedAt: at,
          place: { community: '冶河社区', compound: '幸福里', building: '3号楼' },
        },
      }),
      facts(),
    );
    expect(who(intents)).toEqual(['member:member-1:offer_received', 'resident:resident-1:ticket_dispatched']);
    const offer = intents.find((i) => i.kind === 'offer_received')!;
    expect(Object.keys(offer.params).sort()).toEqual([
      'assignmentId',
      'category',
      'offerExpiresAt',
      'place',
      'ticketNumber',
      'urgency',
    ]);
    expect(offer.params.place).toBe('冶河社区 幸福里 3号楼');
    expect(JSON.stringify(offer)).not.toContain('resident-1');
  });

  it.each([
    [
      'assignment.accepted',
      { ticketId, assignmentId, assignee: member, completionDueAt: at, acceptedAt: at },
      'ticket_accepted',
    ],
    ['work.started', { ticketId, assignmentId, assignee: member, startedAt: at }, 'work_started'],
    [
      'work.completed',
      { ticketId, assignmentId, assignee: member, minutesSpent: 30, completedAt: at },
      'work_completed',
    ],
    [
      'ticket.confirmed',
      { ticketId, assignmentId, rating: 5, auto: false, confirmedAt: at },
      'ticket_closed',
    ],
    [
      'ticket.confirmed',
      { ticketId, assignmentId, rating: null, auto: true, confirmedAt: at },
      'ticket_auto_confirmed',
    ],
  ])('tells only the resident about %s (%s)', (type, payload, kind) => {
    const intents = notificationsFor(event({ type, payload } as LoopEvent), facts());
    expect(who(intents)).toEqual([`resident:resident-1:${kind}`]);
  });

  it('tells nobody about a step of a patrol finding that has no resident', () => {
    const intents = notificationsFor(
      event({ type: 'work.started', payload: { ticketId, assignmentId, assignee: member, startedAt: at } }),
      facts({ ticket: { ...ticket, residentId: null } }),
    );
    expect(intents).toEqual([]);
  });

  it('tells the community staff about a decline, a handback and a reopened ticket', () => {
    const staffKinds = (type: string, payload: object) =>
      who(notificationsFor(event({ type, payload } as LoopEvent), facts()));
    expect(
      staffKinds('assignment.declined', {
        ticketId,
        assignmentId,
        assignee: member,
        reasonCode: 'busy',
        declinedAt: at,
      }),
    ).toEqual([
      'grid_worker:gridworker-1:offer_declined',
      'secretary:secretary-1:offer_declined',
      'staff:staff-1:offer_declined',
    ]);
    expect(
      staffKinds('assignment.handed_back', {
        ticketId,
        assignmentId,
        assignee: member,
        reasonCode: 'other',
        handedBackAt: at,
      }),
    ).toHaveLength(3);
    expect(
      staffKinds('ticket.reopened', {
        ticketId,
        assignmentId,
        reopenedFrom: 'closed',
        reasonCode: 'not_fixed',
        reopenCount: 1,
        reopenedAt: at,
      }),
    ).toHaveLength(3);
  });

  it('tells the member the offer expired and the staff that nobody accepted in time', () => {
    const intents = notificationsFor(
      event({
        type: 'assignment.expired',
        payload: { ticketId, assignmentId, assignee: member, offerExpiresAt: at, expiredAt: at },
      }),
      facts(),
    );
    expect(who(intents)).toContain('member:member-1:offer_expired');
    expect(who(intents)).toContain('staff:staff-1:offer_expired_unaccepted');
  });

  it('tells the staff about a low rating but not about a good one', () => {
    const rated = (rating: number) =>
      who(
        notificationsFor(
          event({
            type: 'ticket.confirmed',
            payload: { ticketId, assignmentId, rating, auto: false, confirmedAt: at },
          }),
          facts(),
        ),
      );
    expect(rated(2)).toContain('staff:staff-1:low_rating');
    expect(rated(4)).toEqual(['resident:resident-1:ticket_closed']);
  });

  it('withdraws an open offer from the member when the ticket is cancelled, and cancels accepted work', () => {
    const cancel = event({
      type: 'ticket.cancelled',
      payload: { ticketId, reasonCode: 'withdrawn', cancelledAt: at },
    });
    const offered = notificationsFor(
      cancel,
      facts({ ticket: { ...ticket, assignee: { ...member, state: 'offered' } } }),
    );
    const accepted = notificationsFor(
      cancel,
      facts({ ticket: { ...ticket, assignee: { ...member, state: 'accepted' } } }),
    );
    expect(who(offered)).toEqual(['member:member-1:offer_withdrawn']);
    expect(who(accepted)).toEqual(['member:member-1:ticket_cancelled']);
    expect(notificationsFor(cancel, facts())).toEqual([]);
  });

  it('raises an escalation to the officials of its level linked to the community, urgently, and reassures the resident', () => {
    const escalate = (level: 1 | 2 | 3, escalatedTo: { role: 'secretary' | 'official'; id: string }) =>
      notificationsFor(
        event({
          type: 'ticket.escalated',
          payload: { ticketId, assignmentId, level, reason: 'accept_deadline', escalatedTo, escalatedAt: at },
        }),
        facts(),
      );
    const levelTwo = escalate(2, { role: 'official', id: 'town-1' });
    expect(who(levelTwo)).toEqual([
      'grid_worker:gridworker-1:escalation_raised',
      'official:town-1:escalation_raised',
      'resident:resident-1:ticket_escalated',
      'secretary:secretary-1:escalation_raised',
      'staff:staff-1:escalation_raised',
    ]);
    expect(levelTwo.filter((i) => i.kind === 'escalation_raised').every((i) => i.priority === 'urgent')).toBe(
      true,
    );
    expect(who(escalate(3, { role: 'official', id: 'county-1' }))).toContain(
      'official:county-1:escalation_raised',
    );
    expect(who(escalate(3, { role: 'official', id: 'county-1' }))).not.toContain(
      'official:town-1:escalation_raised',
    );
    expect(
      who(escalate(1, { role: 'secretary', id: 'secretary-1' })).filter((w) => w.startsWith('official')),
    ).toEqual([]);
  });

  it('reminds whoever the reminder names, even before the ticket is known', () => {
    const intents = notificationsFor(
      event({
        type: 'sla.reminder_due',
        payload: {
          ticketId,
          assignmentId,
          deadlineKind: 'accept',
          deadlineAt: at,
          recipient: { role: 'member', id: 'member-1' },
          dueAt: at,
        },
      }),
      facts({ ticket: null }),
    );
    expect(who(intents)).toEqual(['member:member-1:deadline_reminder']);
  });

  it('tells supervision past the top level and a queue nobody holds apart from an ordinary reminder', () => {
    const reminder = (reason: 'supervision' | 'waiting_in_queue', role: 'official' | 'staff') =>
      notificationsFor(
        event({
          type: 'sla.reminder_due',
          payload: {
            ticketId,
            deadlineKind: 'accept',
            deadlineAt: at,
            recipient: { role, id: `${role}-1` },
            dueAt: at,
            reason,
          },
        }),
        facts(),
      );
    expect(who(reminder('supervision', 'official'))).toEqual(['official:official-1:supervision_reminder']);
    expect(who(reminder('waiting_in_queue', 'staff'))).toEqual(['staff:staff-1:queue_reminder']);
  });

  it('marks notifications about urgent and emergency tickets as urgent', () => {
    const intents = notificationsFor(
      event({ type: 'work.started', payload: { ticketId, assignmentId, assignee: member, startedAt: at } }),
      facts({ ticket: { ...ticket, urgency: 'emergency' } }),
    );
    expect(intents[0].priority).toBe('urgent');
  });

  it('refuses an event about a ticket it has never seen submitted', () => {
    expect(() =>
      notificationsFor(
        event({ type: 'work.started', payload: { ticketId, assignmentId, assignee: member, startedAt: at } }),
        facts({ ticket: null }),
      ),
    ).toThrow(/unknown/);
  });
});

describe('who hears about service hours', () => {
  const activityId = '0195a1d0-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
  const credited = (source: { kind: 'ticket' | 'activity'; id: string } = { kind: 'ticket', id: ticketId }) =>
    event({
      type: 'hours.credited',
      payload: { ...fixturePayload(hoursCreditedV1), memberId: 'member-1', minutes: 40, source },
    });
  const reversed = (source: { kind: 'ticket' | 'activity'; id: string } = { kind: 'ticket', id: ticketId }) =>
    event({
      type: 'hours.reversed',
      payload: { ...fixturePayload(hoursReversedV1), memberId: 'member-1', minutes: 40, source },
    });

  it('tells only the credited member, by the ticket number and the minutes, at normal priority', () => {
    const intents = notificationsFor(credited(), facts({ ticket: { ...ticket, urgency: 'emergency' } }));
    expect(intents).toEqual([
      {
        recipient: { id: 'member-1', role: 'member' },
        kind: 'hours_credited',
        priority: 'normal',
        params: { ticketNumber: 'LC-20260301-0042', minutes: 40 },
        ticketId,
      },
    ]);
  });

  it('tells the member a credit was reversed, and why', () => {
    const intents = notificationsFor(reversed(), facts());
    expect(intents).toEqual([
      {
        recipient: { id: 'member-1', role: 'member' },
        kind: 'hours_reversed',
        priority: 'normal',
        params: { ticketNumber: 'LC-20260301-0042', minutes: 40, reversalReason: 'ticket_reopened' },
        ticketId,
      },
    ]);
  });

  it('tells the member about an activity’s credit and its reversal by the minutes alone, on no ticket', () => {
    const credit = notificationsFor(credited({ kind: 'activity', id: activityId }), facts({ ticket: null }));
    expect(credit).toEqual([
      {
        recipient: { id: 'member-1', role: 'member' },
        kind: 'activity_hours_credited',
        priority: 'normal',
        params: { minutes: 40 },
        ticketId: null,
      },
    ]);
    const reversal = notificationsFor(
      reversed({ kind: 'activity', id: activityId }),
      facts({ ticket: null }),
    );
    expect(who(reversal)).toEqual(['member:member-1:activity_hours_reversed']);
  });

  it('waits for the ticket of a ticket’s credit, but not for an activity’s', () => {
    expect(needsTicketFact(credited())).toBe(true);
    expect(needsTicketFact(reversed())).toBe(true);
    expect(needsTicketFact(credited({ kind: 'activity', id: activityId }))).toBe(false);
    expect(() => notificationsFor(credited(), facts({ ticket: null }))).toThrow(/unknown/);
  });
});

describe('which directory facts an event needs', () => {
  const definitions = [
    ticketSubmittedV1,
    ticketCancelledV1,
    ticketConfirmedV1,
    ticketReopenedV1,
    ticketDispatchedV1,
    assignmentAcceptedV1,
    assignmentDeclinedV1,
    assignmentExpiredV1,
    assignmentHandedBackV1,
    workStartedV1,
    workCompletedV1,
    ticketEscalatedV1,
    slaReminderDueV1,
    hoursCreditedV1,
    hoursReversedV1,
  ];
  const withAcceptedWork = facts({ ticket: { ...ticket, assignee: { ...member, state: 'accepted' } } });

  it.each(definitions.map((definition) => [definition.type, definition] as const))(
    'tells the same people about %s without the staff or officials it does not consult',
    (type, definition) => {
      const payload = {
        ...fixturePayload(definition as EventDefinition<object>),
        ticketId,
        communityId: community,
        gridId: grid,
      };
      if (type === 'ticket.confirmed') Object.assign(payload, { rating: 1 });
      const loopEvent = event({ type, payload } as LoopEvent);
      const needs = directoryNeedsOf(loopEvent);
      const everything = notificationsFor(loopEvent, withAcceptedWork);
      const onlyWhatIsNeeded = notificationsFor(loopEvent, {
        ...withAcceptedWork,
        communityStaff: needs.communityStaff ? withAcceptedWork.communityStaff : [],
        officials: needs.officials ? withAcceptedWork.officials : [],
      });
      expect(who(onlyWhatIsNeeded)).toEqual(who(everything));
    },
  );

  it('loads neither staff nor officials for the steps only the resident and the assignee hear about', () => {
    const accepted = event({
      type: 'assignment.accepted',
      payload: { ...fixturePayload(assignmentAcceptedV1), ticketId },
    } as LoopEvent);
    expect(directoryNeedsOf(accepted)).toEqual({ communityStaff: false, officials: false });
  });
});
