import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Numbers each person's notifications when their transaction commits, not when they are recorded.
 *
 * A consumer transaction records the notifications of many events (a partition's backlog commits as
 * one group). Taking a recipient's next number as each notification was recorded locked the
 * recipients' `recipient_stream` rows in event order, so two groups that notified the same people in
 * different orders deadlocked. Now a notification is inserted unnumbered, and a deferred constraint
 * trigger numbers every unnumbered notification of the transaction at COMMIT with one statement that
 * locks the recipients' stream rows in recipient id order: every transaction locks them in the same
 * order, and holds them only for the commit. One person's notifications still commit in sequence
 * order with no gaps (ADR 0042); within one transaction they are numbered in the order they were
 * recorded (`recorded_order`).
 */
export class NumberStreamsAtCommit1764260000000 implements MigrationInterface {
  name = 'NumberStreamsAtCommit1764260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification ALTER COLUMN sequence DROP NOT NULL`);
    await queryRunner.query(`CREATE SEQUENCE notification_recorded_order`);
    // Added without a default, then given one, so existing rows (all numbered) are not rewritten.
    await queryRunner.query(`ALTER TABLE notification ADD COLUMN recorded_order bigint`);
    await queryRunner.query(
      `ALTER TABLE notification ALTER COLUMN recorded_order SET DEFAULT nextval('notification_recorded_order')`,
    );
    await queryRunner.query(
      `ALTER SEQUENCE notification_recorded_order OWNED BY notification.recorded_order`,
    );
    // Holds only notifications of transactions still in flight: committed ones are always numbered.
    await queryRunner.query(
      `CREATE INDEX notification_unnumbered ON notification (recorded_order) WHERE sequence IS NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION notification_number_streams() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The transaction's first call numbers all its notifications; the later calls find theirs done.
        PERFORM 1 FROM notification WHERE id = NEW.id AND sequence IS NULL;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        -- Other transactions' unnumbered rows are invisible here, so these are this transaction's own.
        WITH unnumbered AS (
          SELECT id, recipient_id,
                 row_number() OVER (PARTITION BY recipient_id ORDER BY recorded_order) AS nth
          FROM notification WHERE sequence IS NULL
        ), taken AS (
          SELECT recipient_id, count(*) AS count FROM unnumbered GROUP BY recipient_id
        ), streams AS (
          -- Rows are upserted, and so locked, in recipient id order.
          INSERT INTO recipient_stream AS stream (recipient_id, last_sequence)
          SELECT recipient_id, count FROM taken ORDER BY recipient_id
          ON CONFLICT (recipient_id) DO UPDATE SET last_sequence = stream.last_sequence + EXCLUDED.last_sequence
          RETURNING stream.recipient_id, stream.last_sequence
        )
        UPDATE notification
        SET sequence = streams.last_sequence - taken.count + unnumbered.nth
        FROM unnumbered
        JOIN taken USING (recipient_id)
        JOIN streams USING (recipient_id)
        WHERE notification.id = unnumbered.id;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER notification_numbered_at_commit AFTER INSERT ON notification
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION notification_number_streams()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS notification_numbered_at_commit ON notification`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS notification_number_streams()`);
    await queryRunner.query(`DROP INDEX IF EXISTS notification_unnumbered`);
    await queryRunner.query(`ALTER TABLE notification DROP COLUMN IF EXISTS recorded_order`);
    await queryRunner.query(`ALTER TABLE notification ALTER COLUMN sequence SET NOT NULL`);
  }
}
