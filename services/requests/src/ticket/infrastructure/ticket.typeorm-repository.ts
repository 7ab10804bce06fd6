import { EntityManager } from 'typeorm';
import { Ticket } from '../domain/ticket.aggregate';
import {
  TicketRow,
  ticketAssignments,
  ticketColumns,
  ticketPlaceholders,
  ticketValues,
  toTicketRow,
  toTicketState,
} from './ticket.mapper';

/** One entry of a ticket's timeline, as stored. */
export interface TimelineEntry {
  eventId: string;
  ticketId: string;
  type: string;
  occurredAt: Date;
  actor: { role: string; id: string };
  assignmentId: string | null;
  details: Record<string, unknown>;
  /** Whether the fact changed the ticket (`applied`) or only went on the timeline (`stale`, `not-applicable`). */
  outcome: string;
}

/** Loads and saves tickets and timeline entries inside the caller's transaction. */
export class TicketRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The ticket, locked for the rest of the transaction so concurrent changes queue behind it. The lock
   * is FOR NO KEY UPDATE: changes never touch the ticket's keys (its id and number) and tickets are never
   * deleted, so a timeline insert's foreign-key check (FOR KEY SHARE) need not wait for it.
   */
  async lockById(id: string): Promise<Ticket | undefined> {
    const rows: TicketRow[] = await this.manager.query(
      `SELECT ${ticketColumns} FROM ticket WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    return rows[0] ? new Ticket(toTicketState(rows[0])) : undefined;
  }

  /**
   * Inserts a new ticket unless one with its id exists, and says whether it did. An id reserved under an
   * Idempotency-Key is inserted by whichever attempt gets there first; a second attempt racing it waits
   * for the first to commit and then inserts nothing.
   */
  async addUnlessPresent(ticket: Ticket, now: Date): Promise<boolean> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO ticket (${ticketColumns}) VALUES (${ticketPlaceholders})
       ON CONFLICT DO NOTHING RETURNING id`,
      ticketValues(toTicketRow(ticket.state, now)),
    );
    return inserted.length > 0;
  }

  /** Whether the ticket exists. */
  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM ticket WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Whether the event is on a timeline already (a command under an Idempotency-Key that took effect). */
  async hasRecorded(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM ticket_timeline_event WHERE event_id = $1`,
      [eventId],
    );
    return rows.length > 0;
  }

  /**
   * Writes the state of a ticket loaded with `lockById`, in one UPDATE (TypeORM's `save` would first
   * read the row again to find out whether to insert it).
   */
  async save(ticket: Ticket, now: Date): Promise<void> {
    const { id, ...columns } = toTicketRow(ticket.state, now);
    await this.manager.query(
      `UPDATE ticket SET ${ticketAssignments} WHERE id = $1`,
      ticketValues({ id, ...columns }),
    );
  }

  /** Appends to the timeline; an entry already recorded (same event id) is left alone. Returns true when new. */
  async record(entry: TimelineEntry): Promise<boolean> {
    const inserted: unknown = await this.manager.query(
      `INSERT INTO ticket_timeline_event (${timelineColumns})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      timelineValues(entry),
    );
    return Array.isArray(inserted) && inserted.length > 0;
  }

  /**
   * Appends to the timeline of a ticket that may not exist, without locking the ticket: the entry is
   * inserted only if the ticket is there (its foreign-key check takes FOR KEY SHARE, which a ticket
   * locked or updated by another transaction does not block). Says whether it was recorded, had been
   * recorded before, or names an unknown ticket.
   */
  async recordIfTicketExists(
    entry: TimelineEntry,
  ): Promise<'recorded' | 'already-recorded' | 'unknown-ticket'> {
    const inserted: unknown = await this.manager.query(
      `INSERT INTO ticket_timeline_event (${timelineColumns})
       SELECT $1, ticket.id, $3, $4, $5, $6, $7, $8::jsonb, $9 FROM ticket WHERE ticket.id = $2
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      timelineValues(entry),
    );
    if (Array.isArray(inserted) && inserted.length > 0) return 'recorded';
    // Rare: tell a redelivered entry from one about a ticket this deployment does not have.
    const known = await this.exists(entry.ticketId);
    return known ? 'already-recorded' : 'unknown-ticket';
  }
}

const timelineColumns =
  'event_id, ticket_id, type, occurred_at, actor_role, actor_id, assignment_id, details, outcome';

function timelineValues(entry: TimelineEntry): unknown[] {
  return [
    entry.eventId,
    entry.ticketId,
    entry.type,
    entry.occurredAt,
    entry.actor.role,
    entry.actor.id,
    entry.assignmentId,
    JSON.stringify(entry.details),
    entry.outcome,
  ];
}
