import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketLoopFact } from '../domain/ticket-crediting.policy';

/** A fact with the ticket and assignment it belongs to. */
export type StoredTicketLoopFact = TicketLoopFact & { ticketId: string; assignmentId: string };

interface FactRow {
  event_id: string;
  kind: TicketLoopFact['kind'];
  ticket_id: string;
  assignment_id: string;
  member_id: string | null;
  minutes: number | null;
  occurred_at: Date;
  actor_role: string;
  actor_id: string;
}

/** The work.completed, ticket.confirmed and ticket.reopened facts heard, per assignment. */
@Injectable()
export class TicketLoopFactTypeormRepository {
  /**
   * Serialises the handling of one assignment's facts until the transaction ends: a completion and a
   * confirmation consumed in parallel from two topics must not each miss the other.
   */
  async lockAssignment(manager: EntityManager, assignmentId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('ticket-credit:' || $1, 0))`, [
      assignmentId,
    ]);
  }

  /** Remembers a fact once (keyed by its event id). */
  async remember(manager: EntityManager, fact: StoredTicketLoopFact): Promise<void> {
    await manager.query(
      `INSERT INTO ticket_loop_fact (event_id, kind, ticket_id, assignment_id, member_id, minutes, occurred_at, actor_role, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id) DO NOTHING`,
      [
        fact.eventId,
        fact.kind,
        fact.ticketId,
        fact.assignmentId,
        fact.kind === 'completed' ? fact.memberId : null,
        fact.kind === 'completed' ? fact.minutes : null,
        fact.occurredAt,
        fact.actor.role,
        fact.actor.id,
      ],
    );
  }

  /** Every fact heard about an assignment. */
  async factsOf(manager: EntityManager, assignmentId: string): Promise<StoredTicketLoopFact[]> {
    const rows = (await manager.query(
      `SELECT event_id, kind, ticket_id, assignment_id, member_id, minutes, occurred_at, actor_role, actor_id
         FROM ticket_loop_fact WHERE assignment_id = $1`,
      [assignmentId],
    )) as FactRow[];
    return rows.map((row) => {
      const common = {
        eventId: row.event_id,
        ticketId: row.ticket_id,
        assignmentId: row.assignment_id,
        occurredAt: new Date(row.occurred_at),
        actor: { role: row.actor_role, id: row.actor_id },
      };
      return row.kind === 'completed'
        ? { ...common, kind: 'completed' as const, memberId: row.member_id, minutes: Number(row.minutes) }
        : { ...common, kind: row.kind };
    });
  }
}
