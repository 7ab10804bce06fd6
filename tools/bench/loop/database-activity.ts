// What the loop costs each service's database: transactions committed and rows written, read from
// PostgreSQL's own counters (pg_stat_database) before and after the run and divided by the loops closed.
import { Client } from 'pg';

/** Counters of one database at one moment. */
export interface DatabaseCounters {
  commits: number;
  rowsWritten: number;
}

/** Per service: transactions and rows written per closed loop over a run. */
export type DatabaseActivity = Record<string, { commitsPerLoop: number; rowsWrittenPerLoop: number }>;

/** The counters of the named databases, by the key given for each. */
export async function readDatabaseCounters(
  adminUrl: string,
  databases: Record<string, string>,
): Promise<Record<string, DatabaseCounters>> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // The statistics a session reads are a snapshot taken at its first read; clear it so each call is fresh.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ datname: string; commits: string; written: string }>(
      `SELECT datname, xact_commit AS commits, tup_inserted + tup_updated + tup_deleted AS written
         FROM pg_stat_database WHERE datname = ANY($1)`,
      [Object.values(databases)],
    );
    const byName = new Map(rows.map((row) => [row.datname, row]));
    return Object.fromEntries(
      Object.entries(databases).map(([key, name]) => {
        const row = byName.get(name);
        return [key, { commits: Number(row?.commits ?? 0), rowsWritten: Number(row?.written ?? 0) }];
      }),
    );
  } finally {
    await client.end();
  }
}

/** The difference of two readings, per closed loop. */
export function activityPerLoop(
  before: Record<string, DatabaseCounters>,
  after: Record<string, DatabaseCounters>,
  loopsClosed: number,
): DatabaseActivity {
  const perLoop = (value: number) => (loopsClosed > 0 ? value / loopsClosed : 0);
  return Object.fromEntries(
    Object.entries(after).map(([key, end]) => {
      const start = before[key] ?? { commits: 0, rowsWritten: 0 };
      return [
        key,
        {
          commitsPerLoop: perLoop(end.commits - start.commits),
          rowsWrittenPerLoop: perLoop(end.rowsWritten - start.rowsWritten),
        },
      ];
    }),
  );
}
