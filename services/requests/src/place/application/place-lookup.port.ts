import type { EntityManager } from 'typeorm';
import type { KnownPlaces, NamedPlaces } from '../domain/ticket-place.policy';

/**
 * What the rest of the requests service may ask of the directory's places: filing a ticket checks the
 * places it names. Inject this class (it is the DI token); the place module binds it to the
 * database-backed repository.
 */
export abstract class PlaceLookup {
  /**
   * What the directory knows of the places a ticket names, in one round trip: the community, the
   * compound (named, or the household's), the household, and whether the resident is registered in
   * the community.
   */
  abstract lookUp(
    manager: EntityManager,
    named: NamedPlaces,
    residentId: string | null,
  ): Promise<KnownPlaces>;
}
