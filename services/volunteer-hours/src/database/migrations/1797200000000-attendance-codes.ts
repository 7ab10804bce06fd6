import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attendance code of each activity (签到码): the organiser shows it on site, and members who came
 * check themselves in and out with it. Activities published before get a code of their own.
 */
export class AttendanceCodes1797200000000 implements MigrationInterface {
  readonly name = 'AttendanceCodes1797200000000';

  /** Adds activity.attendance_code, filled for existing activities. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE activity ADD COLUMN attendance_code char(6)');
    await queryRunner.query(
      `UPDATE activity SET attendance_code = lpad(floor(random() * 1000000)::int::text, 6, '0')`,
    );
    await queryRunner.query('ALTER TABLE activity ALTER COLUMN attendance_code SET NOT NULL');
  }

  /** Drops it. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE activity DROP COLUMN attendance_code');
  }
}
