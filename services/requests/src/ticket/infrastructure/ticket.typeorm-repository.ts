import { EntityManager } from 'typeorm';
import { Ticket } from '../domain/ticket.aggregate';
import { formatTicketNumber } from '../domain/ticket-number';
import { toTicketRow, toTicketState } from './ticket.mapper';
import { TicketOrmEntity } from './ticket.orm-entity';

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

  /** The ticket, locked for the rest of the transaction so concurrent changes queue behind it. */
  async lockById(id: string): Promise<Ticket | undefined> {
    const row = await this.manager.getRepository(TicketOrmEntity).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row ? new Ticket(toTicketState(row)) : undefined;
  }

  /** Inserts or updates the ticket. */
  async save(ticket: Ticket, now: Date): Promise<void> {
    await this.manager.getRepository(TicketOrmEntity).save(toTicketRow(ticket.state, now));
  }

  /** Appends to the timeline; an entry already recorded (same event id) is left alone. Returns true when new. */
  async record(entry: TimelineEntry): Promise<boolean> {
    const result: unknown = await this.manager.query(
      `INSERT INTO ticket_timeline_event (event_id, ticket_id, type, occurred_at, actor_role, actor_id, assignment_id, details, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        entry.eventId,
        entry.ticketId,
        entry.type,
        entry.occurredAt,
        entry.actor.role,
        entry.actor.id,
        entry.assignmentId,
        JSON.stringify(entry.details),
        entry.outcome,
      ],
    );
    return Array.isArray(result) && result.length > 0;
  }

  /**
   * The next ticket number of the district for the year. The counter row is created or incremented in
   * one statement, which holds its row lock until the transaction ends: concurrent submissions queue
   * on it and each gets its own number, and a rolled-back submission gives its number back.
   */
  async nextNumber(districtCode: string, year: number): Promise<string> {
    const rows: Array<{ last_value: number }> = await this.manager.query(
      `INSERT INTO ticket_number_counter (district_code, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (district_code, year) DO UPDATE SET last_value = ticket_number_counter.last_value + 1
       RETURNING last_value`,
      [districtCode, year],
    );
    return formatTicketNumber(districtCode, year, rows[0].last_value);
  }
}
