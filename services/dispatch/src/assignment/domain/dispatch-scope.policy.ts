// Who may dispatch, re-dispatch or read which tickets. Staff and secretaries answer for their own
// communities; an official answers for the communities they are linked to (包联), once a ticket has
// been escalated to their level or beyond — "the escalated owner can dispatch".

/** The parts of the caller's identity that decide scope. */
export interface ScopeActor {
  roles: readonly string[];
  communityIds: readonly string[];
  escalationLevel?: number;
}

/** The parts of a ticket that decide scope. */
export interface ScopedCase {
  communityId: string;
  escalationLevel: number;
}

/** Whether the caller may dispatch, re-dispatch or read the ticket's dispatch case. */
export function mayManageCase(actor: ScopeActor, dispatchCase: ScopedCase): boolean {
  if (actor.roles.includes('admin')) return true;
  if (!actor.communityIds.includes(dispatchCase.communityId)) return false;
  if (actor.roles.includes('staff') || actor.roles.includes('secretary')) return true;
  return (
    actor.roles.includes('official') &&
    actor.escalationLevel !== undefined &&
    actor.escalationLevel >= 2 &&
    dispatchCase.escalationLevel >= actor.escalationLevel
  );
}

/** Whether the caller may see the dispatch board of a community. */
export function mayReadBoard(actor: ScopeActor, communityId: string): boolean {
  if (actor.roles.includes('admin')) return true;
  return (
    actor.communityIds.includes(communityId) &&
    actor.roles.some((role) => ['staff', 'secretary', 'official'].includes(role))
  );
}

/** The role the caller acts in when dispatching, for the event's `dispatchedBy`. */
export function dispatchingRole(actor: ScopeActor): 'staff' | 'secretary' | 'official' | 'admin' {
  for (const role of ['secretary', 'staff', 'official', 'admin'] as const)
    if (actor.roles.includes(role)) return role;
  return 'staff';
}
