// The "1+10" coverage of each community for the monthly community report (联席会月报) the requests
// service composes: how many of its households an active party member is linked to, from the directory.
import { Injectable } from '@nestjs/common';
import type { HouseholdCoverageFacts } from '@loop/contracts';
import { DataSource } from 'typeorm';

interface CoverageRow {
  community_id: string;
  name: string;
  households: number;
  households_linked: number;
  members: number;
}

/** Reads each community's household coverage from the directory. */
@Injectable()
export class HouseholdCoverageQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** One entry per community of `communityIds` the directory knows; an unknown one is absent. */
  async factsOf(communityIds: readonly string[]): Promise<HouseholdCoverageFacts[]> {
    const rows: CoverageRow[] = await this.dataSource.query(
      `SELECT c.id AS community_id, c.name,
              (SELECT count(*) FROM directory_household h WHERE h.community_id = c.id)::int AS households,
              (SELECT count(DISTINCT h.id) FROM directory_household h
                 JOIN directory_member_household mh ON mh.household_id = h.id
                 JOIN directory_member m ON m.id = mh.member_id AND m.active
                WHERE h.community_id = c.id)::int AS households_linked,
              (SELECT count(*) FROM directory_member m WHERE m.community_id = c.id AND m.active)::int AS members
         FROM directory_community c
        WHERE c.id = ANY($1::uuid[])
        ORDER BY c.name`,
      [[...new Set(communityIds)]],
    );
    return rows.map((row) => ({
      communityId: row.community_id,
      name: row.name,
      households: row.households,
      householdsLinked: row.households_linked,
      members: row.members,
    }));
  }
}
