// The runner against the real machine: once the infrastructure is up (the jest global setup saw to
// that), asking again is fast and starts nothing, and database creation is idempotent.
import { Client } from 'pg';
import { dropTestDatabase, testDatabaseName, testPostgresAdminUrl } from '@loop/testing';
import { ensureDatabases, ensureInfrastructure, infrastructureStatus } from '../../infra';

/** The same endpoints the global setup resolved, so the runner checks exactly what the tests use. */
function resolvedEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: testPostgresAdminUrl() };
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: testPostgresAdminUrl() });
  await client.connect();
  try {
    return Boolean((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  } finally {
    await client.end();
  }
}

describe('the infrastructure runner', () => {
  const createdDatabases: string[] = [];

  afterAll(async () => {
    for (const name of createdDatabases) await dropTestDatabase(name);
  });

  it('finds the running infrastructure on a second call within seconds and starts nothing', async () => {
    const first = await ensureInfrastructure({ env: resolvedEnvironment() });

    const since = Date.now();
    const second = await ensureInfrastructure({ env: resolvedEnvironment() });
    const elapsedMs = Date.now() - since;

    expect(second.started).toEqual([]);
    expect(elapsedMs).toBeLessThan(5_000);
    expect(second).toEqual({ ...first, started: [] });
  });

  it('reports every component as reachable', async () => {
    const status = await infrastructureStatus({ env: resolvedEnvironment() });

    expect(status.map((component) => [component.name, component.reachable])).toEqual([
      ['kafka', true],
      ['postgres', true],
      ['redis', true],
    ]);
  });

  it('creates a missing database once and treats a second request as done', async () => {
    const name = testDatabaseName('runner_ensure');
    createdDatabases.push(name);

    const firstCall = await ensureDatabases(testPostgresAdminUrl(), [name]);
    const secondCall = await ensureDatabases(testPostgresAdminUrl(), [name]);

    expect(firstCall).toEqual([name]);
    expect(secondCall).toEqual([]);
    expect(await databaseExists(name)).toBe(true);
  });

  it('creates a database exactly once when several processes ask for it at the same time', async () => {
    const name = testDatabaseName('runner_concurrent');
    createdDatabases.push(name);

    const calls = await Promise.all([1, 2, 3, 4].map(() => ensureDatabases(testPostgresAdminUrl(), [name])));

    expect(calls.flat()).toEqual([name]);
    expect(await databaseExists(name)).toBe(true);
  });
});
