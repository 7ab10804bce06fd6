import { Injectable } from '@nestjs/common';
import type { ActorRole } from '@loop/contracts';
import type { EntityManager } from 'typeorm';
import { NotificationReader } from '../application/notification-reader.port';
import type { NotificationIntent } from '../domain/notification-rules';
import type { NotificationKind, NotificationPriority } from '../domain/notification-kind';
import type { DeliveryChannelName, StoredNotification } from '../domain/notification';

interface NotificationRow {
  id: string;
  recipient_id: string;
  recipient_role: ActorRole;
  sequence: string;
  kind: NotificationKind;
  priority: NotificationPriority;
  params: Record<string, string | number>;
  ticket_id: string | null;
  caused_by_event_id: string;
  caused_by_event_type: string;
  created_at: Date;
  read_at: Date | null;
}

/** A delivery to create with a notification. */
export interface PlannedDelivery {
  id: string;
  channel: DeliveryChannelName;
  status: 'pending' | 'delivered';
  nextAttemptAt: Date;
  heldByQuietHours: boolean;
}

/** One recipient's notification of an event, to store with its deliveries. */
export interface NewNotification {
  id: string;
  intent: NotificationIntent;
  deliveries: readonly PlannedDelivery[];
}

/** The event that caused notifications, and when they were recorded. */
export interface EventCause {
  eventId: string;
  eventType: string;
  createdAt: Date;
}

/** A page of a person's inbox, newest first. */
export interface InboxPage {
  items: StoredNotification[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

/** People's notifications: the inbox, the per-person sequence and the deliveries created with them. */
@Injectable()
export class NotificationsRepository implements NotificationReader {
  /**
   * Stores one event's notifications and their deliveries with one statement, skipping recipients this
   * event already notified; returns the ids of the notifications stored now. A notification is stored
   * unnumbered: the transaction's commit numbers it in its recipient's stream (the deferred trigger
   * `notification_numbered_at_commit`), locking the recipients' stream rows in id order for the commit
   * only — so one person's notifications commit in sequence order without gaps, which lets the live
   * stream resume from a `Last-Event-ID`, and transactions that notify the same people never deadlock
   * on their streams, however many events each holds.
   */
  async recordAll(
    manager: EntityManager,
    event: EventCause,
    notifications: readonly NewNotification[],
  ): Promise<Set<string>> {
    if (notifications.length === 0) return new Set();
    const deliveries = notifications.flatMap((notification) =>
      notification.deliveries.map((delivery) => ({ notification, delivery })),
    );
    const rows: Array<{ id: string }> = await manager.query(
      `WITH planned AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[])
                  WITH ORDINALITY AS planned (id, recipient_id, recipient_role, kind, priority, params, ticket_id, position)
       ), stored AS (
         -- In list order, so the notifications take their recording order (and numbers) in it.
         INSERT INTO notification (id, recipient_id, recipient_role, kind, priority, params, ticket_id,
                                   caused_by_event_id, caused_by_event_type, created_at)
         SELECT id, recipient_id, recipient_role, kind, priority, params::jsonb, ticket_id, $8, $9, $10
         FROM planned ORDER BY position
         ON CONFLICT ON CONSTRAINT notification_once_per_event DO NOTHING
         RETURNING id, recipient_id
       ), delivered AS (
         -- The unique (event, recipient, channel) constraint is the last guard of "exactly once".
         INSERT INTO delivery (id, notification_id, event_id, recipient_id, channel, status, next_attempt_at,
                               held_by_quiet_hours, delivered_at, created_at)
         SELECT channel.id, stored.id, $8, stored.recipient_id, channel.channel, channel.status,
                channel.next_attempt_at, channel.held_by_quiet_hours,
                CASE WHEN channel.status = 'delivered' THEN $10::timestamptz END, $10
         FROM unnest($11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::timestamptz[], $16::boolean[])
                AS channel (id, notification_id, channel, status, next_attempt_at, held_by_quiet_hours)
         JOIN stored ON stored.id = channel.notification_id
         ON CONFLICT ON CONSTRAINT delivery_once_per_channel DO NOTHING
       )
       SELECT id FROM stored`,
      [
        notifications.map((n) => n.id),
        notifications.map((n) => n.intent.recipient.id),
        notifications.map((n) => n.intent.recipient.role),
        notifications.map((n) => n.intent.kind),
        notifications.map((n) => n.intent.priority),
        notifications.map((n) => JSON.stringify(n.intent.params)),
        notifications.map((n) => n.intent.ticketId),
        event.eventId,
        event.eventType,
        event.createdAt,
        deliveries.map(({ delivery }) => delivery.id),
        deliveries.map(({ notification }) => notification.id),
        deliveries.map(({ delivery }) => delivery.channel),
        deliveries.map(({ delivery }) => delivery.status),
        deliveries.map(({ delivery }) => delivery.nextAttemptAt),
        deliveries.map(({ delivery }) => delivery.heldByQuietHours),
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** A page of the recipient's inbox, newest first, older than `cursor` (a sequence number). */
  async page(
    manager: EntityManager,
    recipientId: string,
    options: { cursor?: number; limit: number; unreadOnly?: boolean },
  ): Promise<InboxPage> {
    const rows: NotificationRow[] = await manager.query(
      `SELECT * FROM notification
       WHERE recipient_id = $1 AND ($2::bigint IS NULL OR sequence < $2) AND (NOT $3 OR read_at IS NULL)
       ORDER BY sequence DESC LIMIT $4`,
      [recipientId, options.cursor ?? null, options.unreadOnly ?? false, options.limit + 1],
    );
    const items = rows.slice(0, options.limit).map(toNotification);
    const more = rows.length > options.limit;
    return { items, nextCursor: more ? String(items[items.length - 1].sequence) : null };
  }

  /** The recipient's notifications after `sequence`, oldest first (what a reconnecting stream missed). */
  async after(
    manager: EntityManager,
    recipientId: string,
    sequence: number,
    limit: number,
  ): Promise<StoredNotification[]> {
    const rows: NotificationRow[] = await manager.query(
      `SELECT * FROM notification WHERE recipient_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
      [recipientId, sequence, limit],
    );
    return rows.map(toNotification);
  }

  /** The notifications with these ids. */
  async byIds(manager: EntityManager, ids: readonly string[]): Promise<Map<string, StoredNotification>> {
    if (ids.length === 0) return new Map();
    const rows: NotificationRow[] = await manager.query(`SELECT * FROM notification WHERE id = ANY($1)`, [
      ids,
    ]);
    return new Map(rows.map((row) => [row.id, toNotification(row)]));
  }

  /** How many of the recipient's notifications are unread. */
  async unreadCount(manager: EntityManager, recipientId: string): Promise<number> {
    const [row]: Array<{ count: string }> = await manager.query(
      `SELECT count(*) AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL`,
      [recipientId],
    );
    return Number(row.count);
  }

  /** Marks one of the recipient's notifications read; false when it is not theirs or does not exist. */
  async markRead(manager: EntityManager, recipientId: string, id: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND recipient_id = $2 RETURNING id`,
      [id, recipientId, at],
    );
    return rowsOf(rows).length === 1;
  }

  /** Marks all of the recipient's notifications read; returns how many were unread. */
  async markAllRead(manager: EntityManager, recipientId: string, at: Date): Promise<number> {
    const rows: unknown[] = await manager.query(
      `UPDATE notification SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL RETURNING id`,
      [recipientId, at],
    );
    return rowsOf(rows).length;
  }
}

// TypeORM returns [rows, affected] for UPDATE … RETURNING on PostgreSQL.
function rowsOf(result: unknown[]): unknown[] {
  return Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
}

function toNotification(row: NotificationRow): StoredNotification {
  return {
    id: row.id,
    recipient: { id: row.recipient_id, role: row.recipient_role },
    sequence: Number(row.sequence),
    kind: row.kind,
    priority: row.priority,
    params: row.params,
    ticketId: row.ticket_id,
    causedByEventId: row.caused_by_event_id,
    causedByEventType: row.caused_by_event_type,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
