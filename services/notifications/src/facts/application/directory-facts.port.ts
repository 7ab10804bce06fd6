import type { EntityManager } from 'typeorm';
import type { OfficialFact, StaffFact } from '../domain/facts';

/**
 * Community staff and officials as the notification rules need them. Inject this class (it is the DI
 * token); the facts module binds it to the database-backed repository.
 */
export abstract class DirectoryFacts {
  /** Everyone who works for the community (active or not; the rules decide). */
  abstract staffOfCommunity(manager: EntityManager, communityId: string): Promise<StaffFact[]>;

  /** The officials linked to the community. */
  abstract officialsOfCommunity(manager: EntityManager, communityId: string): Promise<OfficialFact[]>;
}
