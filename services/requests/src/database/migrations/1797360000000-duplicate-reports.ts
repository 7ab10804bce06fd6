import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate reports (ADR 0016): the master a ticket was merged into, the proposals staff decide on
 * (merged, or kept apart — a kept-apart pair is never proposed again), and each community's window and
 * auto-merge switch.
 */
export class DuplicateReports1797360000000 implements MigrationInterface {
  readonly name = 'DuplicateReports1797360000000';

  /** Adds the column and the two tables. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE ticket ADD COLUMN merged_into_ticket_id uuid NULL REFERENCES ticket (id)',
    );
    await queryRunner.query(
      'CREATE INDEX ticket_merged_into ON ticket (merged_into_ticket_id) WHERE merged_into_ticket_id IS NOT NULL',
    );
    // Finds the open tickets of one community and category filed within the window, oldest first.
    await queryRunner.query(
      'CREATE INDEX ticket_duplicate_candidates ON ticket (community_id, category_code, submitted_at)',
    );
    await queryRunner.query(`
      CREATE TABLE duplicate_proposal (
        duplicate_ticket_id uuid NOT NULL REFERENCES ticket (id),
        master_ticket_id uuid NOT NULL REFERENCES ticket (id),
        community_id uuid NOT NULL,
        similarity numeric(4, 3) NOT NULL,
        exact boolean NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('open', 'merged', 'kept_apart', 'withdrawn')),
        proposed_at timestamptz NOT NULL,
        decided_by_role varchar(32) NULL,
        decided_by_id varchar(128) NULL,
        decided_at timestamptz NULL,
        reason varchar(200) NULL,
        PRIMARY KEY (duplicate_ticket_id, master_ticket_id),
        CHECK (duplicate_ticket_id <> master_ticket_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX duplicate_proposal_one_open ON duplicate_proposal (duplicate_ticket_id) WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX duplicate_proposal_open_by_community ON duplicate_proposal (community_id, proposed_at) WHERE status = 'open'`,
    );
    await queryRunner.query(`
      CREATE TABLE duplicate_setting (
        community_id uuid PRIMARY KEY,
        window_hours integer NOT NULL CHECK (window_hours BETWEEN 1 AND 720),
        auto_merge boolean NOT NULL,
        updated_by varchar(128) NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  /** Drops them. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE duplicate_setting');
    await queryRunner.query('DROP TABLE duplicate_proposal');
    await queryRunner.query('DROP INDEX ticket_duplicate_candidates');
    await queryRunner.query('DROP INDEX ticket_merged_into');
    await queryRunner.query('ALTER TABLE ticket DROP COLUMN merged_into_ticket_id');
  }
}
