import { Injectable } from '@nestjs/common';
import type { ActorRole } from '@loop/contracts';
import type { EntityManager } from 'typeorm';
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

/** Everything needed to store one notification. */
export interface NewNotification {
  id: string;
  intent: NotificationIntent;
  causedByEventId: string;
  causedByEventType: string;
  createdAt: Date;
  deliveries: readonly PlannedDelivery[];
}

/** A page of a person's inbox, newest first. */
export interface InboxPage {
  items: StoredNotification[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

/** People's notifications: the inbox, the per-person sequence and the deliveries created with them. */
@Injectable()
export class NotificationsRepository {
  /**
   * Stores the notification and its deliveries unless this event already notified this recipient.
   * Takes the next number of the recipient's stream under a row lock held to commit, so one person's
   * notifications commit in sequence order and the stream has no gaps — what lets the live stream
   * resume from a `Last-Event-ID` without missing anything. Returns null for a repeat.
   */
  async record(manager: EntityManager, notification: NewNotification): Promise<StoredNotification | null> {
    const { intent } = notification;
    const existing: unknown[] = await manager.query(
      `SELECT 1 FROM notification WHERE caused_by_event_id = $1 AND recipient_id = $2`,
      [notification.causedByEventId, intent.recipient.id],
    );
    if (existing.length > 0) return null;
    const [{ last_sequence: sequence }]: Array<{ last_sequence: string }> = await manager.query(
      `INSERT INTO recipient_stream (recipient_id, last_sequence) VALUES ($1, 1)
       ON CONFLICT (recipient_id) DO UPDATE SET last_sequence = recipient_stream.last_sequence + 1
       RETURNING last_sequence`,
      [intent.recipient.id],
    );
    await manager.query(
      `INSERT INTO notification (id, recipient_id, recipient_role, sequence, kind, priority, params, ticket_id,
                                 caused_by_event_id, caused_by_event_type, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11)`,
      [
        notification.id,
        intent.recipient.id,
        intent.recipient.role,
        sequence,
        intent.kind,
        intent.priority,
        JSON.stringify(intent.params),
        intent.ticketId,
        notification.causedByEventId,
        notification.causedByEventType,
        notification.createdAt,
      ],
    );
    for (const delivery of notification.deliveries) {
      // The unique (event, recipient, channel) constraint is the last guard of "exactly once".
      await manager.query(
        `INSERT INTO delivery (id, notification_id, event_id, recipient_id, channel, status, next_attempt_at,
                               held_by_quiet_hours, delivered_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT ON CONSTRAINT delivery_once_per_channel DO NOTHING`,
        [
          delivery.id,
          notification.id,
          notification.causedByEventId,
          intent.recipient.id,
          delivery.channel,
          delivery.status,
          delivery.nextAttemptAt,
          delivery.heldByQuietHours,
          delivery.status === 'delivered' ? notification.createdAt : null,
          notification.createdAt,
        ],
      );
    }
    return {
      id: notification.id,
      recipient: intent.recipient,
      sequence: Number(sequence),
      kind: intent.kind,
      priority: intent.priority,
      params: intent.params,
      ticketId: intent.ticketId,
      causedByEventId: notification.causedByEventId,
      causedByEventType: notification.causedByEventType,
      createdAt: notification.createdAt,
      readAt: null,
    };
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
