import { MigrationInterface, QueryRunner } from 'typeorm';
import schedule2026 from '../../directory/data/public-holidays-2026.json';

/**
 * The national public-holiday schedules (one row per year, loaded by the district admin) and the
 * community flag for serving on public holidays (ADR 0024). The State Council's 2026 schedule ships
 * with the service and is loaded here, once: a later admin load of 2026 is never overwritten by a
 * restart, and a correction of the shipped file is a new migration, reviewed like code.
 */
export class PublicHolidays1796700000000 implements MigrationInterface {
  readonly name = 'PublicHolidays1796700000000';

  /** Creates directory_public_holidays with 2026 in it and adds directory_community.serves_public_holidays. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_public_holidays (
        year smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
        source varchar(200) NOT NULL,
        holidays date[] NOT NULL,
        workdays date[] NOT NULL,
        loaded_by varchar(128) NOT NULL,
        loaded_at timestamptz NOT NULL,
        revision integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(
      `ALTER TABLE directory_community ADD COLUMN serves_public_holidays boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `INSERT INTO directory_public_holidays (year, source, holidays, workdays, loaded_by, loaded_at)
       VALUES ($1, $2, $3::date[], $4::date[], 'migration', now())
       ON CONFLICT (year) DO NOTHING`,
      [schedule2026.year, schedule2026.source, schedule2026.holidays, schedule2026.workdays],
    );
  }

  /** Drops the table and the column. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE directory_community DROP COLUMN serves_public_holidays`);
    await queryRunner.query(`DROP TABLE directory_public_holidays`);
  }
}
