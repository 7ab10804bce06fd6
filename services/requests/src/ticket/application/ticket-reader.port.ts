import type { EntityManager } from 'typeorm';
import type { TicketState } from '../domain/ticket.aggregate';

/**
 * What the rest of the requests service may read of tickets without changing them; changes go through
 * the ticket store. Inject this class (it is the DI token); the ticket-reader module binds it to the
 * database-backed reader.
 */
export abstract class TicketReader {
  /** The ticket as it stands, unlocked; undefined when there is none. */
  abstract byId(manager: EntityManager, id: string): Promise<TicketState | undefined>;

  /** The tickets among `ids` that exist, unlocked. */
  abstract byIds(manager: EntityManager, ids: readonly string[]): Promise<TicketState[]>;

  /**
   * Open tickets of one community and category filed at or after `since` (the first 200 by filing time)
   * that run their own loop, i.e. are not merged into another: the possible masters of a new report.
   */
  abstract openUnmergedOfCategory(
    manager: EntityManager,
    communityId: string,
    categoryCode: string,
    since: Date,
  ): Promise<TicketState[]>;
}
