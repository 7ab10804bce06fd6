import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DirectoryFacts } from '../application/directory-facts.port';
import type { OfficialFact, StaffFact } from '../domain/facts';

interface StaffRow {
  staff_id: string;
  role: StaffFact['role'];
  community_id: string;
  grid_ids: string[];
  active: boolean;
  revision: number;
}

interface OfficialRow {
  official_id: string;
  escalation_level: number;
  community_ids: string[];
  active: boolean;
  revision: number;
}

/** Community staff and officials as kept from the directory topic (whole state per event). */
@Injectable()
export class DirectoryFactsRepository implements DirectoryFacts {
  /** Stores a staff member's state unless an equal or newer revision is already held. */
  async saveStaff(manager: EntityManager, staff: StaffFact): Promise<void> {
    await manager.query(
      `INSERT INTO staff_fact (staff_id, role, community_id, grid_ids, active, revision)
       VALUES ($1, $2, $3, $4::uuid[], $5, $6)
       ON CONFLICT (staff_id) DO UPDATE SET role = EXCLUDED.role, community_id = EXCLUDED.community_id,
         grid_ids = EXCLUDED.grid_ids, active = EXCLUDED.active, revision = EXCLUDED.revision
       WHERE staff_fact.revision < EXCLUDED.revision`,
      [staff.staffId, staff.role, staff.communityId, staff.gridIds, staff.active, staff.revision],
    );
  }

  /** Stores an official's state unless an equal or newer revision is already held. */
  async saveOfficial(manager: EntityManager, official: OfficialFact): Promise<void> {
    await manager.query(
      `INSERT INTO official_fact (official_id, escalation_level, community_ids, active, revision)
       VALUES ($1, $2, $3::uuid[], $4, $5)
       ON CONFLICT (official_id) DO UPDATE SET escalation_level = EXCLUDED.escalation_level,
         community_ids = EXCLUDED.community_ids, active = EXCLUDED.active, revision = EXCLUDED.revision
       WHERE official_fact.revision < EXCLUDED.revision`,
      [
        official.officialId,
        official.escalationLevel,
        official.communityIds,
        official.active,
        official.revision,
      ],
    );
  }

  /** Everyone who works for the community (active or not; the rules decide). */
  async staffOfCommunity(manager: EntityManager, communityId: string): Promise<StaffFact[]> {
    const rows: StaffRow[] = await manager.query(
      `SELECT * FROM staff_fact WHERE community_id = $1 ORDER BY staff_id`,
      [communityId],
    );
    return rows.map((row) => ({
      staffId: row.staff_id,
      role: row.role,
      communityId: row.community_id,
      gridIds: row.grid_ids,
      active: row.active,
      revision: row.revision,
    }));
  }

  /** The officials linked to the community. */
  async officialsOfCommunity(manager: EntityManager, communityId: string): Promise<OfficialFact[]> {
    const rows: OfficialRow[] = await manager.query(
      `SELECT * FROM official_fact WHERE community_ids @> ARRAY[$1]::uuid[] ORDER BY official_id`,
      [communityId],
    );
    return rows.map((row) => ({
      officialId: row.official_id,
      escalationLevel: row.escalation_level === 3 ? 3 : 2,
      communityIds: row.community_ids,
      active: row.active,
      revision: row.revision,
    }));
  }
}
