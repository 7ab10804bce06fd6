// The floor every loop step stands on: how fast this machine's PostgreSQL commits a one-row insert,
// one connection at a time (the WAL flush each durable commit waits for) and from several at once
// (commits that share a flush). Measured on a throwaway table.
import { Client } from 'pg';
import { LatencySummary, summariseLatencies } from '../backbone/latency-summary';

/** What the commit probe measured. */
export interface PostgresBaseline {
  version: string;
  /** One connection, INSERT + COMMIT back to back. */
  serialCommitsPerSecond: number;
  serialCommit: LatencySummary;
  /** `connections` connections at once. */
  concurrentCommitsPerSecond: number;
  connections: number;
}

async function commitLoop(url: string, table: string, until: number, latencies?: number[]): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  let commits = 0;
  try {
    while (Date.now() < until) {
      const started = performance.now();
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${table} (n) VALUES ($1)`, [commits]);
      await client.query('COMMIT');
      latencies?.push(performance.now() - started);
      commits++;
    }
  } finally {
    await client.end();
  }
  return commits;
}

/** Measures the single-row INSERT + COMMIT rate for `seconds` serially, then with `connections` at once. */
export async function measurePostgres(
  adminUrl: string,
  seconds = 5,
  connections = 8,
): Promise<PostgresBaseline> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  // A regular table: commits that touch only temporary tables skip the WAL flush being measured.
  const table = `bench_loop_commit_probe_${process.pid}`;
  try {
    const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
    await admin.query(`CREATE TABLE ${table} (n integer)`);
    const latencies: number[] = [];
    const serial = await commitLoop(adminUrl, table, Date.now() + seconds * 1_000, latencies);
    const until = Date.now() + seconds * 1_000;
    const concurrent = await Promise.all(
      Array.from({ length: connections }, () => commitLoop(adminUrl, table, until)),
    );
    return {
      version: `PostgreSQL ${rows[0].server_version}`,
      serialCommitsPerSecond: serial / seconds,
      serialCommit: summariseLatencies(latencies),
      concurrentCommitsPerSecond: concurrent.reduce((sum, n) => sum + n, 0) / seconds,
      connections,
    };
  } finally {
    await admin.query(`DROP TABLE IF EXISTS ${table}`);
    await admin.end();
  }
}
