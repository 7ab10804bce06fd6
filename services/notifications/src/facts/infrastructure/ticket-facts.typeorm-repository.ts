import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketFacts } from '../application/ticket-facts.port';
import type { AssigneeState, TicketFact } from '../domain/facts';

interface TicketFactRow {
  ticket_id: string;
  ticket_number: string;
  resident_id: string | null;
  community_id: string;
  grid_id: string;
  category_code: string;
  urgency: TicketFact['urgency'];
  assignee_kind: 'member' | 'property_company' | null;
  assignee_id: string | null;
  assignee_state: AssigneeState | null;
}

// Advisory locks share one key space per database; the first key marks ours ("tkt").
const ticketLockNamespace = 0x746b74;

/** The tickets this service knows, as kept from ticket and dispatch events. */
@Injectable()
export class TicketFactsRepository implements TicketFacts {
  /**
   * The ticket, with the ticket locked for the rest of the transaction so its events apply one at a
   * time — also while it is still unknown: an advisory lock on the id (not a row lock) makes a dispatch
   * event being deferred and the submission that collects deferred events wait for each other.
   */
  async findForUpdate(manager: EntityManager, ticketId: string): Promise<TicketFact | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(${ticketLockNamespace}, hashtext($1))`, [ticketId]);
    const rows: TicketFactRow[] = await manager.query(
      `SELECT * FROM ticket_fact WHERE ticket_id = $1 FOR UPDATE`,
      [ticketId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ticketId: row.ticket_id,
      ticketNumber: row.ticket_number,
      residentId: row.resident_id,
      communityId: row.community_id,
      gridId: row.grid_id,
      categoryCode: row.category_code,
      urgency: row.urgency,
      assignee:
        row.assignee_kind && row.assignee_id && row.assignee_state
          ? { kind: row.assignee_kind, id: row.assignee_id, state: row.assignee_state }
          : null,
    };
  }

  /** Inserts or replaces the ticket. */
  async save(manager: EntityManager, ticket: TicketFact): Promise<void> {
    await manager.query(
      `INSERT INTO ticket_fact (ticket_id, ticket_number, resident_id, community_id, grid_id, category_code, urgency,
                                assignee_kind, assignee_id, assignee_state, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (ticket_id) DO UPDATE SET
         ticket_number = EXCLUDED.ticket_number, resident_id = EXCLUDED.resident_id,
         community_id = EXCLUDED.community_id, grid_id = EXCLUDED.grid_id, category_code = EXCLUDED.category_code,
         urgency = EXCLUDED.urgency, assignee_kind = EXCLUDED.assignee_kind, assignee_id = EXCLUDED.assignee_id,
         assignee_state = EXCLUDED.assignee_state, updated_at = now()`,
      [
        ticket.ticketId,
        ticket.ticketNumber,
        ticket.residentId,
        ticket.communityId,
        ticket.gridId,
        ticket.categoryCode,
        ticket.urgency,
        ticket.assignee?.kind ?? null,
        ticket.assignee?.id ?? null,
        ticket.assignee?.state ?? null,
      ],
    );
  }
}
