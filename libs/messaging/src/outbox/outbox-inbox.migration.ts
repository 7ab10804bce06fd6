import { MigrationInterface, QueryRunner } from 'typeorm';
import { DeadLetterLogMigration } from '../dead-letters/dead-letter-log.migration';

/** Channel on which PostgreSQL announces committed outbox rows to the relay. */
export const outboxNotificationChannel = 'outbox_pending';

/**
 * Creates the transactional outbox and the idempotent-consumer inbox. Services list it in their
 * TypeORM `migrations` next to their own (see `messagingMigrations`).
 *
 * The outbox keeps Debezium's outbox-router column names (id, aggregatetype, aggregateid, type,
 * payload) so change data capture can replace the relay without a schema change; `payload` holds the
 * whole envelope, exactly the Kafka value the relay publishes.
 */
export class OutboxInboxMigration implements MigrationInterface {
  // TypeORM orders migrations by the trailing timestamp; an early one lets these tables exist before
  // any service migration that might reference them.
  readonly name = 'OutboxInbox1700000000000';

  /** Creates the outbox, its notification trigger and the inbox. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        aggregatetype varchar(255) NOT NULL,
        aggregateid varchar(255) NOT NULL,
        type varchar(255) NOT NULL,
        payload jsonb NOT NULL,
        topic varchar(249) NOT NULL,
        event_version integer NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        sequence bigserial NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE outbox IS 'Transactional outbox: events committed with the state change that caused them, published to Kafka by the relay'`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN outbox.payload IS 'The whole event envelope: the Kafka message value'`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN outbox.aggregateid IS 'The Kafka message key: one aggregate, one partition, one order'`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN outbox.topic IS 'Logical topic from the contracts; the relay adds the environment prefix'`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN outbox.sequence IS 'Insertion order; the relay publishes pending rows in this order'`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_pending_idx ON outbox (sequence) WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL`,
    );

    // A statement-level trigger rather than a NOTIFY in application code: every insert, whoever makes
    // it, wakes the relay, and PostgreSQL delivers the notification only when the transaction commits
    // (never for a rolled-back one), folding duplicates within one transaction.
    await queryRunner.query(`
      CREATE FUNCTION outbox_notify_pending() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${outboxNotificationChannel}', '');
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER outbox_notify_pending AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify_pending()`,
    );

    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer_group varchar(255) NOT NULL,
        event_id uuid NOT NULL,
        event_type varchar(255) NOT NULL,
        event_version integer NOT NULL,
        topic varchar(249) NOT NULL,
        "partition" integer NOT NULL,
        "offset" bigint NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE inbox IS 'Idempotent consumer: events a consumer group has handled, written in the same transaction as the effect'`,
    );
    await queryRunner.query(`CREATE INDEX inbox_handled_at_idx ON inbox (handled_at)`);
  }

  /** Drops both tables and the trigger. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS inbox`);
    await queryRunner.query(`DROP TABLE IF EXISTS outbox`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS outbox_notify_pending()`);
  }
}

/** The messaging library's migrations, to spread into a service's TypeORM `migrations` list. */
export const messagingMigrations = [OutboxInboxMigration, DeadLetterLogMigration];
