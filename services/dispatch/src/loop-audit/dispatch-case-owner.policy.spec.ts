import { CaseOwnership, dispatchCaseOwner } from './dispatch-case-owner.policy';

const community = '0190b000-0000-7000-8000-0000000000a1';

function aCase(overrides: Partial<CaseOwnership>): CaseOwnership {
  return {
    status: 'awaiting_dispatch',
    communityId: community,
    escalationLevel: 0,
    escalatedToRole: null,
    escalatedToId: null,
    assigneeKind: null,
    assigneeId: null,
    ...overrides,
  };
}

describe('dispatchCaseOwner', () => {
  it('names the member holding the offer of an offered case', () => {
    expect(
      dispatchCaseOwner(aCase({ status: 'offered', assigneeKind: 'member', assigneeId: 'member-1' })),
    ).toEqual({ kind: 'member', id: 'member-1' });
  });

  it('names the property company doing the work of a case in progress', () => {
    expect(
      dispatchCaseOwner(
        aCase({ status: 'in_progress', assigneeKind: 'property_company', assigneeId: 'property-a' }),
      ),
    ).toEqual({ kind: 'property_company', id: 'property-a' });
  });

  it('leaves an unescalated case waiting for dispatch with the community staff queue', () => {
    expect(dispatchCaseOwner(aCase({}))).toEqual({ kind: 'community', id: community });
  });

  it('gives an escalated case waiting for dispatch to whoever it was escalated to', () => {
    expect(
      dispatchCaseOwner(
        aCase({ escalationLevel: 2, escalatedToRole: 'official', escalatedToId: 'official-street' }),
      ),
    ).toEqual({ kind: 'official', id: 'official-street' });
    expect(
      dispatchCaseOwner(
        aCase({ escalationLevel: 1, escalatedToRole: 'secretary', escalatedToId: 'secretary-a' }),
      ),
    ).toEqual({ kind: 'secretary', id: 'secretary-a' });
  });

  it('leaves resolved, closed and cancelled cases without an owner', () => {
    for (const status of ['resolved', 'closed', 'cancelled'])
      expect(dispatchCaseOwner(aCase({ status, assigneeKind: 'member', assigneeId: 'member-1' }))).toBeNull();
  });
});
