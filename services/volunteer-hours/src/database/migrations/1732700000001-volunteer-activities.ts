import { MigrationInterface, QueryRunner } from 'typeorm';

/** Volunteer activities (志愿活动) and members' sign-ups, with the waiting list and attendance. */
export class VolunteerActivities1732700000001 implements MigrationInterface {
  readonly name = 'VolunteerActivities1732700000001';

  /** Creates the activity and sign-up tables. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY,
        title varchar(200) NOT NULL,
        description varchar(2000) NULL,
        place varchar(200) NOT NULL,
        community_id uuid NOT NULL,
        organiser_unit_id uuid NULL,
        category_code varchar(64) NOT NULL,
        skills jsonb NOT NULL DEFAULT '[]'::jsonb,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        published_by_role varchar(32) NOT NULL,
        published_by_id varchar(128) NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX activity_community_idx ON activity (community_id, starts_at)`);
    await queryRunner.query(`
      CREATE TABLE activity_sign_up (
        activity_id uuid NOT NULL REFERENCES activity (id),
        member_id varchar(128) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('signed_up', 'waitlisted', 'withdrawn')),
        signed_up_at timestamptz NOT NULL,
        queued_at timestamptz NOT NULL,
        checked_in_at timestamptz NULL,
        checked_out_at timestamptz NULL,
        credited_minutes integer NULL,
        PRIMARY KEY (activity_id, member_id)
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN activity_sign_up.queued_at IS 'Place in the waiting list: the earliest waiting member is promoted first'`,
    );
    await queryRunner.query(
      `CREATE INDEX activity_sign_up_queue_idx ON activity_sign_up (activity_id, status, queued_at)`,
    );
  }

  /** Drops the tables. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS activity_sign_up`);
    await queryRunner.query(`DROP TABLE IF EXISTS activity`);
  }
}
