import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents registered to households (居民住户登记), and the published revision of a compound: a
 * compound is published on the directory topic with its buildings, households and registered residents,
 * so the requests service can check where a ticket is filed without calling dispatch.
 */
export class HouseholdResidents1796900000000 implements MigrationInterface {
  readonly name = 'HouseholdResidents1796900000000';

  /** Adds the compound's revision and the household–resident registrations. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE directory_compound
        ADD COLUMN revision integer NOT NULL DEFAULT 1,
        ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`
      CREATE TABLE directory_household_resident (
        household_id uuid NOT NULL REFERENCES directory_household (id),
        resident_id varchar(128) NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (household_id, resident_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX directory_household_resident_resident ON directory_household_resident (resident_id)',
    );
    await queryRunner.query('CREATE INDEX directory_household_compound ON directory_household (compound_id)');
    await queryRunner.query('CREATE INDEX directory_building_compound ON directory_building (compound_id)');
  }

  /** Drops them again. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX directory_building_compound');
    await queryRunner.query('DROP INDEX directory_household_compound');
    await queryRunner.query('DROP TABLE directory_household_resident');
    await queryRunner.query('ALTER TABLE directory_compound DROP COLUMN revision, DROP COLUMN changed_at');
  }
}
