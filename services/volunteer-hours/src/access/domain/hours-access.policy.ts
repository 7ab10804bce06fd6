/**
 * Who may see whose service hours (the rule): a member their own; community staff and the
 * secretary their communities; a unit's admin (role `unit_admin`) their unit;
 * officials the communities they are linked to (包联). Plain data in, yes/no out.
 */

/** The caller, as the token describes them. */
export interface Viewer {
  id: string;
  roles: readonly string[];
  communityIds: readonly string[];
  unitId?: string;
}

/** Where a member's hours are counted: their community and unit, when known. */
export interface MemberPlacement {
  memberId: string;
  communityId: string | null;
  unitId: string | null;
}

const communityRoles = ['staff', 'secretary', 'official'];

function hasAny(viewer: Viewer, roles: readonly string[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}

/** Staff, secretaries and officials see the communities in their token. */
export function maySeeCommunity(viewer: Viewer, communityId: string): boolean {
  return hasAny(viewer, communityRoles) && viewer.communityIds.includes(communityId);
}

/** A unit's admin sees that unit. */
export function maySeeUnit(viewer: Viewer, unitId: string): boolean {
  return viewer.roles.includes('unit_admin') && viewer.unitId === unitId;
}

/** A member sees their own hours; the people of their community and unit see them too. */
export function maySeeMember(viewer: Viewer, member: MemberPlacement): boolean {
  if (viewer.id === member.memberId) return true;
  if (member.communityId && maySeeCommunity(viewer, member.communityId)) return true;
  return Boolean(member.unitId && maySeeUnit(viewer, member.unitId));
}

/** Staff and secretaries of the member's community may correct the member's ledger. */
export function mayAdjustMember(viewer: Viewer, member: MemberPlacement): boolean {
  return (
    hasAny(viewer, ['staff', 'secretary']) &&
    member.communityId !== null &&
    viewer.communityIds.includes(member.communityId)
  );
}

/** A community's leaderboard is shown to its people and to the members registered there. */
export function maySeeCommunityLeaderboard(viewer: Viewer, communityId: string): boolean {
  return (
    maySeeCommunity(viewer, communityId) ||
    (viewer.roles.includes('member') && viewer.communityIds.includes(communityId))
  );
}

/** A unit's leaderboard is shown to its admin and to the unit's members. */
export function maySeeUnitLeaderboard(viewer: Viewer, unitId: string): boolean {
  return maySeeUnit(viewer, unitId) || (viewer.roles.includes('member') && viewer.unitId === unitId);
}
