import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos attached to tickets, stored by the SHA-256 of their content (the same photo uploaded twice is
 * one row), with who uploaded them. In PostgreSQL for now: a district's photos, downscaled on the phone,
 * fit comfortably; ADR 0015 says when to move them to object storage.
 */
export class Attachments1797100000000 implements MigrationInterface {
  readonly name = 'Attachments1797100000000';

  /** Creates the attachment table. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attachment (
        sha256 char(64) PRIMARY KEY,
        content_type varchar(40) NOT NULL,
        size integer NOT NULL,
        content bytea NOT NULL,
        uploaded_by varchar(128) NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX ticket_attachments ON ticket USING gin (attachments jsonb_path_ops)',
    );
  }

  /** Drops it. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ticket_attachments');
    await queryRunner.query('DROP TABLE attachment');
  }
}
