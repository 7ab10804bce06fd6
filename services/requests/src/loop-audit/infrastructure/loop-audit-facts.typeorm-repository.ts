// Requests' own side of the loop audit: the tickets to audit, page by page, and their loop events.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { autoConfirmTimerKind } from '../../ticket/application/auto-confirm.timer-handler';
import type { AuditedEvent, AuditedTicket } from '../domain/loop-reconciliation';

interface TicketRow {
  id: string;
  number: string;
  status: string;
  status_changed_at: Date;
  auto_confirm_timer_due_at: Date | null;
  master_id: string | null;
  master_status: string | null;
  master_status_changed_at: Date | null;
}

interface EventRow {
  event_id: string;
  ticket_id: string;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
}

// Every open ticket, and the ones that closed or were cancelled since $1; keyset-paged by id. The
// auto-confirmation timer is keyed by the ticket id (AutoConfirmTimerHandler).
const ticketPageSql = `
SELECT t.id, t.number, t.status, t.status_changed_at, timer.due_at AS auto_confirm_timer_due_at,
       m.id AS master_id, m.status AS master_status, m.status_changed_at AS master_status_changed_at
  FROM ticket t
  LEFT JOIN durable_timer timer ON timer.kind = $2 AND timer.key = t.id::text
  LEFT JOIN ticket m ON m.id = t.merged_into_ticket_id
 WHERE (t.status NOT IN ('closed', 'cancelled') OR t.status_changed_at >= $1)
   AND ($3::uuid IS NULL OR t.id > $3::uuid)
 ORDER BY t.id
 LIMIT $4`;

const eventsSql = `
SELECT e.event_id, e.ticket_id, e.type, e.occurred_at, e.recorded_at
  FROM ticket_timeline_event e
 WHERE e.ticket_id = ANY($1::uuid[]) AND e.type = ANY($2::text[])
   AND NOT e.details ? 'copyOf' -- a copy of another ticket's event (ADR 0016) is audited as the original
 ORDER BY e.ticket_id, e.occurred_at, e.event_id`;

/** Set-based reads of the tickets and timeline events the loop audit judges. */
@Injectable()
export class LoopAuditFactsTypeormRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` tickets to audit with ids after `afterId` (null for the first page), by id. */
  async ticketPage(closedSince: Date, afterId: string | null, limit: number): Promise<AuditedTicket[]> {
    const rows: TicketRow[] = await this.dataSource.query(ticketPageSql, [
      closedSince,
      autoConfirmTimerKind,
      afterId,
      limit,
    ]);
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      statusChangedAt: new Date(row.status_changed_at),
      autoConfirmTimerDueAt: row.auto_confirm_timer_due_at ? new Date(row.auto_confirm_timer_due_at) : null,
      master:
        row.master_id && row.master_status && row.master_status_changed_at
          ? {
              id: row.master_id,
              status: row.master_status,
              statusChangedAt: new Date(row.master_status_changed_at),
            }
          : null,
    }));
  }

  /** The timeline events of `ticketIds` whose type is one of `types`. */
  async eventsOf(ticketIds: readonly string[], types: readonly string[]): Promise<AuditedEvent[]> {
    if (ticketIds.length === 0 || types.length === 0) return [];
    const rows: EventRow[] = await this.dataSource.query(eventsSql, [ticketIds, types]);
    return rows.map((row) => ({
      eventId: row.event_id,
      ticketId: row.ticket_id,
      type: row.type,
      occurredAt: new Date(row.occurred_at),
      recordedAt: new Date(row.recorded_at),
    }));
  }
}
