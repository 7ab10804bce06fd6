// Who may see which ticket. Anything a caller may not see is reported as not found, so the answer
// never reveals that another community's or another resident's ticket exists.

/** The parts of the caller's identity that decide scope (from the token). */
export interface Viewer {
  id: string;
  roles: readonly string[];
  communityIds: readonly string[];
  gridIds: readonly string[];
}

/** The parts of a ticket that decide who may see it. */
export interface ScopedTicket {
  residentId: string | null;
  filedBy: { id: string };
  location: { communityId: string; gridId: string };
  /** The offer or assignment the ticket rests on now. */
  assignment?: { assignee: { kind: string; id: string } } | null;
}

/** Roles an assignee's token carries: a party member or a property company's dispatch account. */
const assigneeRoles = ['member', 'property_company'] as const;

/** Roles that read tickets by community (staff, secretaries, linked officials). */
export const communityReaderRoles = ['staff', 'secretary', 'official'] as const;

/** True when the viewer may see the ticket under any of their roles. */
export function canView(viewer: Viewer, ticket: ScopedTicket): boolean {
  return viewer.roles.some((role) => {
    switch (role) {
      case 'admin':
        return true;
      case 'resident':
        return ticket.residentId === viewer.id;
      case 'grid_worker':
        return ticket.filedBy.id === viewer.id || viewer.gridIds.includes(ticket.location.gridId);
      case 'staff':
      case 'secretary':
      case 'official':
        return viewer.communityIds.includes(ticket.location.communityId);
      case 'member':
      case 'property_company':
        return isCurrentAssignee(viewer, ticket);
      default:
        return false;
    }
  });
}

/**
 * True when the viewer holds the ticket's current offer or assignment (a member or a property company);
 * an assignee whose offer was declined, expired or reassigned no longer reads the ticket.
 */
export function isCurrentAssignee(viewer: Viewer, ticket: ScopedTicket): boolean {
  return (
    viewer.roles.some((role) => (assigneeRoles as readonly string[]).includes(role)) &&
    ticket.assignment?.assignee.id === viewer.id
  );
}

/** True when the viewer reads the ticket as staff, a secretary or an official of its community. */
export function canViewAsCommunity(viewer: Viewer, ticket: ScopedTicket): boolean {
  return (
    viewer.roles.includes('admin') ||
    viewer.roles.some(
      (role) =>
        (communityReaderRoles as readonly string[]).includes(role) &&
        viewer.communityIds.includes(ticket.location.communityId),
    )
  );
}

/** True when the viewer may act for the community the ticket belongs to (cancel on a resident's behalf). */
export function actsForCommunity(viewer: Viewer, ticket: ScopedTicket): boolean {
  return (
    viewer.roles.includes('admin') ||
    ((viewer.roles.includes('staff') || viewer.roles.includes('secretary')) &&
      viewer.communityIds.includes(ticket.location.communityId))
  );
}

/** True when the viewer speaks for the ticket's resident: the resident, or whoever filed a ticket without one. */
export function speaksForResident(viewer: Viewer, ticket: ScopedTicket): boolean {
  if (ticket.residentId !== null) return viewer.roles.includes('resident') && ticket.residentId === viewer.id;
  return ticket.filedBy.id === viewer.id;
}

/**
 * True when the viewer reads a ticket's every fact, notifications included (staff-side roles); the
 * resident and whoever filed for them read the story, with notifications folded into its steps.
 */
export function readsEveryFact(viewer: Viewer): boolean {
  return viewer.roles.some(
    (role) => role === 'admin' || (communityReaderRoles as readonly string[]).includes(role),
  );
}

/** Whose verdict closes a ticket: the resident's own, or a staff callback to the resident (回访). */
export type VerdictSource = 'resident' | 'callback';

/**
 * Whether `viewer` may give the verdict on the ticket by `source`: the resident confirms their own
 * ticket; staff or the secretary of its community record a callback — but never whoever filed it, so
 * nobody rates their own filing. (Before this rule the filer of a ticket without a resident confirmed it.)
 */
export function mayGiveVerdict(viewer: Viewer, ticket: ScopedTicket, source: VerdictSource): boolean {
  if (source === 'resident') {
    return ticket.residentId !== null && viewer.roles.includes('resident') && ticket.residentId === viewer.id;
  }
  return actsForCommunity(viewer, ticket) && ticket.filedBy.id !== viewer.id;
}
