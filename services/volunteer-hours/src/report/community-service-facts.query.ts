// What party members did for each community in a month, for the monthly community report (联席会月报)
// the requests service composes: active members and minutes from the ledger, activities held and
// attended from the activities. One set-based query per figure for all communities asked about.
import { Injectable } from '@nestjs/common';
import type { CommunityServiceFacts } from '@loop/contracts';
import { serviceMonthBounds } from '@loop/platform';
import { DataSource } from 'typeorm';

interface LedgerRow {
  community_id: string;
  active_members: number;
  minutes_served: number;
}

interface ActivityRow {
  community_id: string;
  activities_held: number;
  attendances: number;
}

/** Reads each community's service figures for one month. */
@Injectable()
export class CommunityServiceFactsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** One entry per distinct community in `communityIds`, zeros when nothing happened in `month`. */
  async factsOf(month: string, communityIds: readonly string[]): Promise<CommunityServiceFacts[]> {
    const { start, end } = serviceMonthBounds(month);
    const ids = [...new Set(communityIds)];
    // A member counts as active when their credits less reversals in the month stand above zero.
    const ledger: LedgerRow[] = await this.dataSource.query(
      `SELECT community_id, count(*) FILTER (WHERE minutes > 0)::int AS active_members,
              coalesce(sum(minutes), 0)::int AS minutes_served
         FROM (SELECT community_id, member_id, sum(minutes) AS minutes
                 FROM ledger_entry
                WHERE community_id = ANY($1::uuid[]) AND occurred_at >= $2 AND occurred_at < $3
                GROUP BY community_id, member_id) per_member
        GROUP BY community_id`,
      [ids, start, end],
    );
    const activities: ActivityRow[] = await this.dataSource.query(
      `SELECT a.community_id, count(DISTINCT a.id)::int AS activities_held,
              count(s.member_id) FILTER (WHERE s.checked_out_at IS NOT NULL)::int AS attendances
         FROM activity a LEFT JOIN activity_sign_up s ON s.activity_id = a.id
        WHERE a.community_id = ANY($1::uuid[]) AND a.starts_at >= $2 AND a.starts_at < $3
        GROUP BY a.community_id`,
      [ids, start, end],
    );
    const byLedger = new Map(ledger.map((row) => [row.community_id, row]));
    const byActivity = new Map(activities.map((row) => [row.community_id, row]));
    return ids.map((communityId) => ({
      communityId,
      activeMembers: byLedger.get(communityId)?.active_members ?? 0,
      minutesServed: byLedger.get(communityId)?.minutes_served ?? 0,
      activitiesHeld: byActivity.get(communityId)?.activities_held ?? 0,
      activityAttendances: byActivity.get(communityId)?.attendances ?? 0,
    }));
  }
}
