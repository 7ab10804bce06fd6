import type { EventEnvelope } from '@loop/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Events that arrived before their ticket's `ticket.submitted`, kept until the submission is handled.
 * Inject this class (it is the DI token); the facts module binds it to the database-backed repository.
 */
export abstract class DeferredEvents {
  /** Keeps an event until its ticket is known (once per event id). */
  abstract defer(manager: EntityManager, ticketId: string, envelope: EventEnvelope, now: Date): Promise<void>;

  /** Removes and returns the ticket's waiting events, in the order they arrived. */
  abstract takeFor(manager: EntityManager, ticketId: string): Promise<EventEnvelope[]>;
}
