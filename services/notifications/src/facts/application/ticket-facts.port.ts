import type { EntityManager } from 'typeorm';
import type { TicketFact } from '../domain/facts';

/**
 * The tickets this service knows, as the notification slice reads and keeps them while it handles a loop
 * event. Inject this class (it is the DI token); the facts module binds it to the database-backed
 * repository.
 */
export abstract class TicketFacts {
  /**
   * The ticket, with the ticket locked for the rest of the transaction so its events apply one at a
   * time — also while it is still unknown; null when unknown.
   */
  abstract findForUpdate(manager: EntityManager, ticketId: string): Promise<TicketFact | null>;

  /** Stores the ticket's fact as it stands after an event. */
  abstract save(manager: EntityManager, ticket: TicketFact): Promise<void>;
}
