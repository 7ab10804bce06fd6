import { describe, expect, it } from 'vitest';
import { dispatchMove, holds, type DispatchCase } from './ticket-actions';

function dispatchCase(overrides: Partial<DispatchCase>): DispatchCase {
  return {
    ticketId: 't',
    ticketNumber: 'T-1',
    acceptDueAt: '2026-12-07T06:00:00Z',
    completeDueAt: '2026-12-08T04:00:00Z',
    attempts: 0,
    categoryCode: 'property.repair',
    communityId: 'c',
    gridId: 'g',
    overdue: false,
    returns: 0,
    status: 'awaiting_dispatch',
    submittedAt: '2026-12-07T03:00:00Z',
    urgency: 'normal',
    offers: [],
    summonses: [],
    ...overrides,
  };
}

const member = { id: 'm-1', kind: 'member' as const };

describe('dispatching from the desk', () => {
  it('offers a waiting ticket', () => {
    expect(dispatchMove(dispatchCase({}), member)).toEqual({ kind: 'dispatch', body: { assignee: member } });
  });

  it('redispatches a live offer or assignment, naming the one it replaces', () => {
    const offered = dispatchCase({ status: 'accepted', currentAssignmentId: 'a-1', assignee: member });
    expect(dispatchMove(offered, { id: 'pc-1', kind: 'property_company' })).toEqual({
      kind: 'redispatch',
      body: { assignee: { id: 'pc-1', kind: 'property_company' }, replacesAssignmentId: 'a-1' },
    });
    expect(holds(offered, member)).toBe(true);
    expect(holds(offered, { id: 'm-2', kind: 'member' })).toBe(false);
  });

  it('does nothing once the work is past dispatch', () => {
    expect(
      dispatchMove(dispatchCase({ status: 'resolved', currentAssignmentId: 'a-1' }), member),
    ).toBeUndefined();
    expect(dispatchMove(dispatchCase({ status: 'closed' }), member)).toBeUndefined();
  });
});
