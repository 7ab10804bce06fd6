// A real deadlock on a real PostgreSQL: two transactions lock two rows in opposite order, PostgreSQL
// aborts one of them, and runTransaction runs that one again until it commits.
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase, waitFor } from '@loop/testing';
import { databaseErrorCode, DEADLOCK_DETECTED, runTransaction, TransactionRunner } from '../../src';

describe('runTransaction against a real deadlock', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('platform_tx_retry');
    dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 4 });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE ticket (id text PRIMARY KEY, touched_by text[] NOT NULL)');
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE ticket');
    await dataSource.query("INSERT INTO ticket (id, touched_by) VALUES ('A', '{}'), ('B', '{}')");
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  function touch(manager: EntityManager | QueryRunner, ticketId: string, by: string): Promise<unknown> {
    return manager.query('UPDATE ticket SET touched_by = array_append(touched_by, $2) WHERE id = $1', [
      ticketId,
      by,
    ]);
  }

  /** Opens the other transaction (a consumer's batch, say) holding ticket A. */
  async function consumerHoldingA(): Promise<QueryRunner> {
    const consumer = dataSource.createQueryRunner();
    await consumer.connect();
    await consumer.startTransaction();
    // The command (default 1 s) checks for the deadlock long before the consumer would, however busy the
    // machine is, so PostgreSQL always picks the command as the victim.
    await consumer.query("SET LOCAL deadlock_timeout = '10s'");
    await touch(consumer, 'A', 'consumer');
    return consumer;
  }

  /** Waits until some transaction of this database is queued behind a row lock. */
  async function someoneWaitsForALock(): Promise<void> {
    await waitFor(
      async () => {
        const rows: Array<{ waiting: number }> = await dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0].waiting > 0;
      },
      { description: 'the command to wait for the lock on ticket A', intervalMs: 20 },
    );
  }

  /**
   * Plays the lock cycle: the consumer holds A; only then does the command start, lock B and wait for A;
   * the consumer then asks for B. The command's deadlock check runs first (the consumer's waits 10 s), so
   * PostgreSQL aborts the command; the consumer gets B and commits.
   */
  async function playLockCycle<T>(command: () => Promise<T>): Promise<PromiseSettledResult<T>> {
    const consumer = await consumerHoldingA();
    try {
      const outcome = Promise.allSettled([command()]);
      await someoneWaitsForALock();
      await touch(consumer, 'B', 'consumer');
      await consumer.commitTransaction();
      return (await outcome)[0];
    } finally {
      if (consumer.isTransactionActive) await consumer.rollbackTransaction();
      await consumer.release();
    }
  }

  /** The command's work: ticket B, then ticket A — the opposite order to the consumer. */
  function commandWork(runs: { count: number }) {
    return async (manager: EntityManager): Promise<string> => {
      runs.count += 1;
      await touch(manager, 'B', 'command');
      await touch(manager, 'A', 'command');
      return 'confirmed';
    };
  }

  async function touchedBy(ticketId: string): Promise<string[]> {
    const rows: Array<{ touched_by: string[] }> = await dataSource.query(
      'SELECT touched_by FROM ticket WHERE id = $1',
      [ticketId],
    );
    return rows[0].touched_by;
  }

  it('lets a plain transaction fail as the deadlock victim', async () => {
    const runs = { count: 0 };

    const outcome = await playLockCycle(() => dataSource.transaction(commandWork(runs)));

    expect(outcome.status).toBe('rejected');
    expect(databaseErrorCode((outcome as PromiseRejectedResult).reason)).toBe(DEADLOCK_DETECTED);
    expect(await touchedBy('A')).toEqual(['consumer']);
    expect(await touchedBy('B')).toEqual(['consumer']);
  });

  it('completes the deadlock victim by running its whole transaction again', async () => {
    const runs = { count: 0 };
    const failedAttempts: unknown[] = [];
    const recording: TransactionRunner = {
      transaction: (work) =>
        dataSource.transaction(work).catch((error: unknown) => {
          failedAttempts.push(error);
          throw error;
        }),
    };

    const outcome = await playLockCycle(() => runTransaction(recording, commandWork(runs)));

    expect(outcome).toEqual({ status: 'fulfilled', value: 'confirmed' });
    expect(failedAttempts.map(databaseErrorCode)).toEqual([DEADLOCK_DETECTED]);
    expect(runs.count).toBe(2);
    // The aborted attempt left nothing behind: each ticket was changed once by each side, consumer first.
    expect(await touchedBy('A')).toEqual(['consumer', 'command']);
    expect(await touchedBy('B')).toEqual(['consumer', 'command']);
  });
});
