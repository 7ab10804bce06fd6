import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MemberProfile, MemberProfiles } from '../application/member-profiles.port';

/** The member facts learned from directory events. */
@Injectable()
export class MemberProfileTypeormRepository implements MemberProfiles {
  /**
   * Stores a member's whole state unless a newer revision is already held (the directory topic is
   * compacted and may be replayed, so old states arrive after new ones).
   */
  async upsert(manager: EntityManager, profile: MemberProfile, changedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO member_profile (member_id, unit_id, community_id, grid_id, active, revision, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (member_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, community_id = EXCLUDED.community_id,
         grid_id = EXCLUDED.grid_id, active = EXCLUDED.active, revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at
       WHERE member_profile.revision < EXCLUDED.revision`,
      [
        profile.memberId,
        profile.unitId,
        profile.communityId,
        profile.gridId,
        profile.active,
        profile.revision,
        changedAt,
      ],
    );
  }

  /** The member's profile, if the directory has told us about them. */
  async find(manager: EntityManager, memberId: string): Promise<MemberProfile | null> {
    const rows = (await manager.query(
      `SELECT member_id, unit_id, community_id, grid_id, active, revision FROM member_profile WHERE member_id = $1`,
      [memberId],
    )) as Array<{
      member_id: string;
      unit_id: string;
      community_id: string;
      grid_id: string;
      active: boolean;
      revision: number;
    }>;
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      memberId: row.member_id,
      unitId: row.unit_id,
      communityId: row.community_id,
      gridId: row.grid_id,
      active: row.active,
      revision: Number(row.revision),
    };
  }
}
