import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MemberPlacement } from '../../access/domain/hours-access.policy';
import { MemberProfiles } from '../../directory/application/member-profiles.port';
import { MemberNotFoundError } from '../domain/ledger.errors';

/** Where a member's hours are counted: the directory's word, else the member's latest ledger entry. */
@Injectable()
export class MemberPlacementQuery {
  constructor(private readonly profiles: MemberProfiles) {}

  /** The member's community and unit; MemberNotFoundError when neither the directory nor the ledger knows them. */
  async placementOf(manager: EntityManager, memberId: string): Promise<MemberPlacement> {
    const profile = await this.profiles.find(manager, memberId);
    if (profile) return { memberId, communityId: profile.communityId, unitId: profile.unitId };
    const rows = (await manager.query(
      `SELECT community_id, unit_id FROM ledger_entry WHERE member_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [memberId],
    )) as Array<{ community_id: string | null; unit_id: string | null }>;
    if (rows.length === 0) throw new MemberNotFoundError(memberId);
    return { memberId, communityId: rows[0].community_id, unitId: rows[0].unit_id };
  }
}
