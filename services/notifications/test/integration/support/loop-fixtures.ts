// Payloads of the loop's events for one ticket, with ids the tests can follow.
import type {
  AssigneeRef,
  OfficialRegisteredV1,
  StaffRegisteredV1,
  TicketDispatchedV1,
  TicketSubmittedV1,
  TicketUrgency,
} from '@loop/contracts';
import { v7 as uuidv7 } from 'uuid';

const now = () => new Date().toISOString();
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** A community with one grid, fresh ids per call. */
export function aCommunity(): { communityId: string; gridId: string } {
  return { communityId: uuidv7(), gridId: uuidv7() };
}

/** A ticket submitted by a resident in the community's grid. */
export function aSubmittedTicket(
  place: { communityId: string; gridId: string },
  residentId: string,
  urgency: TicketUrgency = 'normal',
): TicketSubmittedV1 {
  const ticketId = uuidv7();
  return {
    ticketId,
    ticketNumber: `LC-T${ticketId.slice(-8).toUpperCase()}`,
    residentId,
    filedBy: { role: 'resident', id: residentId },
    source: 'app',
    categoryCode: 'property.repair',
    urgency,
    communityId: place.communityId,
    gridId: place.gridId,
    submittedAt: now(),
  };
}

/** The offer of a ticket to a member. */
export function anOffer(ticketId: string, memberId: string): TicketDispatchedV1 {
  return {
    ticketId,
    assignmentId: uuidv7(),
    assignee: { kind: 'member', id: memberId },
    mode: 'manual',
    dispatchedBy: { role: 'staff', id: 'staff-dispatcher' },
    attempt: 1,
    offerExpiresAt: inHours(1),
    completionDueAt: inHours(24),
    dispatchedAt: now(),
  };
}

/** A member assignee. */
export function aMember(id: string): AssigneeRef {
  return { kind: 'member', id };
}

/** A staff member of the community covering every grid. */
export function aStaffMember(
  staffId: string,
  communityId: string,
  role: StaffRegisteredV1['role'] = 'staff',
): StaffRegisteredV1 {
  return { staffId, role, communityId, gridIds: [], active: true, revision: 1, changedAt: now() };
}

/** An official linked to the community. */
export function anOfficial(
  officialId: string,
  communityId: string,
  escalationLevel: 2 | 3,
): OfficialRegisteredV1 {
  return {
    officialId,
    escalationLevel,
    communityIds: [communityId],
    active: true,
    revision: 1,
    changedAt: now(),
  };
}

/** Now, as contracts want it. */
export const at = now;
