import { dispatchingRole, mayManageCase, mayReadBoard } from './dispatch-scope.policy';

const communityA = 'community-a';
const fresh = { communityId: communityA, escalationLevel: 0 };
const atLevel2 = { communityId: communityA, escalationLevel: 2 };
const atLevel3 = { communityId: communityA, escalationLevel: 3 };

describe('dispatch scope', () => {
  it('lets staff and secretaries manage tickets of their own communities only', () => {
    expect(mayManageCase({ roles: ['staff'], communityIds: [communityA] }, fresh)).toBe(true);
    expect(mayManageCase({ roles: ['secretary'], communityIds: [communityA] }, fresh)).toBe(true);
    expect(mayManageCase({ roles: ['staff'], communityIds: ['community-b'] }, fresh)).toBe(false);
  });

  it('lets an official manage a linked community ticket only once it reached their level', () => {
    const street = { roles: ['official'], communityIds: [communityA], escalationLevel: 2 };
    const county = { roles: ['official'], communityIds: [communityA], escalationLevel: 3 };
    expect(mayManageCase(street, fresh)).toBe(false);
    expect(mayManageCase(street, atLevel2)).toBe(true);
    expect(mayManageCase(street, atLevel3)).toBe(true);
    expect(mayManageCase(county, atLevel2)).toBe(false);
    expect(mayManageCase(county, atLevel3)).toBe(true);
    expect(mayManageCase({ ...county, communityIds: ['community-b'] }, atLevel3)).toBe(false);
  });

  it('never lets members or residents manage a case', () => {
    expect(mayManageCase({ roles: ['member'], communityIds: [communityA] }, fresh)).toBe(false);
    expect(mayManageCase({ roles: ['resident'], communityIds: [communityA] }, fresh)).toBe(false);
  });

  it('shows the board to staff, secretaries and officials of the community', () => {
    expect(mayReadBoard({ roles: ['staff'], communityIds: [communityA] }, communityA)).toBe(true);
    expect(mayReadBoard({ roles: ['official'], communityIds: [communityA] }, communityA)).toBe(true);
    expect(mayReadBoard({ roles: ['staff'], communityIds: [] }, communityA)).toBe(false);
    expect(mayReadBoard({ roles: ['member'], communityIds: [communityA] }, communityA)).toBe(false);
  });

  it('names the role the dispatcher acts in, secretary before staff', () => {
    expect(dispatchingRole({ roles: ['staff', 'secretary'], communityIds: [] })).toBe('secretary');
    expect(dispatchingRole({ roles: ['official'], communityIds: [] })).toBe('official');
  });
});
