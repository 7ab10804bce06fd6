import type { EntityManager } from 'typeorm';
import type { DispatchCase } from '../domain/dispatch-case.aggregate';

/**
 * What the rest of the dispatch service may do with dispatch cases: read one, or lock it to serialise a
 * command on its ticket. Inject this class (it is the DI token); the dispatch-cases module binds it to the
 * database-backed repository. Saving a case stays with the assignment slice.
 */
export abstract class DispatchCases {
  /** The case without a lock, for reading; undefined when the ticket has none. */
  abstract find(manager: EntityManager, ticketId: string): Promise<DispatchCase | undefined>;

  /** The case, locked until the transaction ends; undefined when the ticket has none. */
  abstract lock(manager: EntityManager, ticketId: string): Promise<DispatchCase | undefined>;
}
