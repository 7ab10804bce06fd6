import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ticket.has_duplicates`: whether a duplicate report was ever merged into the ticket. A master's steps
 * bring its duplicates in step; every other ticket's steps skip looking for them.
 */
export class MasterFlag1797500000000 implements MigrationInterface {
  readonly name = 'MasterFlag1797500000000';

  /** Adds the flag and sets it on every ticket that has had a duplicate. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ticket ADD COLUMN has_duplicates boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE ticket SET has_duplicates = true
        WHERE id IN (SELECT DISTINCT merged_into_ticket_id FROM ticket WHERE merged_into_ticket_id IS NOT NULL)`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN ticket.has_duplicates IS 'A duplicate report was merged into this ticket at some time (ADR 0016)'`,
    );
  }

  /** Drops the flag. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ticket DROP COLUMN has_duplicates`);
  }
}
