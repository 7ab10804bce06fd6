import { CaseAlreadyDispatchedError, CaseNotOpenError } from './assignment.errors';
import { DispatchCase, EscalationContact } from './dispatch-case.aggregate';

const submittedAt = new Date('2025-06-02T02:00:00.000Z');
const acceptDueAt = new Date('2025-06-02T04:00:00.000Z');
const completeDueAt = new Date('2025-06-03T02:00:00.000Z');

function aCase(): DispatchCase {
  return DispatchCase.open({
    ticketId: '0190a000-0000-7000-8000-000000000002',
    ticketNumber: 'LC-20250602-0001',
    communityId: '0190a000-0000-7000-8000-000000000003',
    gridId: '0190a000-0000-7000-8000-000000000004',
    compoundId: null,
    householdId: null,
    residentId: 'resident-1',
    categoryCode: 'property.repair',
    urgency: 'normal',
    submittedAt,
    acceptDueAt,
    completeDueAt,
  });
}

const chain: EscalationContact[] = [
  { level: 1, role: 'secretary', userId: 'secretary-1' },
  { level: 2, role: 'official', userId: 'street-1' },
  { level: 3, role: 'official', userId: 'county-1' },
];

describe('a dispatch case', () => {
  it('counts offers as attempts and refuses a second dispatch while one is live', () => {
    const dispatchCase = aCase();
    expect(dispatchCase.recordOffer('offer-1')).toBe(1);
    expect(() => dispatchCase.recordOffer('offer-2')).toThrow(CaseAlreadyDispatchedError);
    dispatchCase.recordReturn('member-1', 'expired');
    expect(dispatchCase.recordOffer('offer-2')).toBe(2);
  });

  it('counts declines and hand-backs as returns, but not expiries or withdrawals', () => {
    const dispatchCase = aCase();
    dispatchCase.recordOffer('o1');
    dispatchCase.recordReturn('member-1', 'declined');
    dispatchCase.recordOffer('o2');
    dispatchCase.recordReturn('member-2', 'expired');
    dispatchCase.recordOffer('o3');
    dispatchCase.recordAcceptance(submittedAt);
    dispatchCase.recordReturn('member-3', 'handed_back');
    dispatchCase.recordOffer('o4');
    dispatchCase.recordReturn('member-4', 'withdrawn');
    expect(dispatchCase.returns).toBe(2);
    expect(dispatchCase.excludedAssigneeIds).toEqual(['member-1', 'member-2', 'member-3']);
  });

  it('never moves its deadlines when the ticket bounces between members', () => {
    const dispatchCase = aCase();
    dispatchCase.recordOffer('o1');
    dispatchCase.recordReturn('member-1', 'declined');
    dispatchCase.recordOffer('o2');
    dispatchCase.recordAcceptance(submittedAt);
    dispatchCase.recordReturn('member-2', 'handed_back');
    expect(dispatchCase.acceptDueAt).toEqual(acceptDueAt);
    expect(dispatchCase.completeDueAt).toEqual(completeDueAt);
  });

  it('is overdue once the accept deadline passes without acceptance, or the completion deadline while open', () => {
    const dispatchCase = aCase();
    expect(dispatchCase.isOverdue(new Date('2025-06-02T03:59:00.000Z'))).toBe(false);
    expect(dispatchCase.isOverdue(new Date('2025-06-02T04:01:00.000Z'))).toBe(true);
    dispatchCase.recordOffer('o1');
    dispatchCase.recordAcceptance(submittedAt);
    expect(dispatchCase.isOverdue(new Date('2025-06-02T04:01:00.000Z'))).toBe(false);
    expect(dispatchCase.isOverdue(new Date('2025-06-03T02:01:00.000Z'))).toBe(true);
    dispatchCase.recordStart();
    dispatchCase.recordCompletion(submittedAt);
    expect(dispatchCase.isOverdue(new Date('2025-06-03T02:01:00.000Z'))).toBe(false);
  });

  it('escalates one level at a time, secretary then town/street then county, and no further', () => {
    const dispatchCase = aCase();
    const at = new Date('2025-06-02T04:00:00.000Z');
    expect(dispatchCase.escalate('accept_deadline', chain, at)).toEqual({
      level: 1,
      reason: 'accept_deadline',
      escalatedTo: { role: 'secretary', id: 'secretary-1' },
      escalatedAt: at,
    });
    expect(dispatchCase.escalate('accept_deadline', chain, at)?.escalatedTo.id).toBe('street-1');
    expect(dispatchCase.escalate('completion_deadline', chain, at)?.level).toBe(3);
    expect(dispatchCase.escalate('completion_deadline', chain, at)).toBeUndefined();
    expect(dispatchCase.escalationLevel).toBe(3);
  });

  it('skips a level nobody holds in the chain', () => {
    const dispatchCase = aCase();
    const escalation = dispatchCase.escalate('no_candidates', [chain[0], chain[2]], submittedAt);
    expect(escalation?.level).toBe(1);
    expect(dispatchCase.escalate('no_candidates', [chain[0], chain[2]], submittedAt)?.level).toBe(3);
  });

  it('refuses to dispatch a cancelled or closed ticket', () => {
    const cancelled = aCase();
    cancelled.cancel();
    expect(() => cancelled.ensureDispatchable()).toThrow(CaseNotOpenError);
    const closed = aCase();
    closed.close();
    expect(() => closed.recordOffer('o1')).toThrow(CaseNotOpenError);
  });

  it('goes back to dispatch with fresh deadlines and nobody excluded when reopened', () => {
    const dispatchCase = aCase();
    dispatchCase.recordOffer('o1');
    dispatchCase.recordReturn('member-1', 'declined');
    dispatchCase.recordOffer('o2');
    dispatchCase.recordAcceptance(submittedAt);
    dispatchCase.recordStart();
    dispatchCase.recordCompletion(submittedAt);
    const newAccept = new Date('2025-06-05T04:00:00.000Z');
    const newComplete = new Date('2025-06-06T04:00:00.000Z');
    dispatchCase.reopen(newAccept, newComplete);
    expect(dispatchCase.status).toBe('awaiting_dispatch');
    expect(dispatchCase.excludedAssigneeIds).toEqual([]);
    expect(dispatchCase.acceptDueAt).toEqual(newAccept);
    expect(dispatchCase.snapshot().reopenCount).toBe(1);
  });

  describe('in the community’s queue', () => {
    const later = new Date('2025-06-02T02:10:00.000Z');

    it('announces a new ticket nobody was offered with its accept and completion deadlines', () => {
      const notice = aCase().queueNotice('submitted', later, submittedAt);
      expect(notice).toEqual({
        ticketId: '0190a000-0000-7000-8000-000000000002',
        communityId: '0190a000-0000-7000-8000-000000000003',
        reason: 'submitted',
        acceptDueAt,
        completeDueAt,
        queuedAt: later,
      });
    });

    it('announces nothing while an offer or the work is held', () => {
      const dispatchCase = aCase();
      dispatchCase.recordOffer('o1');
      expect(dispatchCase.queueNotice('submitted', later)).toBeUndefined();
      dispatchCase.recordAcceptance(later);
      expect(dispatchCase.queueNotice('returned', later)).toBeUndefined();
    });

    it('announces a ticket returned with nobody left, keeping the deadlines that were never reset', () => {
      const dispatchCase = aCase();
      dispatchCase.recordOffer('o1');
      dispatchCase.recordReturn('member-1', 'declined');
      expect(dispatchCase.queueNotice('returned', later)).toMatchObject({
        reason: 'returned',
        acceptDueAt,
        completeDueAt,
      });
    });

    it('announces a reopened ticket with its fresh deadlines', () => {
      const dispatchCase = aCase();
      dispatchCase.recordOffer('o1');
      dispatchCase.recordAcceptance(submittedAt);
      dispatchCase.recordCompletion(submittedAt);
      const newAccept = new Date('2025-06-05T04:00:00.000Z');
      const newComplete = new Date('2025-06-06T04:00:00.000Z');
      dispatchCase.reopen(newAccept, newComplete);
      expect(dispatchCase.queueNotice('reopened', later)).toMatchObject({
        reason: 'reopened',
        acceptDueAt: newAccept,
        completeDueAt: newComplete,
      });
    });

    it('is never dated before the fact that sent the ticket to the queue, even with a clock behind', () => {
      const clockBehind = new Date(submittedAt.getTime() - 5);
      expect(aCase().queueNotice('submitted', clockBehind, submittedAt)?.queuedAt).toEqual(submittedAt);
    });

    it('announces nothing once the ticket is cancelled, resolved or closed', () => {
      const cancelled = aCase();
      cancelled.cancel();
      expect(cancelled.queueNotice('submitted', later)).toBeUndefined();
      const resolved = aCase();
      resolved.recordOffer('o1');
      resolved.recordAcceptance(later);
      resolved.recordCompletion(later);
      expect(resolved.queueNotice('returned', later)).toBeUndefined();
    });
  });
});
