// The loop auditor's view of the hours ledger: per ticket, how many credits and reversals name it as
// their source and the minutes that stand — one set-based query for a whole batch.
import { Injectable } from '@nestjs/common';
import type { TicketHoursFacts } from '@loop/contracts';
import { DataSource } from 'typeorm';

interface TicketHoursRow {
  ticket_id: string;
  credits: number;
  reversals: number;
  net_minutes: number;
}

/** Reads the facts the loop auditor reconciles about the hours each ticket earned. */
@Injectable()
export class TicketHoursFactsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One entry per distinct ticket in `ticketIds`, zeros when the ledger has nothing for it. Minutes are
   * stored signed (reversals negative), so their plain sum is what stands; a staff adjustment counts
   * towards it only when it names the ticket as its source.
   */
  async factsOf(ticketIds: readonly string[]): Promise<TicketHoursFacts[]> {
    const rows: TicketHoursRow[] = await this.dataSource.query(
      `SELECT requested.id AS ticket_id,
              count(*) FILTER (WHERE e.kind = 'credit')::int AS credits,
              count(*) FILTER (WHERE e.kind = 'reversal')::int AS reversals,
              coalesce(sum(e.minutes), 0)::int AS net_minutes
         FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) requested
         LEFT JOIN ledger_entry e ON e.source_kind = 'ticket' AND e.source_id = requested.id
        GROUP BY requested.id
        ORDER BY requested.id`,
      [ticketIds],
    );
    return rows.map((row) => ({
      ticketId: row.ticket_id,
      credits: row.credits,
      reversals: row.reversals,
      standingCredits: row.credits - row.reversals,
      netMinutes: row.net_minutes,
    }));
  }
}
