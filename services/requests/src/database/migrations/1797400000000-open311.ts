import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Open311 GeoReport v2 facade: the api_keys the district admin issues (only their SHA-256 is kept)
 * and what a filing carried that a ticket has no field for (the address_id given, the media_url), and
 * an index for reading one client's filings by date.
 */
export class Open3111797400000000 implements MigrationInterface {
  readonly name = 'Open3111797400000000';

  /** Creates the key and filing tables and the index. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE open311_api_key (
        id uuid PRIMARY KEY,
        client_id varchar(40) NOT NULL,
        client_name varchar(100) NOT NULL,
        channel varchar(20) NOT NULL,
        community_ids uuid[] NOT NULL,
        key_hash char(64) NOT NULL UNIQUE,
        key_prefix varchar(16) NOT NULL,
        created_by varchar(128) NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE open311_request (
        ticket_id uuid PRIMARY KEY,
        client_id varchar(40) NOT NULL,
        key_id uuid NOT NULL,
        address_id uuid,
        media_url varchar(500),
        filed_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ticket_filed_by_submitted ON ticket (filed_by_id, submitted_at)');
  }

  /** Drops them. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ticket_filed_by_submitted');
    await queryRunner.query('DROP TABLE open311_request');
    await queryRunner.query('DROP TABLE open311_api_key');
  }
}
