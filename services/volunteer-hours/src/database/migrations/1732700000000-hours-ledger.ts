import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hours ledger (append-only, hash-chained per member), the per-member chain heads that serialise
 * appends, the ticket-loop facts credits are derived from, and the member facts learned from the
 * directory.
 */
export class HoursLedger1732700000000 implements MigrationInterface {
  readonly name = 'HoursLedger1732700000000';

  /** Creates the ledger, its append-only guard, the chain heads, the ticket facts and member profiles. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_entry (
        id uuid PRIMARY KEY,
        member_id varchar(128) NOT NULL,
        sequence integer NOT NULL CHECK (sequence >= 1),
        kind varchar(16) NOT NULL CHECK (kind IN ('credit', 'reversal', 'adjustment')),
        minutes integer NOT NULL CHECK (minutes <> 0),
        unit_id uuid NULL,
        community_id uuid NULL,
        source_kind varchar(16) NULL CHECK (source_kind IN ('ticket', 'activity')),
        source_id uuid NULL,
        assignment_id uuid NULL,
        caused_by_event_id uuid NULL,
        caused_by_event_type varchar(255) NULL,
        reverses_entry_id uuid NULL UNIQUE REFERENCES ledger_entry (id),
        reason varchar(500) NULL,
        verified_by_role varchar(32) NOT NULL,
        verified_by_id varchar(128) NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        UNIQUE (member_id, sequence),
        CHECK (kind <> 'credit' OR (minutes > 0 AND reverses_entry_id IS NULL)),
        CHECK (kind <> 'reversal' OR (minutes < 0 AND reverses_entry_id IS NOT NULL)),
        CHECK (kind <> 'adjustment' OR reason IS NOT NULL)
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE ledger_entry IS 'Service-hours ledger: append-only; each member''s entries form a sha256 hash chain'`,
    );
    // The exactly-once guard beside the inbox: one entry of a kind per causing event, whatever the
    // inbox remembers (a replay after the inbox was emptied still finds the entry).
    await queryRunner.query(
      `CREATE UNIQUE INDEX ledger_entry_cause_uq ON ledger_entry (kind, caused_by_event_id) WHERE caused_by_event_id IS NOT NULL`,
    );
    // One activity credit per member and activity, however many check-out events claim it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX ledger_entry_activity_credit_uq ON ledger_entry (source_id, member_id) WHERE kind = 'credit' AND source_kind = 'activity'`,
    );
    await queryRunner.query(
      `CREATE INDEX ledger_entry_community_idx ON ledger_entry (community_id, occurred_at)`,
    );
    await queryRunner.query(`CREATE INDEX ledger_entry_unit_idx ON ledger_entry (unit_id, occurred_at)`);
    await queryRunner.query(
      `CREATE INDEX ledger_entry_assignment_idx ON ledger_entry (assignment_id) WHERE assignment_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION ledger_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_refuse_change()`);

    await queryRunner.query(`
      CREATE TABLE ledger_member_head (
        member_id varchar(128) PRIMARY KEY,
        last_sequence integer NOT NULL,
        last_hash char(64) NOT NULL
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE ledger_member_head IS 'Tip of each member''s chain; locked FOR UPDATE so appends for one member take turns'`,
    );

    await queryRunner.query(`
      CREATE TABLE ticket_loop_fact (
        event_id uuid PRIMARY KEY,
        kind varchar(16) NOT NULL CHECK (kind IN ('completed', 'confirmed', 'reopened')),
        ticket_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        member_id varchar(128) NULL,
        minutes integer NULL,
        occurred_at timestamptz NOT NULL,
        actor_role varchar(32) NOT NULL,
        actor_id varchar(128) NOT NULL,
        received_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX ticket_loop_fact_assignment_idx ON ticket_loop_fact (assignment_id)`,
    );
    await queryRunner.query(
      `COMMENT ON TABLE ticket_loop_fact IS 'work.completed, ticket.confirmed and ticket.reopened as received; ticket credits are derived from them'`,
    );

    await queryRunner.query(`
      CREATE TABLE member_profile (
        member_id varchar(128) PRIMARY KEY,
        unit_id uuid NOT NULL,
        community_id uuid NOT NULL,
        grid_id uuid NOT NULL,
        active boolean NOT NULL,
        revision integer NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX member_profile_community_idx ON member_profile (community_id)`);
    await queryRunner.query(`CREATE INDEX member_profile_unit_idx ON member_profile (unit_id)`);
  }

  /** Drops everything `up` created. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS member_profile`);
    await queryRunner.query(`DROP TABLE IF EXISTS ticket_loop_fact`);
    await queryRunner.query(`DROP TABLE IF EXISTS ledger_member_head`);
    await queryRunner.query(`DROP TABLE IF EXISTS ledger_entry`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_entry_refuse_change()`);
  }
}
