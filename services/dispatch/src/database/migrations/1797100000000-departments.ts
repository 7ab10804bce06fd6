import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Functional departments (职能部门) are directory units of kind `department`, with the unit admins who
 * act for them and their service hours; work units keep the defaults. Summonses of departments to
 * tickets (吹哨报到, ADR 0026) and their arrival deadlines.
 */
export class Departments1797100000000 implements MigrationInterface {
  readonly name = 'Departments1797100000000';

  /** Adds the unit's kind, admins and service hours, and the summons table. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE directory_unit
        ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'work_unit' CHECK (kind IN ('work_unit', 'department')),
        ADD COLUMN admin_ids varchar(128)[] NOT NULL DEFAULT '{}',
        ADD COLUMN opens_at smallint NOT NULL DEFAULT 510,
        ADD COLUMN closes_at smallint NOT NULL DEFAULT 1050,
        ADD COLUMN weekends_all_day boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE summons (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        community_id uuid NOT NULL,
        department_id uuid NOT NULL REFERENCES directory_unit (id),
        department_label varchar(100) NOT NULL,
        admin_ids varchar(128)[] NOT NULL DEFAULT '{}',
        reason varchar(500) NOT NULL,
        urgency varchar(16) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('issued', 'checked_in', 'reported', 'released')),
        issued_by_role varchar(32) NOT NULL,
        issued_by_id varchar(128) NOT NULL,
        issued_at timestamptz NOT NULL,
        arrive_due_at timestamptz NOT NULL,
        checked_in_at timestamptz,
        checked_in_by varchar(128),
        report varchar(500),
        reported_at timestamptz,
        release_reason varchar(500),
        released_at timestamptz,
        escalation_level smallint NOT NULL DEFAULT 0,
        escalated_to_role varchar(32),
        escalated_to_id varchar(128),
        escalated_at timestamptz,
        version integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query('CREATE INDEX summons_ticket ON summons (ticket_id, issued_at)');
    // One open summons per department and ticket: a department already on its way is not called twice.
    await queryRunner.query(
      `CREATE UNIQUE INDEX summons_open_department ON summons (ticket_id, department_id)
        WHERE status IN ('issued', 'checked_in')`,
    );
    await queryRunner.query(
      `CREATE INDEX summons_department_open ON summons (department_id, arrive_due_at)
        WHERE status IN ('issued', 'checked_in')`,
    );
  }

  /** Drops the summons table and the unit's department columns. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE summons');
    await queryRunner.query(`
      ALTER TABLE directory_unit
        DROP COLUMN weekends_all_day, DROP COLUMN closes_at, DROP COLUMN opens_at,
        DROP COLUMN admin_ids, DROP COLUMN kind`);
  }
}
