// Reads the summonses of a report's tickets off their timelines: one row per department summoned, with
// its deadline (from summons.issued), its check-in (summons.checked_in) and its release (summons.released).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeSummonsFigures, SummonedDepartmentFacts, SummonsFigures } from '../domain/summons-figures';

interface SummonsRow {
  ticket_id: string;
  summons_id: string;
  department_id: string;
  department_label: string;
  arrive_due_at: string;
  checked_in_at: Date | null;
  late: boolean | null;
  released_at: Date | null;
}

const summonsSql = `
WITH issued AS (
  SELECT e.ticket_id, d->>'summonsId' AS summons_id, d->>'departmentId' AS department_id,
         d->>'departmentLabel' AS department_label, d->>'arriveDueAt' AS arrive_due_at
    FROM ticket_timeline_event e, jsonb_array_elements(e.details->'departments') d
   WHERE e.ticket_id = ANY($1::uuid[]) AND e.type = 'summons.issued' AND e.occurred_at <= $2
     AND NOT e.details ? 'copyOf'
), later AS (
  SELECT e.details->>'summonsId' AS summons_id,
         min(e.occurred_at) FILTER (WHERE e.type = 'summons.checked_in') AS checked_in_at,
         bool_or((e.details->>'late')::boolean) FILTER (WHERE e.type = 'summons.checked_in') AS late,
         min(e.occurred_at) FILTER (WHERE e.type = 'summons.released') AS released_at
    FROM ticket_timeline_event e
   WHERE e.ticket_id = ANY($1::uuid[]) AND e.type IN ('summons.checked_in', 'summons.released')
     AND e.occurred_at <= $2 AND NOT e.details ? 'copyOf'
   GROUP BY e.details->>'summonsId'
)
SELECT i.*, l.checked_in_at, l.late, l.released_at
  FROM issued i LEFT JOIN later l ON l.summons_id = i.summons_id`;

/** The summons figures of a set of tickets as of a moment. */
@Injectable()
export class SummonsFiguresQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The figures of the summonses on `ticketIds`' timelines up to `asOf`. */
  async figuresOf(ticketIds: readonly string[], asOf: Date): Promise<SummonsFigures> {
    const rows: SummonsRow[] =
      ticketIds.length === 0 ? [] : await this.dataSource.query(summonsSql, [ticketIds, asOf]);
    const facts: SummonedDepartmentFacts[] = rows.map((row) => ({
      ticketId: row.ticket_id,
      departmentId: row.department_id,
      departmentLabel: row.department_label,
      arriveDueAt: new Date(row.arrive_due_at),
      checkedInAt: row.checked_in_at,
      late: row.late,
      releasedAt: row.released_at,
    }));
    return computeSummonsFigures(facts, asOf);
  }
}
