import type { EntityManager } from 'typeorm';
import type { StoredNotification } from '../domain/notification';

/**
 * What the rest of the notifications service may read of people's notifications: the delivery worker
 * the ones it sends, the live stream what a reconnecting stream missed. Inject this class (it is the DI
 * token); the notification module binds it to the database-backed repository.
 */
export abstract class NotificationReader {
  /** The recipient's notifications after `sequence`, oldest first, at most `limit`. */
  abstract after(
    manager: EntityManager,
    recipientId: string,
    sequence: number,
    limit: number,
  ): Promise<StoredNotification[]>;

  /** The notifications with these ids, by id. */
  abstract byIds(manager: EntityManager, ids: readonly string[]): Promise<Map<string, StoredNotification>>;
}
