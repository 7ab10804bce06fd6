// The loop auditor's view of the hours ledger: per ticket, how many credits and reversals name it as
// their source and the minutes that stand — one set-based query for a whole batch.
import { Injectable } from '@nestjs/common';
import type { TicketHoursFacts } from '@loop/contracts';
import { consumerGroupFrom, parkedEvents } from '@loop/messaging';
import { DataSource } from 'typeorm';
import { VolunteerHoursConfig } from '../config/volunteer-hours.config';

interface TicketHoursRow {
  ticket_id: string;
  credits: number;
  reversals: number;
  net_minutes: number;
}

/** Reads the facts the loop auditor reconciles about the hours each ticket earned. */
@Injectable()
export class TicketHoursFactsQuery {
  private readonly consumerGroup: string;

  constructor(
    private readonly dataSource: DataSource,
    config: VolunteerHoursConfig,
  ) {
    this.consumerGroup = consumerGroupFrom(config, 'volunteer-hours');
  }

  /**
   * One entry per distinct ticket in `ticketIds`, zeros when the ledger has nothing for it. Minutes are
   * stored signed (reversals negative), so their plain sum is what stands; a staff adjustment counts
   * towards it only when it names the ticket as its source. Events of the ticket that the ledger's
   * consumer parked and never handled since are listed with it.
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
    // The loop's events are keyed by ticket id: what was parked for a ticket explains a missing credit.
    const parked = await parkedEvents(this.dataSource, this.consumerGroup, { keys: ticketIds });
    return rows.map((row) => {
      const parkedForTicket = parked.filter((event) => event.key === row.ticket_id);
      return {
        ticketId: row.ticket_id,
        credits: row.credits,
        reversals: row.reversals,
        standingCredits: row.credits - row.reversals,
        netMinutes: row.net_minutes,
        ...(parkedForTicket.length > 0 && { parked: parkedForTicket }),
      };
    });
  }
}
