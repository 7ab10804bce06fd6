import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the durable timer table. A timer is a row: it survives restarts, fires once across replicas
 * (rows are claimed with FOR UPDATE SKIP LOCKED) and commits in the same transaction as its effects.
 */
export class DurableTimersMigration implements MigrationInterface {
  readonly name = 'DurableTimers1700000000001';

  /** Creates `durable_timer` and its due-time index. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE durable_timer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(100) NOT NULL,
        key varchar(200) NOT NULL,
        due_at timestamptz NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        version integer NOT NULL DEFAULT 1,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT durable_timer_kind_key UNIQUE (kind, key)
      )`);
    await queryRunner.query(`CREATE INDEX durable_timer_due ON durable_timer (due_at)`);
  }

  /** Drops the table. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE durable_timer`);
  }
}

/** The migrations a service lists to use durable timers. */
export const timersMigrations = [DurableTimersMigration];
