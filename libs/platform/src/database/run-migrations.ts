import type { DataSource } from 'typeorm';

// Any constant works: advisory lock keys are scoped to the database, and each service has its own.
const MIGRATION_LOCK_KEY = 'grassroots-loop:migrations';

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock. During a rolling deploy several
 * replicas start at once; TypeORM alone would let each of them apply the same migration. With the lock
 * the first replica migrates and the others wait, then find nothing left to do.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockHolder.release();
  }
}
