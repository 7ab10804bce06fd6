// What this service keeps from other services' events to know whom to tell (event-carried state
// transfer). Ids and codes only: no names, no phone numbers.
import type {
  AssigneeKind,
  CommunityStaffRole,
  OfficialEscalationLevel,
  TicketUrgency,
} from '@loop/contracts';

/** Where a ticket's work stands from the assignee's side. */
export type AssigneeState = 'offered' | 'accepted';

/** What this service knows about a ticket, from ticket.submitted and the dispatch events after it. */
export interface TicketFact {
  ticketId: string;
  ticketNumber: string;
  /** Null for a patrol finding with no resident behind it. */
  residentId: string | null;
  communityId: string;
  gridId: string;
  categoryCode: string;
  urgency: TicketUrgency;
  /** The member or property company the work is currently offered to or accepted by. */
  assignee: { kind: AssigneeKind; id: string; state: AssigneeState } | null;
}

/** A community's staff member, secretary or grid worker, from the directory. */
export interface StaffFact {
  staffId: string;
  role: CommunityStaffRole;
  communityId: string;
  /** Empty for staff covering the whole community. */
  gridIds: readonly string[];
  active: boolean;
  revision: number;
}

/** A town/street (2) or county (3) official and the communities they are linked to. */
export interface OfficialFact {
  officialId: string;
  escalationLevel: OfficialEscalationLevel;
  communityIds: readonly string[];
  active: boolean;
  revision: number;
}
