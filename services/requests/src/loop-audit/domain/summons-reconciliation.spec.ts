import { DispatchCaseFacts, SummonsFacts } from '@loop/contracts';
import { AuditedTicket, reconcileLoop } from './loop-reconciliation';

const now = new Date('2026-04-01T08:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const minutesAhead = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

const ticket: AuditedTicket = {
  id: 't-1',
  number: 'LC-2026-000001',
  status: 'in_progress',
  statusChangedAt: minutesAgo(30),
  autoConfirmTimerDueAt: null,
};

function summons(overrides: Partial<SummonsFacts> = {}): SummonsFacts {
  return {
    summonsId: 's-1',
    departmentId: 'd-1',
    status: 'issued',
    arriveDueAt: minutesAgo(10).toISOString(),
    escalationLevel: 0,
    ...overrides,
  };
}

function auditWith(openSummonses: SummonsFacts[] | undefined, status = ticket.status) {
  const dispatchCase: DispatchCaseFacts = {
    ticketId: 't-1',
    status: 'in_progress',
    owner: { kind: 'member', id: 'm-0001' },
    nextDeadlineAt: minutesAhead(60).toISOString(),
    minutesSpent: null,
    completedByKind: null,
    ...(openSummonses ? { openSummonses } : {}),
  };
  return reconcileLoop({
    tickets: [{ ...ticket, status }],
    events: [],
    peers: { dispatchCases: [dispatchCase], ticketHours: [], eventNotifications: [] },
    now,
    settleMs: 60_000,
  });
}

describe('the loop audit of summoned departments (吹哨报到)', () => {
  it('finds a department past its arrival deadline that was never escalated', () => {
    const findings = auditWith([summons()]);
    expect(findings.map((finding) => finding.kind)).toEqual(['summons-overdue-unescalated']);
    expect(findings[0].detail).toContain('s-1');
  });

  it('is clean once the late department was escalated, checked in, or its deadline is still ahead', () => {
    expect(auditWith([summons({ escalationLevel: 1 })])).toEqual([]);
    expect(auditWith([summons({ status: 'checked_in' })])).toEqual([]);
    expect(auditWith([summons({ arriveDueAt: minutesAhead(30).toISOString() })])).toEqual([]);
    expect(auditWith([])).toEqual([]);
  });

  it('gives a deadline that only just passed the settling grace, and reads peers that send no summonses', () => {
    expect(auditWith([summons({ arriveDueAt: minutesAgo(0.5).toISOString() })])).toEqual([]);
    expect(auditWith(undefined)).toEqual([]);
  });
});
