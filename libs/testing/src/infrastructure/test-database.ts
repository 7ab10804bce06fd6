// A fresh PostgreSQL database per suite: migrations run on an empty schema, suites run in any order,
// and nothing leaks into the services' own databases.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testPostgresAdminUrl } from './test-environment';

/** A database created for one suite. */
export interface TestDatabase {
  /** The database name, e.g. `test_dispatch_m3x9k2a1b2c3`. */
  name: string;
  /** Connection URL (same server and credentials as the admin URL). */
  url: string;
  /** Terminates leftover connections and drops the database. */
  drop(): Promise<void>;
}

/** PostgreSQL truncates identifiers at 63 bytes; keep the unique part inside that limit. */
const maxIdentifierLength = 63;

/** A unique, valid database name starting with the sanitised prefix. */
export function testDatabaseName(
  prefix: string,
  unique = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`,
): string {
  const safePrefix =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'test';
  const start = /^[a-z_]/.test(safePrefix) ? safePrefix : `t_${safePrefix}`;
  return `${start.slice(0, maxIdentifierLength - unique.length - 1)}_${unique}`;
}

function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testPostgresAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a uniquely named, empty database on the test server; call `drop()` in afterAll. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = testDatabaseName(prefix);
  await withAdminClient(async (client) => {
    // Same lock as the runner's ensureDatabases: concurrent CREATE DATABASE from parallel runs can
    // trip over the shared template database, so creations take turns.
    await client.query("SELECT pg_advisory_lock(hashtext('loop.create-database'))");
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  });
  return { name, url: databaseUrl(testPostgresAdminUrl(), name), drop: () => dropTestDatabase(name) };
}

/** Drops a test database even when a pool or a crashed test still holds connections to it. */
export async function dropTestDatabase(name: string): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    const version = Number(
      (await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]
        .server_version_num,
    );
    // FORCE (PostgreSQL 13+) also removes connections that arrive between the terminate and the drop.
    const force = version >= 130000 ? ' WITH (FORCE)' : '';
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}${force}`);
  });
}
