// Durable timers against a real PostgreSQL: fire once, commit with their effects, survive restarts,
// never double-fire across two replicas, and retry after a failing handler.
import { Injectable, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase, testKafkaBrokers, testRedisUrl, waitFor } from '@loop/testing';
import {
  createServiceApp,
  DueTimer,
  PlatformConfig,
  PlatformModule,
  scheduleTimer,
  startDevIssuer,
  TimerHandler,
  TimerPoller,
  TimersModule,
  timersMigrations,
} from '../../src';

class CreateTimerEffects1700000000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE timer_effect (key text NOT NULL, fired_by text NOT NULL)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE timer_effect');
  }
}

/** Failing keys make the handler throw after writing its effect, which must then roll back. */
const failingKeys = new Set<string>();

@Injectable()
class ReminderTimers {
  static replica = 'a';

  @TimerHandler('test.reminder')
  async remind(timer: DueTimer, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO timer_effect (key, fired_by) VALUES ($1, $2)', [
      timer.key,
      ReminderTimers.replica,
    ]);
    if (failingKeys.has(timer.key)) throw new Error(`reminder ${timer.key} cannot be sent yet`);
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({
      config: PlatformConfig,
      database: { entities: [], migrations: [...timersMigrations, CreateTimerEffects1700000000002] },
    }),
    TimersModule.forRoot(PlatformConfig),
  ],
  providers: [ReminderTimers],
})
class TimerTestModule {}

describe('durable timers', () => {
  let database: TestDatabase;
  let issuer: Awaited<ReturnType<typeof startDevIssuer>>;
  const apps: NestExpressApplication[] = [];

  async function startReplica(): Promise<NestExpressApplication> {
    const app = await createServiceApp(TimerTestModule, {
      name: 'timers-test',
      openapi: false,
      env: {
        NODE_ENV: 'test',
        PORT: '3999',
        LOG_LEVEL: 'silent',
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        KAFKA_CLIENT_ID: 'timers-test',
        AUTH_JWKS_URL: issuer.jwksUrl,
        AUTH_ISSUER: issuer.issuer,
        AUTH_AUDIENCE: issuer.audience,
        TIMERS_POLL_INTERVAL_MS: '50',
      },
    });
    await app.init();
    apps.push(app);
    return app;
  }

  async function effects(
    app: NestExpressApplication,
    key?: string,
  ): Promise<{ key: string; fired_by: string }[]> {
    return app
      .get(DataSource)
      .query(
        `SELECT key, fired_by FROM timer_effect ${key ? 'WHERE key = $1' : ''} ORDER BY key`,
        key ? [key] : [],
      );
  }

  async function schedule(app: NestExpressApplication, key: string, dueAt: Date): Promise<void> {
    await app
      .get(DataSource)
      .transaction((manager) => scheduleTimer(manager, { kind: 'test.reminder', key, dueAt }));
  }

  beforeAll(async () => {
    database = await createTestDatabase('timers');
    issuer = await startDevIssuer({ port: 0 });
  });
  afterEach(async () => {
    while (apps.length) await apps.pop()!.close();
  });
  afterAll(async () => {
    await issuer?.close();
    await database?.drop();
  });

  it('fires a due timer once and removes it, while a timer set in a rolled-back transaction never fires', async () => {
    const app = await startReplica();
    await schedule(app, 'due-now', new Date());
    await app
      .get(DataSource)
      .transaction(async (manager) => {
        await scheduleTimer(manager, { kind: 'test.reminder', key: 'rolled-back', dueAt: new Date() });
        throw new Error('the state change failed');
      })
      .catch(() => undefined);

    await waitFor(async () => (await effects(app, 'due-now')).length === 1, {
      description: 'the due timer to fire',
    });
    expect(await app.get(TimerPoller).fireDueTimers()).toBe(0);
    expect(await effects(app, 'due-now')).toHaveLength(1);
    expect(await effects(app, 'rolled-back')).toHaveLength(0);
    expect(await app.get(DataSource).query(`SELECT key FROM durable_timer`)).toEqual([]);
  });

  it('fires a timer that came due while the service was down once it is back', async () => {
    const before = await startReplica();
    await schedule(before, 'across-restart', new Date(Date.now() + 1500));
    await before.close();
    apps.pop();

    const after = await startReplica();
    await waitFor(async () => (await effects(after, 'across-restart')).length === 1, {
      timeoutMs: 15_000,
      description: 'the timer to fire after the restart',
    });
  });

  it('fires each timer exactly once when two replicas poll the same table', async () => {
    ReminderTimers.replica = 'shared';
    const first = await startReplica();
    const second = await startReplica();
    const keys = Array.from({ length: 40 }, (_, index) => `race-${String(index).padStart(2, '0')}`);
    await first.get(DataSource).transaction(async (manager) => {
      for (const key of keys) await scheduleTimer(manager, { kind: 'test.reminder', key, dueAt: new Date() });
    });
    await Promise.all([first.get(TimerPoller).fireDueTimers(), second.get(TimerPoller).fireDueTimers()]);
    await waitFor(
      async () => (await effects(first)).filter((row) => row.key.startsWith('race-')).length >= 40,
      {
        description: 'all 40 timers to fire',
      },
    );
    const fired = (await effects(first)).filter((row) => row.key.startsWith('race-')).map((row) => row.key);
    expect(fired).toEqual(keys);
  });

  it('rolls back the effects of a failing handler and retries the timer later with the attempt recorded', async () => {
    failingKeys.add('flaky');
    const app = await startReplica();
    await schedule(app, 'flaky', new Date());
    const timerRow = () =>
      app.get(DataSource).query(`SELECT attempts, last_error FROM durable_timer WHERE key = 'flaky'`);
    await waitFor(async () => (await timerRow())[0]?.attempts === 1, {
      description: 'the first failed attempt',
    });
    expect((await timerRow())[0].last_error).toBe('reminder flaky cannot be sent yet');
    expect(await effects(app, 'flaky')).toHaveLength(0);

    failingKeys.delete('flaky');
    await waitFor(async () => (await effects(app, 'flaky')).length === 1, {
      timeoutMs: 10_000,
      description: 'the retried timer to fire',
    });
    expect(await timerRow()).toEqual([]);
  });
});
