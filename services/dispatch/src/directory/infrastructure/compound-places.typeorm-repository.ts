import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompoundPlaceState, ResidentHouseholdView } from '../domain/directory-views';

/** Compounds with their households, and the residents registered to households (居民住户登记). */
@Injectable()
export class CompoundPlacesRepository {
  /** The published state of each compound, read in three statements however many there are. */
  async statesOf(manager: EntityManager, compoundIds: readonly string[]): Promise<CompoundPlaceState[]> {
    if (compoundIds.length === 0) return [];
    const [compounds, buildings, households]: [
      Array<{ id: string; community_id: string; revision: number }>,
      Array<{ id: string; compound_id: string }>,
      Array<{
        id: string;
        compound_id: string;
        grid_id: string;
        building_id: string | null;
        resident_ids: string[];
      }>,
    ] = await Promise.all([
      manager.query(
        'SELECT id, community_id, revision FROM directory_compound WHERE id = ANY ($1::uuid[]) ORDER BY id',
        [compoundIds],
      ),
      manager.query(
        'SELECT id, compound_id FROM directory_building WHERE compound_id = ANY ($1::uuid[]) ORDER BY id',
        [compoundIds],
      ),
      manager.query(
        `SELECT h.id, h.compound_id, h.grid_id, h.building_id,
                COALESCE(array_agg(r.resident_id ORDER BY r.resident_id)
                         FILTER (WHERE r.resident_id IS NOT NULL), '{}') AS resident_ids
           FROM directory_household h
           LEFT JOIN directory_household_resident r ON r.household_id = h.id
          WHERE h.compound_id = ANY ($1::uuid[])
          GROUP BY h.id ORDER BY h.id`,
        [compoundIds],
      ),
    ]);
    return compounds.map((compound) => ({
      compoundId: compound.id,
      communityId: compound.community_id,
      revision: Number(compound.revision),
      buildingIds: buildings.filter((b) => b.compound_id === compound.id).map((b) => b.id),
      households: households
        .filter((h) => h.compound_id === compound.id)
        .map((h) => ({
          householdId: h.id,
          gridId: h.grid_id,
          buildingId: h.building_id,
          residentIds: h.resident_ids,
        })),
    }));
  }

  /** The household's community and compound, or null when there is no such household. */
  async householdPlace(
    manager: EntityManager,
    householdId: string,
  ): Promise<{ communityId: string; compoundId: string } | null> {
    const rows: Array<{ community_id: string; compound_id: string }> = await manager.query(
      'SELECT community_id, compound_id FROM directory_household WHERE id = $1',
      [householdId],
    );
    return rows[0] ? { communityId: rows[0].community_id, compoundId: rows[0].compound_id } : null;
  }

  /** The residents registered to the household, sorted. */
  async residentsOf(manager: EntityManager, householdId: string): Promise<string[]> {
    const rows: Array<{ resident_id: string }> = await manager.query(
      'SELECT resident_id FROM directory_household_resident WHERE household_id = $1 ORDER BY resident_id',
      [householdId],
    );
    return rows.map((row) => row.resident_id);
  }

  /** Registers the resident to the household; false when they already were. */
  async register(
    manager: EntityManager,
    householdId: string,
    residentId: string,
    now: Date,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO directory_household_resident (household_id, resident_id, registered_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING resident_id`,
      [householdId, residentId, now],
    );
    return inserted.length > 0;
  }

  /** Removes the resident's registration; false when there was none. */
  async unregister(manager: EntityManager, householdId: string, residentId: string): Promise<boolean> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected count].
    const [, deleted]: [unknown[], number] = await manager.query(
      'DELETE FROM directory_household_resident WHERE household_id = $1 AND resident_id = $2',
      [householdId, residentId],
    );
    return deleted > 0;
  }

  /** Registers each (household, resident) pair that is not registered yet; returns how many were new. */
  async registerAll(
    manager: EntityManager,
    registrations: ReadonlyArray<{ householdId: string; residentId: string }>,
    now: Date,
  ): Promise<number> {
    if (registrations.length === 0) return 0;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO directory_household_resident (household_id, resident_id, registered_at)
       SELECT household_id, resident_id, $3 FROM unnest($1::uuid[], $2::varchar[]) AS r (household_id, resident_id)
       ON CONFLICT DO NOTHING RETURNING resident_id`,
      [registrations.map((r) => r.householdId), registrations.map((r) => r.residentId), now],
    );
    return inserted.length;
  }

  /** The households the resident is registered to, with their places' names. */
  async householdsOfResident(manager: EntityManager, residentId: string): Promise<ResidentHouseholdView[]> {
    const rows: Array<Record<string, string | Date | null>> = await manager.query(
      `SELECT h.id, h.code, h.address_label, h.community_id, c.name AS community_name, h.grid_id,
              h.compound_id, k.name AS compound_name, h.building_id, b.name AS building_name, r.registered_at
         FROM directory_household_resident r
         JOIN directory_household h ON h.id = r.household_id
         JOIN directory_community c ON c.id = h.community_id
         JOIN directory_compound k ON k.id = h.compound_id
         LEFT JOIN directory_building b ON b.id = h.building_id
        WHERE r.resident_id = $1
        ORDER BY r.registered_at, h.code`,
      [residentId],
    );
    return rows.map((row) => ({
      householdId: String(row.id),
      code: String(row.code),
      addressLabel: String(row.address_label),
      communityId: String(row.community_id),
      communityName: String(row.community_name),
      gridId: String(row.grid_id),
      compoundId: String(row.compound_id),
      compoundName: String(row.compound_name),
      buildingId: row.building_id === null ? null : String(row.building_id),
      buildingName: row.building_name === null ? null : String(row.building_name),
      registeredAt: row.registered_at as Date,
    }));
  }
}
