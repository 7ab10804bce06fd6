import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maySeeCommunity, maySeeUnit, Viewer } from '../../access/domain/hours-access.policy';
import { HoursAccessDeniedError } from '../../access/domain/hours-access.errors';
import { Period } from '../infrastructure/ledger.typeorm-repository';

/** What totals are grouped by. */
export const totalsGroupings = ['member', 'unit', 'community'] as const;
/** What totals are grouped by. */
export type TotalsGrouping = (typeof totalsGroupings)[number];

/** Which slice of the ledger is totalled; at least one scope is required. */
export interface TotalsRequest extends Period {
  groupBy: TotalsGrouping;
  communityId?: string;
  unitId?: string;
}

/** One group's total. */
export interface TotalsRow {
  key: string;
  minutes: number;
  entries: number;
  members: number;
}

const groupColumn: Record<TotalsGrouping, string> = {
  member: 'member_id',
  unit: 'unit_id',
  community: 'community_id',
};

/** Totals of minutes from the ledger (never from Redis), by member, unit or community, over a period. */
@Injectable()
export class HoursTotalsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** Totals in the requested scope, largest first; the viewer must be allowed every scope named. */
  async totals(viewer: Viewer, request: TotalsRequest): Promise<TotalsRow[]> {
    if (!request.communityId && !request.unitId)
      throw new HoursAccessDeniedError('totals without a community or unit');
    if (request.communityId && !maySeeCommunity(viewer, request.communityId)) {
      throw new HoursAccessDeniedError(`community ${request.communityId}`);
    }
    if (request.unitId && !maySeeUnit(viewer, request.unitId))
      throw new HoursAccessDeniedError(`unit ${request.unitId}`);
    const column = groupColumn[request.groupBy];
    const rows = (await this.dataSource.query(
      `SELECT ${column}::text AS key, SUM(minutes)::int AS minutes, COUNT(*)::int AS entries, COUNT(DISTINCT member_id)::int AS members
         FROM ledger_entry
        WHERE ${column} IS NOT NULL
          AND ($1::uuid IS NULL OR community_id = $1) AND ($2::uuid IS NULL OR unit_id = $2)
          AND ($3::timestamptz IS NULL OR occurred_at >= $3) AND ($4::timestamptz IS NULL OR occurred_at < $4)
        GROUP BY ${column} ORDER BY minutes DESC, key`,
      [request.communityId ?? null, request.unitId ?? null, request.from ?? null, request.to ?? null],
    )) as TotalsRow[];
    return rows.map((row) => ({
      key: row.key,
      minutes: Number(row.minutes),
      entries: Number(row.entries),
      members: Number(row.members),
    }));
  }
}
