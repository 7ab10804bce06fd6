// Scheduling and cancelling timers inside the caller's transaction, so a state change, the events it
// adds to the outbox and the timers it sets or clears commit (or roll back) together.
import type { EntityManager } from 'typeorm';

/** A timer to set: one per (kind, key); setting it again moves it. */
export interface TimerRequest {
  /** What the timer is for, e.g. `dispatch.offer-expiry`; selects the handler. */
  kind: string;
  /** Which thing it is for, e.g. an assignment id. */
  key: string;
  /** When it fires. */
  dueAt: Date;
  /** Data the handler receives. */
  payload?: Record<string, unknown>;
}

/** A timer that has come due, as its handler receives it. */
export interface DueTimer {
  id: string;
  kind: string;
  key: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  /** Earlier failed attempts to handle it. */
  attempts: number;
  /** Bumped on every reschedule; the poller deletes the row only if it is still this version. */
  version: number;
}

/** Sets (or moves) the timer for (kind, key) within `manager`'s transaction. */
export async function scheduleTimer(manager: EntityManager, timer: TimerRequest): Promise<void> {
  await manager.query(
    `INSERT INTO durable_timer (kind, key, due_at, payload)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, key) DO UPDATE
       SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload,
           version = durable_timer.version + 1, attempts = 0, last_error = NULL`,
    [timer.kind, timer.key, timer.dueAt, JSON.stringify(timer.payload ?? {})],
  );
}

/** Removes the timer for (kind, key) within `manager`'s transaction; true when there was one. */
export async function cancelTimer(manager: EntityManager, kind: string, key: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `DELETE FROM durable_timer WHERE kind = $1 AND key = $2 RETURNING id`,
    [kind, key],
  );
  // The pg driver returns [rows, count] for DELETE … RETURNING through TypeORM's query().
  const deleted = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows;
  return deleted.length > 0;
}

/** The timer for (kind, key), if set: for queries such as "what is this ticket's next deadline". */
export async function findTimer(
  manager: EntityManager,
  kind: string,
  key: string,
): Promise<DueTimer | undefined> {
  const rows: TimerRow[] = await manager.query(`SELECT * FROM durable_timer WHERE kind = $1 AND key = $2`, [
    kind,
    key,
  ]);
  return rows[0] ? toDueTimer(rows[0]) : undefined;
}

/** A row of durable_timer as the pg driver returns it. */
export interface TimerRow {
  id: string;
  kind: string;
  key: string;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
  version: number;
}

/** Maps a row to the handler's view of it. */
export function toDueTimer(row: TimerRow): DueTimer {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    dueAt: new Date(row.due_at),
    payload: row.payload,
    attempts: row.attempts,
    version: row.version,
  };
}
