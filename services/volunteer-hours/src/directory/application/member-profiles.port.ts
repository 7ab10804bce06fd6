import type { EntityManager } from 'typeorm';

/** What this service knows about a member from the directory: where their hours are totalled. */
export interface MemberProfile {
  memberId: string;
  unitId: string;
  communityId: string;
  gridId: string;
  active: boolean;
  revision: number;
}

/**
 * What the rest of the volunteer-hours service may read of the members the directory told it about.
 * Inject this class (it is the DI token); the directory module binds it to the database-backed
 * repository.
 */
export abstract class MemberProfiles {
  /** The member's profile, if the directory has told us about them. */
  abstract find(manager: EntityManager, memberId: string): Promise<MemberProfile | null>;
}
