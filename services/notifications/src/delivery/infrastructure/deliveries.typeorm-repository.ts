import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeliveryChannelName, DeliveryStatus } from '../../notification/domain/notification';

/** A delivery as the worker and the delivery log see it. */
export interface Delivery {
  id: string;
  notificationId: string;
  eventId: string;
  recipientId: string;
  channel: DeliveryChannelName;
  status: DeliveryStatus;
  /** Attempts made so far (a claimed delivery counts the attempt in progress). */
  attempts: number;
  nextAttemptAt: Date;
  heldByQuietHours: boolean;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** One attempt in the delivery log. */
export interface DeliveryAttempt {
  attemptedAt: Date;
  outcome: 'delivered' | 'failed';
  error: string | null;
}

interface DeliveryRow {
  id: string;
  notification_id: string;
  event_id: string;
  recipient_id: string;
  channel: DeliveryChannelName;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  held_by_quiet_hours: boolean;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

/** Pending deliveries, their outcomes and the attempt log. */
@Injectable()
export class DeliveriesRepository {
  /**
   * Claims up to `limit` due deliveries for this replica: counts the attempt and pushes the next
   * attempt time out by `leaseMs`, so another replica takes the delivery over only if this one dies
   * before recording the outcome. SKIP LOCKED keeps replicas from claiming the same rows.
   */
  async claimDue(manager: EntityManager, now: Date, leaseMs: number, limit: number): Promise<Delivery[]> {
    const result: unknown[] = await manager.query(
      `UPDATE delivery d SET attempts = d.attempts + 1, next_attempt_at = $2
       FROM (SELECT id FROM delivery WHERE status = 'pending' AND next_attempt_at <= $1
             ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
       WHERE d.id = due.id
       RETURNING d.*`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rowsOf<DeliveryRow>(result).map(toDelivery);
  }

  /** Records successful attempts, each at its own time, in two statements whatever their number. */
  async markDelivered(
    manager: EntityManager,
    delivered: ReadonlyArray<{ id: string; at: Date }>,
  ): Promise<void> {
    if (delivered.length === 0) return;
    const ids = delivered.map((delivery) => delivery.id);
    const times = delivered.map((delivery) => delivery.at);
    await manager.query(
      `UPDATE delivery d SET status = 'delivered', delivered_at = sent.at, last_error = NULL
         FROM unnest($1::uuid[], $2::timestamptz[]) AS sent(id, at)
        WHERE d.id = sent.id`,
      [ids, times],
    );
    await manager.query(
      `INSERT INTO delivery_attempt (delivery_id, attempted_at, outcome, error)
       SELECT id, at, 'delivered', NULL FROM unnest($1::uuid[], $2::timestamptz[]) AS sent(id, at)`,
      [ids, times],
    );
  }

  /** Records a failed attempt: retried at `retryAt`, or given up for good when `retryAt` is null. */
  async markAttemptFailed(
    manager: EntityManager,
    id: string,
    at: Date,
    error: string,
    retryAt: Date | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE delivery SET status = $2, last_error = $3, next_attempt_at = COALESCE($4, next_attempt_at) WHERE id = $1`,
      [id, retryAt ? 'pending' : 'failed', error, retryAt],
    );
    await this.log(manager, id, at, 'failed', error);
  }

  /** The recipient's deliveries, newest first, optionally of one status. */
  async ofRecipient(
    manager: EntityManager,
    recipientId: string,
    options: { status?: DeliveryStatus; limit: number },
  ): Promise<Delivery[]> {
    const rows: DeliveryRow[] = await manager.query(
      `SELECT * FROM delivery WHERE recipient_id = $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [recipientId, options.status ?? null, options.limit],
    );
    return rows.map(toDelivery);
  }

  /** Every recipient's deliveries of one status, newest first (for operations). */
  async withStatus(manager: EntityManager, status: DeliveryStatus, limit: number): Promise<Delivery[]> {
    const rows: DeliveryRow[] = await manager.query(
      `SELECT * FROM delivery WHERE status = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [status, limit],
    );
    return rows.map(toDelivery);
  }

  /** The attempt log of the given deliveries, oldest first, by delivery. */
  async attemptsOf(
    manager: EntityManager,
    deliveryIds: readonly string[],
  ): Promise<Map<string, DeliveryAttempt[]>> {
    const byDelivery = new Map<string, DeliveryAttempt[]>(deliveryIds.map((id) => [id, []]));
    if (deliveryIds.length === 0) return byDelivery;
    const rows: Array<{
      delivery_id: string;
      attempted_at: Date;
      outcome: 'delivered' | 'failed';
      error: string | null;
    }> = await manager.query(`SELECT * FROM delivery_attempt WHERE delivery_id = ANY($1) ORDER BY id`, [
      deliveryIds,
    ]);
    for (const row of rows) {
      byDelivery
        .get(row.delivery_id)
        ?.push({ attemptedAt: row.attempted_at, outcome: row.outcome, error: row.error });
    }
    return byDelivery;
  }

  private async log(
    manager: EntityManager,
    id: string,
    at: Date,
    outcome: string,
    error: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO delivery_attempt (delivery_id, attempted_at, outcome, error) VALUES ($1, $2, $3, $4)`,
      [id, at, outcome, error],
    );
  }
}

// TypeORM returns [rows, affected] for UPDATE … RETURNING on PostgreSQL.
function rowsOf<T>(result: unknown[]): T[] {
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    notificationId: row.notification_id,
    eventId: row.event_id,
    recipientId: row.recipient_id,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    heldByQuietHours: row.held_by_quiet_hours,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}
