import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's places as this service learns them from dispatch's directory events: communities
 * with their grids, compounds with their buildings, and households with the residents registered to
 * them. A ticket is checked against them when it is filed, without a call to dispatch.
 */
export class KnownPlaces1797000000000 implements MigrationInterface {
  readonly name = 'KnownPlaces1797000000000';

  /** Creates known_community, known_compound and known_household. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE known_community (
        id uuid PRIMARY KEY,
        grid_ids uuid[] NOT NULL,
        active boolean NOT NULL,
        revision integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE known_compound (
        id uuid PRIMARY KEY,
        community_id uuid NOT NULL,
        building_ids uuid[] NOT NULL,
        active boolean NOT NULL,
        revision integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE known_household (
        id uuid PRIMARY KEY,
        compound_id uuid NOT NULL,
        community_id uuid NOT NULL,
        grid_id uuid NOT NULL,
        building_id uuid,
        resident_ids varchar(128)[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query('CREATE INDEX known_household_compound ON known_household (compound_id)');
    await queryRunner.query(
      'CREATE INDEX known_household_residents ON known_household USING gin (resident_ids)',
    );
  }

  /** Drops them. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE known_household');
    await queryRunner.query('DROP TABLE known_compound');
    await queryRunner.query('DROP TABLE known_community');
  }
}
