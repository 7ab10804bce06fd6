// Who may summon and release departments on a ticket: the staff and secretary of its community, and the
// district admin (a unit's admin is never a district admin: the token mapping sees to that).

/** The parts of the caller's identity that decide scope. */
export interface SummonsScopeActor {
  roles: readonly string[];
  communityIds: readonly string[];
}

/** Whether the caller may summon departments to, or release them from, a ticket of `communityId`. */
export function mayCallDepartments(actor: SummonsScopeActor, communityId: string): boolean {
  if (actor.roles.includes('admin')) return true;
  return (
    actor.communityIds.includes(communityId) &&
    (actor.roles.includes('staff') || actor.roles.includes('secretary'))
  );
}

/** Whether the caller may read the summonses of a ticket of `communityId` (also linked officials). */
export function mayReadSummonses(actor: SummonsScopeActor, communityId: string): boolean {
  if (mayCallDepartments(actor, communityId)) return true;
  return actor.communityIds.includes(communityId) && actor.roles.includes('official');
}

/** The role the caller acts in when summoning or releasing, for the events. */
export function callingRole(actor: SummonsScopeActor): 'secretary' | 'staff' | 'admin' {
  for (const role of ['secretary', 'staff', 'admin'] as const) if (actor.roles.includes(role)) return role;
  return 'staff';
}
