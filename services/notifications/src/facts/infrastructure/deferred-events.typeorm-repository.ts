import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@loop/contracts';
import type { EntityManager } from 'typeorm';
import { DeferredEvents } from '../application/deferred-events.port';

/**
 * Events that arrived before their ticket's `ticket.submitted` (the two topics are read independently),
 * kept until the submission is handled and then handled in arrival order in its transaction.
 */
@Injectable()
export class DeferredEventsRepository implements DeferredEvents {
  /** Keeps an event until its ticket is known (once per event id). */
  async defer(manager: EntityManager, ticketId: string, envelope: EventEnvelope, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO deferred_event (ticket_id, event_id, envelope, received_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (event_id) DO NOTHING`,
      [ticketId, envelope.eventId, JSON.stringify(envelope), now],
    );
  }

  /** Removes and returns the ticket's waiting events, in the order they arrived. */
  async takeFor(manager: EntityManager, ticketId: string): Promise<EventEnvelope[]> {
    const rows: Array<{ envelope: EventEnvelope }> = await manager.query(
      `SELECT envelope FROM deferred_event WHERE ticket_id = $1 ORDER BY id FOR UPDATE`,
      [ticketId],
    );
    if (rows.length > 0) await manager.query(`DELETE FROM deferred_event WHERE ticket_id = $1`, [ticketId]);
    return rows.map((row) => row.envelope);
  }
}
