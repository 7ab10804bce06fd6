// The HTTP contract behind the monthly community report (联席会月报). The requests service composes the
// report; it asks volunteer-hours and dispatch for the figures only they own, with the reader's token.
// Plain interfaces: the peers answer with JSON, never with events.

/** Body of `POST /reports/community-service` (volunteer-hours). */
export interface CommunityServiceFactsRequest {
  /** The service month `YYYY-MM` (Asia/Shanghai). */
  month: string;
  /** The communities asked about (at most 100). */
  communityIds: string[];
}

/** What party members did for one community in one month. */
export interface CommunityServiceFacts {
  communityId: string;
  /** Members with credited time standing in the month (credits less reversals above zero). */
  activeMembers: number;
  /** Minutes credited less minutes reversed in the month. */
  minutesServed: number;
  /** Volunteer activities of the community that started in the month. */
  activitiesHeld: number;
  /** Members checked out of those activities (attendances). */
  activityAttendances: number;
}

/** Answer of volunteer-hours: one entry per community asked about, zeros when nothing happened. */
export interface CommunityServiceFactsResponse {
  communities: CommunityServiceFacts[];
}

/** Body of `POST /reports/household-coverage` (dispatch). */
export interface HouseholdCoverageRequest {
  /** The communities asked about (at most 100). */
  communityIds: string[];
}

/** The "1+10" coverage of one community: households looked after by a linked party member. */
export interface HouseholdCoverageFacts {
  communityId: string;
  /** The community's name, as the directory has it. */
  name: string;
  households: number;
  /** Households linked to at least one active member. */
  householdsLinked: number;
  /** Active members registered in the community. */
  members: number;
}

/** Answer of dispatch: one entry per community it knows (an unknown one is absent). */
export interface HouseholdCoverageResponse {
  communities: HouseholdCoverageFacts[];
}

/** At most this many communities in one facts request. */
export const MONTHLY_REPORT_MAX_COMMUNITIES = 100;
