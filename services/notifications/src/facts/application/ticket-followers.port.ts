import type { EntityManager } from 'typeorm';
import type { Follower } from '../../notification/domain/notification-rules';

/**
 * Which tickets follow which master (ADR 0016). Inject this class (it is the DI token); the facts module
 * binds it to the database-backed repository.
 */
export abstract class TicketFollowers {
  /** `followerId` follows `masterId` from `at` (a later merge replaces an earlier one). */
  abstract follow(manager: EntityManager, followerId: string, masterId: string, at: Date): Promise<void>;

  /** `followerId` follows nobody any more (unmerged or cancelled). */
  abstract stop(manager: EntityManager, followerId: string): Promise<void>;

  /** The followers of `masterId` with their numbers and residents, in ticket id order. */
  abstract of(manager: EntityManager, masterId: string): Promise<Follower[]>;
}
