// Direct reads of the service's database, for assertions the HTTP API does not expose.
import { Client } from 'pg';
import { TestService } from '@loop/testing';

/** Runs one query on the suite's database with a short-lived connection. */
export async function queryDatabase<R extends Record<string, unknown>>(
  service: TestService,
  sql: string,
  parameters: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: service.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

/** A ledger row as the assertions read it. */
export interface LedgerRow extends Record<string, unknown> {
  id: string;
  kind: string;
  minutes: number;
  caused_by_event_id: string | null;
  reverses_entry_id: string | null;
}

/** A member's entries in chain order. */
export function ledgerOf(service: TestService, memberId: string): Promise<LedgerRow[]> {
  return queryDatabase<LedgerRow>(
    service,
    `SELECT id, kind, minutes, caused_by_event_id, reverses_entry_id FROM ledger_entry WHERE member_id = $1 ORDER BY sequence`,
    [memberId],
  );
}

/** Events of `type` in the outbox (what the service publishes). */
export async function outboxEvents(
  service: TestService,
  type: string,
): Promise<Array<{ payload: Record<string, unknown> }>> {
  const rows = await queryDatabase<{ payload: { payload: Record<string, unknown> } }>(
    service,
    `SELECT payload FROM outbox WHERE type = $1 ORDER BY sequence`,
    [type],
  );
  return rows.map((row) => ({ payload: row.payload.payload }));
}

/** How many events the service's consumer group has handled. */
export async function handledEventCount(service: TestService): Promise<number> {
  const rows = await queryDatabase<{ count: number }>(service, `SELECT COUNT(*)::int AS count FROM inbox`);
  return Number(rows[0].count);
}
