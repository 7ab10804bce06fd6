// The per-suite database helper of @loop/testing against the real server: a fresh, usable database
// that is gone afterwards even if a connection was left open.
import { Client } from 'pg';
import { createTestDatabase, testPostgresAdminUrl } from '@loop/testing';

async function databaseExists(name: string): Promise<boolean> {
  const admin = new Client({ connectionString: testPostgresAdminUrl() });
  await admin.connect();
  try {
    return Boolean((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  } finally {
    await admin.end();
  }
}

describe('a test database', () => {
  it('is created empty under a unique name and accepts connections at its URL', async () => {
    const database = await createTestDatabase('isolation_check');
    try {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const tables = await client.query(
        "SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'",
      );
      await client.end();

      expect(database.name).toMatch(/^isolation_check_[a-z0-9]+$/);
      expect(tables.rows[0].count).toBe(0);
    } finally {
      await database.drop();
    }
  });

  it('is dropped even while a forgotten connection still holds it open', async () => {
    const database = await createTestDatabase('leftover_connection');
    const forgotten = new Client({ connectionString: database.url });
    forgotten.on('error', () => undefined); // the server ends this session during drop()
    await forgotten.connect();

    await database.drop();

    expect(await databaseExists(database.name)).toBe(false);
    await forgotten.end().catch(() => undefined);
  });

  it('never hands two suites the same database', async () => {
    const [first, second] = await Promise.all([
      createTestDatabase('same_prefix'),
      createTestDatabase('same_prefix'),
    ]);
    try {
      expect(first.name).not.toEqual(second.name);
    } finally {
      await Promise.all([first.drop(), second.drop()]);
    }
  });
});
