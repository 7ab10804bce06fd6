import { DispatchCaseFacts, eventCatalogue, ParkedEvent } from '@loop/contracts';
import {
  AuditedEvent,
  AuditedTicket,
  countFindings,
  notifiedEventTypes,
  PeerFacts,
  reconcileLoop,
  ReconciliationInput,
} from './loop-reconciliation';

const now = new Date('2026-04-01T08:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const minutesAhead = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

function ticket(overrides: Partial<AuditedTicket> = {}): AuditedTicket {
  return {
    id: 't-1',
    number: 'LC-2026-000001',
    status: 'accepted',
    statusChangedAt: minutesAgo(30),
    autoConfirmTimerDueAt: null,
    ...overrides,
  };
}

function dispatchCase(overrides: Partial<DispatchCaseFacts> = {}): DispatchCaseFacts {
  return {
    ticketId: 't-1',
    status: 'accepted',
    owner: { kind: 'member', id: 'm-0001' },
    nextDeadlineAt: minutesAhead(60).toISOString(),
    minutesSpent: null,
    completedByKind: null,
    ...overrides,
  };
}

function event(overrides: Partial<AuditedEvent> = {}): AuditedEvent {
  return {
    eventId: 'e-1',
    ticketId: 't-1',
    type: 'work.completed',
    occurredAt: minutesAgo(10),
    recordedAt: minutesAgo(10),
    ...overrides,
  };
}

function audit(
  tickets: AuditedTicket[],
  peers: Partial<PeerFacts>,
  events: AuditedEvent[] = [],
  overrides: Partial<ReconciliationInput> = {},
) {
  return reconcileLoop({
    tickets,
    events,
    peers: { dispatchCases: [], ticketHours: [], eventNotifications: [], ...peers },
    now,
    settleMs: 60_000,
    ...overrides,
  });
}

const kinds = (findings: { kind: string }[]) => findings.map((finding) => finding.kind);
const parkedEvent = (overrides: Partial<ParkedEvent> = {}): ParkedEvent => ({
  eventId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
  eventType: 'ticket.confirmed',
  key: 't-1',
  reason: 'handler_failed',
  deadLetterTopic: 'requests.ticket.v1.dlq',
  partition: 2,
  offset: '17',
  parkedAt: '2026-04-01T07:30:00.000Z',
  ...overrides,
});
const hours = (standingCredits: number) => ({
  ticketId: 't-1',
  credits: standingCredits,
  reversals: 0,
  standingCredits,
  netMinutes: 45 * standingCredits,
});

describe('the open tickets of the loop audit', () => {
  it('finds nothing wrong with an accepted ticket whose member owns it and whose deadline lies ahead', () => {
    expect(audit([ticket()], { dispatchCases: [dispatchCase()] })).toEqual([]);
  });

  it('reports a ticket dispatch has no case for as having no owner', () => {
    const findings = audit([ticket({ status: 'submitted' })], {});
    expect(findings).toEqual([
      {
        kind: 'open-without-owner',
        ticketId: 't-1',
        ticketNumber: 'LC-2026-000001',
        detail: 'submitted, but dispatch has no case',
      },
    ]);
  });

  it('reports a case nobody owns', () => {
    expect(kinds(audit([ticket()], { dispatchCases: [dispatchCase({ owner: null })] }))).toEqual([
      'open-without-owner',
    ]);
  });

  it('reports a case without a pending deadline', () => {
    expect(kinds(audit([ticket()], { dispatchCases: [dispatchCase({ nextDeadlineAt: null })] }))).toEqual([
      'open-without-future-deadline',
    ]);
  });

  it('reports both when a case has neither an owner nor a deadline', () => {
    const findings = audit([ticket()], {
      dispatchCases: [dispatchCase({ owner: null, nextDeadlineAt: null })],
    });
    expect(kinds(findings)).toEqual(['open-without-owner', 'open-without-future-deadline']);
  });

  it('reports a deadline that passed longer ago than the grace', () => {
    const late = dispatchCase({ nextDeadlineAt: minutesAgo(5).toISOString() });
    expect(kinds(audit([ticket()], { dispatchCases: [late] }))).toEqual(['open-without-future-deadline']);
  });

  it('lets a deadline a poller is about to fire pass within the grace', () => {
    const firing = dispatchCase({ nextDeadlineAt: new Date(now.getTime() - 30_000).toISOString() });
    expect(audit([ticket()], { dispatchCases: [firing] })).toEqual([]);
  });

  it('judges a passed deadline at once when the grace is 0', () => {
    const firing = dispatchCase({ nextDeadlineAt: new Date(now.getTime() - 1_000).toISOString() });
    expect(kinds(audit([ticket()], { dispatchCases: [firing] }, [], { settleMs: 0 }))).toEqual([
      'open-without-future-deadline',
    ]);
  });

  it('gives a ticket that changed status within the settle time the benefit of the doubt', () => {
    expect(audit([ticket({ statusChangedAt: new Date(now.getTime() - 5_000) })], {})).toEqual([]);
  });

  it('owns a resolved ticket by its resident until the pending auto-confirmation', () => {
    const resolved = ticket({ status: 'resolved', autoConfirmTimerDueAt: minutesAhead(72 * 60) });
    // Dispatch's case is resolved and nobody there owns it: that is right for a resolved ticket.
    expect(
      audit([resolved], { dispatchCases: [dispatchCase({ owner: null, nextDeadlineAt: null })] }),
    ).toEqual([]);
  });

  it('reports a resolved ticket with no auto-confirmation pending', () => {
    expect(kinds(audit([ticket({ status: 'resolved' })], {}))).toEqual(['open-without-future-deadline']);
  });

  it('reports a resolved ticket whose auto-confirmation is overdue beyond the grace', () => {
    const stuck = ticket({ status: 'resolved', autoConfirmTimerDueAt: minutesAgo(10) });
    expect(kinds(audit([stuck], {}))).toEqual(['open-without-future-deadline']);
  });

  it('checks reopened tickets against dispatch like any other open ticket', () => {
    expect(kinds(audit([ticket({ status: 'reopened' })], {}))).toEqual(['open-without-owner']);
  });
});

describe('the hours of closed tickets', () => {
  const completedByMember = dispatchCase({
    status: 'closed',
    owner: null,
    nextDeadlineAt: null,
    completedByKind: 'member',
    minutesSpent: 45,
  });
  const closed = ticket({ status: 'closed' });

  it('finds nothing wrong when a member’s confirmed work has one standing credit', () => {
    expect(audit([closed], { dispatchCases: [completedByMember], ticketHours: [hours(1)] })).toEqual([]);
  });

  it('reports hours missing when the ledger holds no standing credit', () => {
    const findings = audit([closed], { dispatchCases: [completedByMember], ticketHours: [hours(0)] });
    expect(kinds(findings)).toEqual(['closed-hours-missing']);
    expect(findings[0].detail).toContain('0 standing credits, 1 due');
  });

  it('names the parked event behind missing hours and the command that replays it', () => {
    const ledger = { ...hours(0), parked: [parkedEvent()] };
    const [finding] = audit([closed], { dispatchCases: [completedByMember], ticketHours: [ledger] });
    expect(finding.kind).toBe('closed-hours-missing');
    expect(finding.detail).toContain(
      'ticket.confirmed 0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b is parked on requests.ticket.v1.dlq partition 2 offset 17 (handler_failed',
    );
    expect(finding.detail).toContain(
      'replay-dead-letter.ts --topic requests.ticket.v1.dlq --partition 2 --offset 17',
    );
  });

  it('reports hours missing when volunteer-hours does not answer for the ticket at all', () => {
    expect(kinds(audit([closed], { dispatchCases: [completedByMember] }))).toEqual(['closed-hours-missing']);
  });

  it('reports hours doubled when more than one credit stands', () => {
    expect(kinds(audit([closed], { dispatchCases: [completedByMember], ticketHours: [hours(2)] }))).toEqual([
      'closed-hours-doubled',
    ]);
  });

  it('expects no hours for work a property company did', () => {
    const byCompany = { ...completedByMember, completedByKind: 'property_company' };
    expect(audit([closed], { dispatchCases: [byCompany], ticketHours: [hours(0)] })).toEqual([]);
    expect(kinds(audit([closed], { dispatchCases: [byCompany], ticketHours: [hours(1)] }))).toEqual([
      'closed-hours-doubled',
    ]);
  });

  it('expects no hours for a completion with no minutes', () => {
    const noMinutes = { ...completedByMember, minutesSpent: 0 };
    expect(audit([closed], { dispatchCases: [noMinutes], ticketHours: [hours(0)] })).toEqual([]);
  });

  it('still reports doubled hours when dispatch knows no completion', () => {
    expect(audit([closed], { ticketHours: [hours(1)] })).toEqual([]);
    expect(kinds(audit([closed], { ticketHours: [hours(2)] }))).toEqual(['closed-hours-doubled']);
  });

  it('does not judge the hours of a ticket closed within the settle time', () => {
    const justClosed = ticket({ status: 'closed', statusChangedAt: new Date(now.getTime() - 5_000) });
    expect(audit([justClosed], { dispatchCases: [completedByMember] })).toEqual([]);
  });

  it('expects nothing of a cancelled ticket but its notifications', () => {
    expect(audit([ticket({ status: 'cancelled' })], {})).toEqual([]);
  });
});

describe('the notifications of loop events', () => {
  const notified = (handled: boolean, notifications: number) => ({
    dispatchCases: [dispatchCase()],
    eventNotifications: [{ eventId: 'e-1', handled, notifications }],
  });

  it('finds nothing wrong when the event told somebody', () => {
    expect(audit([ticket()], notified(true, 2), [event()])).toEqual([]);
  });

  it('finds nothing wrong when notifications handled the event and had nobody to tell', () => {
    const cancelled = event({ type: 'ticket.cancelled' });
    expect(audit([ticket()], notified(true, 0), [cancelled])).toEqual([]);
  });

  it('reports an event notifications never handled', () => {
    const findings = audit([ticket()], notified(false, 0), [event()]);
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'notification-missing',
        ticketId: 't-1',
        ticketNumber: 'LC-2026-000001',
      }),
    ]);
    expect(findings[0].detail).toContain('work.completed e-1');
    expect(findings[0].detail).toContain('never handled by notifications');
  });

  it('names where an event notifications never handled is parked', () => {
    const parked = parkedEvent({
      eventId: 'e-1',
      eventType: 'work.completed',
      deadLetterTopic: 'dispatch.assignment.v1.dlq',
    });
    const [finding] = audit(
      [ticket()],
      {
        dispatchCases: [dispatchCase()],
        eventNotifications: [{ eventId: 'e-1', handled: false, notifications: 0, parked }],
      },
      [event()],
    );
    expect(finding.detail).toContain(
      'work.completed e-1 is parked on dispatch.assignment.v1.dlq partition 2 offset 17',
    );
  });

  it('takes a notification the event caused as proof it was handled', () => {
    expect(audit([ticket()], notified(false, 1), [event()])).toEqual([]);
  });

  it('reports an event notifications does not answer for', () => {
    expect(kinds(audit([ticket()], { dispatchCases: [dispatchCase()] }, [event()]))).toEqual([
      'notification-missing',
    ]);
  });

  it('does not judge an event that occurred or arrived within the settle time', () => {
    const recent = event({
      occurredAt: new Date(now.getTime() - 5_000),
      recordedAt: new Date(now.getTime() - 5_000),
    });
    const late = event({ eventId: 'e-2', recordedAt: new Date(now.getTime() - 5_000) });
    expect(audit([ticket()], { dispatchCases: [dispatchCase()] }, [recent, late])).toEqual([]);
  });

  it('takes the notified event types from the contracts: every type notifications consumes, nothing else', () => {
    const types = notifiedEventTypes(eventCatalogue);
    expect(types).toEqual(
      expect.arrayContaining(['ticket.submitted', 'ticket.dispatched', 'work.completed']),
    );
    expect(types).not.toContain('notification.delivered');
    expect(
      notifiedEventTypes([
        { type: 'a.happened', consumers: ['notifications', 'dispatch'] },
        { type: 'b.happened', consumers: ['requests'] },
      ]),
    ).toEqual(['a.happened']);
  });
});

describe('the counts of a loop audit', () => {
  it('counts every kind, zero included', () => {
    const findings = audit([ticket({ status: 'submitted' })], {});
    expect(countFindings(findings)).toEqual({
      'open-without-owner': 1,
      'open-without-future-deadline': 0,
      'closed-hours-missing': 0,
      'closed-hours-doubled': 0,
      'notification-missing': 0,
      'summons-overdue-unescalated': 0,
      'duplicate-open-after-master-closed': 0,
    });
  });
});

describe('merged duplicates in the loop audit', () => {
  const master = (status: string, closedMinutesAgo = 30) => ({
    id: 't-master',
    status,
    statusChangedAt: minutesAgo(closedMinutesAgo),
  });

  it('does not call an open merged duplicate an orphan: its master owns the work', () => {
    const duplicate = ticket({ status: 'accepted', master: master('accepted') });
    const cancelledCase = dispatchCase({ status: 'cancelled', owner: null, nextDeadlineAt: null });

    expect(audit([duplicate], { dispatchCases: [cancelledCase] })).toEqual([]);
  });

  it('finds a duplicate left open after its master closed', () => {
    const duplicate = ticket({ status: 'resolved', master: master('closed') });

    expect(kinds(audit([duplicate], {}))).toEqual(['duplicate-open-after-master-closed']);
  });

  it('gives a master that just closed the time to close its duplicates', () => {
    const duplicate = ticket({ status: 'resolved', master: master('closed', 0.5) });

    expect(audit([duplicate], {})).toEqual([]);
  });

  it('expects no hours for a duplicate closed with its master', () => {
    const duplicate = ticket({ status: 'closed', master: master('closed') });
    const withdrawnCase = dispatchCase({ status: 'cancelled', owner: null, nextDeadlineAt: null });

    expect(audit([duplicate], { dispatchCases: [withdrawnCase], ticketHours: [hours(0)] })).toEqual([]);
  });
});
