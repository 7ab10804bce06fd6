import { mayAdjustMember, maySeeCommunity, maySeeMember, maySeeUnit } from './hours-access.policy';

const member = { memberId: 'member-1', communityId: 'c1', unitId: 'u1' };

describe('who may see service hours', () => {
  it('lets a member see their own hours and not another member’s', () => {
    expect(maySeeMember({ id: 'member-1', roles: ['member'], communityIds: ['c1'] }, member)).toBe(true);
    expect(
      maySeeMember({ id: 'member-2', roles: ['member'], communityIds: ['c1'], unitId: 'u1' }, member),
    ).toBe(false);
  });

  it('lets staff see their own community only', () => {
    expect(maySeeMember({ id: 's', roles: ['staff'], communityIds: ['c1'] }, member)).toBe(true);
    expect(maySeeMember({ id: 's', roles: ['staff'], communityIds: ['c2'] }, member)).toBe(false);
    expect(maySeeCommunity({ id: 's', roles: ['staff'], communityIds: ['c2'] }, 'c1')).toBe(false);
  });

  it('lets a unit admin see their unit only', () => {
    expect(maySeeMember({ id: 'a', roles: ['unit_admin'], communityIds: [], unitId: 'u1' }, member)).toBe(
      true,
    );
    expect(maySeeUnit({ id: 'a', roles: ['unit_admin'], communityIds: [], unitId: 'u2' }, 'u1')).toBe(false);
    expect(maySeeUnit({ id: 'a', roles: ['member'], communityIds: [], unitId: 'u1' }, 'u1')).toBe(false);
  });

  it('lets officials see their linked communities', () => {
    expect(maySeeCommunity({ id: 'o', roles: ['official'], communityIds: ['c1', 'c3'] }, 'c1')).toBe(true);
    expect(maySeeCommunity({ id: 'o', roles: ['official'], communityIds: ['c3'] }, 'c1')).toBe(false);
  });

  it('lets only staff of the member’s community adjust their hours', () => {
    expect(mayAdjustMember({ id: 's', roles: ['staff'], communityIds: ['c1'] }, member)).toBe(true);
    expect(mayAdjustMember({ id: 'o', roles: ['official'], communityIds: ['c1'] }, member)).toBe(false);
    expect(mayAdjustMember({ id: 's', roles: ['staff'], communityIds: ['c2'] }, member)).toBe(false);
  });
});
