import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PlaceLookup } from '../application/place-lookup.port';
import type { KnownPlaces, NamedPlaces } from '../domain/ticket-place.policy';

/** A community's state as the directory publishes it. */
export interface CommunityPlace {
  communityId: string;
  gridIds: string[];
  active: boolean;
  revision: number;
}

/** A compound's state as the directory publishes it, with its households. */
export interface CompoundPlace {
  compoundId: string;
  communityId: string;
  buildingIds: string[];
  active: boolean;
  revision: number;
  households: Array<{
    householdId: string;
    gridId: string;
    buildingId: string | null;
    residentIds: string[];
  }>;
}

/**
 * The directory's places as learned from its events. Each entity is stored whole unless a newer
 * revision is already held: the directory topic is compacted and may be replayed, and entities on
 * different partitions arrive in any order.
 */
@Injectable()
export class KnownPlacesRepository implements PlaceLookup {
  /** Stores the community unless a newer revision is held. */
  async storeCommunity(manager: EntityManager, community: CommunityPlace): Promise<void> {
    await manager.query(
      `INSERT INTO known_community (id, grid_ids, active, revision) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET grid_ids = EXCLUDED.grid_ids, active = EXCLUDED.active,
         revision = EXCLUDED.revision
       WHERE known_community.revision < EXCLUDED.revision`,
      [community.communityId, community.gridIds, community.active, community.revision],
    );
  }

  /**
   * Stores the compound and replaces its households unless a newer revision is held. A household that
   * moved to another compound is taken over by that compound's event, whichever arrives first.
   */
  async storeCompound(manager: EntityManager, compound: CompoundPlace): Promise<void> {
    const stored: unknown[] = await manager.query(
      `INSERT INTO known_compound (id, community_id, building_ids, active, revision) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET community_id = EXCLUDED.community_id,
         building_ids = EXCLUDED.building_ids, active = EXCLUDED.active, revision = EXCLUDED.revision
       WHERE known_compound.revision < EXCLUDED.revision
       RETURNING id`,
      [compound.compoundId, compound.communityId, compound.buildingIds, compound.active, compound.revision],
    );
    if (stored.length === 0) return;
    const householdIds = compound.households.map((household) => household.householdId);
    await manager.query(
      'DELETE FROM known_household WHERE compound_id = $1 AND NOT (id = ANY ($2::uuid[]))',
      [compound.compoundId, householdIds],
    );
    if (householdIds.length === 0) return;
    // One statement for all of a compound's households, however many.
    await manager.query(
      `INSERT INTO known_household (id, compound_id, community_id, grid_id, building_id, resident_ids)
       SELECT h."householdId", $1, $2, h."gridId", h."buildingId", h."residentIds"
         FROM jsonb_to_recordset($3::jsonb)
           AS h ("householdId" uuid, "gridId" uuid, "buildingId" uuid, "residentIds" varchar(128)[])
       ON CONFLICT (id) DO UPDATE SET compound_id = EXCLUDED.compound_id, community_id = EXCLUDED.community_id,
         grid_id = EXCLUDED.grid_id, building_id = EXCLUDED.building_id, resident_ids = EXCLUDED.resident_ids`,
      [compound.compoundId, compound.communityId, JSON.stringify(compound.households)],
    );
  }

  /**
   * What the directory knows of the places a ticket names, in one round trip: the community, the
   * compound (named, or the household's), the household, and whether the resident is registered in
   * the community.
   */
  async lookUp(manager: EntityManager, named: NamedPlaces, residentId: string | null): Promise<KnownPlaces> {
    const [row]: Array<{
      community: { grid_ids: string[]; active: boolean } | null;
      compound: { id: string; community_id: string; building_ids: string[]; active: boolean } | null;
      household: {
        community_id: string;
        grid_id: string;
        compound_id: string;
        building_id: string | null;
        resident_ids: string[];
      } | null;
      registered: boolean;
    }> = await manager.query(
      `WITH household AS (SELECT * FROM known_household WHERE id = $3::uuid)
       SELECT (SELECT to_jsonb(c) FROM known_community c WHERE c.id = $1::uuid) AS community,
              (SELECT to_jsonb(k) FROM known_compound k
                WHERE k.id = COALESCE($2::uuid, (SELECT compound_id FROM household))) AS compound,
              (SELECT to_jsonb(h) FROM household h) AS household,
              ($4::varchar IS NOT NULL AND EXISTS (
                 SELECT 1 FROM known_household r
                  WHERE r.community_id = $1::uuid AND r.resident_ids @> ARRAY[$4::varchar])) AS registered`,
      [named.communityId, named.compoundId ?? null, named.householdId ?? null, residentId],
    );
    return {
      community: row.community && { gridIds: row.community.grid_ids, active: row.community.active },
      compound: row.compound && {
        id: row.compound.id,
        communityId: row.compound.community_id,
        buildingIds: row.compound.building_ids,
        active: row.compound.active,
      },
      household: row.household && {
        communityId: row.household.community_id,
        gridId: row.household.grid_id,
        compoundId: row.household.compound_id,
        buildingId: row.household.building_id,
        residentIds: row.household.resident_ids,
      },
      residentRegisteredInCommunity: row.registered,
    };
  }
}
