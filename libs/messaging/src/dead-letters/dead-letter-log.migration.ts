import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates `dead_letter_log`: one row per record a consumer of this database parked, with where the
 * dead-letter record is. The dead-letter topic stays the record of truth; the log lets a service say,
 * next to a missing effect, which parked event is behind it and how to replay it.
 */
export class DeadLetterLogMigration implements MigrationInterface {
  readonly name = 'DeadLetterLog1796600000000';

  /** Creates the table and its lookups by event id and by key. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dead_letter_log (
        id bigserial PRIMARY KEY,
        consumer_group varchar(255) NOT NULL,
        event_id uuid NULL,
        event_type varchar(255) NULL,
        message_key varchar(255) NULL,
        reason varchar(64) NOT NULL,
        details text NOT NULL,
        topic varchar(249) NOT NULL,
        "partition" integer NOT NULL,
        "offset" bigint NOT NULL,
        dead_letter_topic varchar(249) NOT NULL,
        dead_letter_partition integer NOT NULL,
        dead_letter_offset bigint NOT NULL,
        parked_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE dead_letter_log IS 'Records this service''s consumers parked on dead-letter topics, and where'`,
    );
    await queryRunner.query(`CREATE INDEX dead_letter_log_event_idx ON dead_letter_log (event_id)`);
    await queryRunner.query(`CREATE INDEX dead_letter_log_key_idx ON dead_letter_log (message_key)`);
  }

  /** Drops the table. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS dead_letter_log`);
  }
}
