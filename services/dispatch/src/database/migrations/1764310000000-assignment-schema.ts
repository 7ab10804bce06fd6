import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatch cases (one per ticket), their offers/assignments, and the per-member monthly service minutes
 * used for fairness when ranking. Concurrency: every command locks its case row (SELECT … FOR UPDATE),
 * and `version` columns let readers detect a change.
 */
export class AssignmentSchema1764310000000 implements MigrationInterface {
  readonly name = 'AssignmentSchema1764310000000';

  /** Creates dispatch_case, assignment and member_service_minutes. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dispatch_case (
        ticket_id uuid PRIMARY KEY,
        ticket_number varchar(32) NOT NULL,
        community_id uuid NOT NULL,
        grid_id uuid NOT NULL,
        compound_id uuid,
        household_id uuid,
        resident_id varchar(128),
        category_code varchar(64) NOT NULL,
        urgency varchar(16) NOT NULL,
        status varchar(24) NOT NULL,
        submitted_at timestamptz NOT NULL,
        accept_due_at timestamptz NOT NULL,
        complete_due_at timestamptz NOT NULL,
        accepted_at timestamptz,
        resolved_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        returns integer NOT NULL DEFAULT 0,
        excluded_assignee_ids text[] NOT NULL DEFAULT '{}',
        current_assignment_id uuid,
        escalation_level smallint NOT NULL DEFAULT 0,
        escalation_reason varchar(32),
        escalated_to_role varchar(32),
        escalated_to_id varchar(128),
        escalated_at timestamptz,
        reopen_count integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dispatch_case_escalation_level CHECK (escalation_level BETWEEN 0 AND 3)
      )`);
    await queryRunner.query(`CREATE INDEX dispatch_case_board ON dispatch_case (community_id, status)`);
    await queryRunner.query(
      `CREATE INDEX dispatch_case_escalated ON dispatch_case (escalation_level, community_id) WHERE escalation_level > 0`,
    );
    await queryRunner.query(`
      CREATE TABLE assignment (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES dispatch_case (ticket_id),
        community_id uuid NOT NULL,
        grid_id uuid NOT NULL,
        assignee_kind varchar(24) NOT NULL,
        assignee_id varchar(128) NOT NULL,
        status varchar(24) NOT NULL,
        mode varchar(8) NOT NULL,
        dispatched_by_role varchar(32) NOT NULL,
        dispatched_by_id varchar(128) NOT NULL,
        attempt integer NOT NULL,
        offered_at timestamptz NOT NULL,
        offer_expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        started_at timestamptz,
        completed_at timestamptz,
        closed_at timestamptz,
        reason_code varchar(32),
        reason_text varchar(200),
        note varchar(500),
        minutes_spent integer,
        version integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`CREATE INDEX assignment_ticket ON assignment (ticket_id, attempt)`);
    await queryRunner.query(`CREATE INDEX assignment_assignee_status ON assignment (assignee_id, status)`);
    // At most one live offer or assignment per ticket, whatever a bug elsewhere tries.
    await queryRunner.query(
      `CREATE UNIQUE INDEX assignment_one_live_per_ticket ON assignment (ticket_id)
       WHERE status IN ('offered', 'accepted', 'in_progress')`,
    );
    await queryRunner.query(`
      CREATE TABLE member_service_minutes (
        member_id varchar(128) NOT NULL,
        month char(7) NOT NULL,
        minutes integer NOT NULL DEFAULT 0,
        PRIMARY KEY (member_id, month)
      )`);
  }

  /** Drops the tables. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE member_service_minutes`);
    await queryRunner.query(`DROP TABLE assignment`);
    await queryRunner.query(`DROP TABLE dispatch_case`);
  }
}
