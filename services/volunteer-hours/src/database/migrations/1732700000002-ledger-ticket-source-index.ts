import { MigrationInterface, QueryRunner } from 'typeorm';

/** The loop auditor asks for a ticket's entries by source; without this it scans the whole ledger. */
export class LedgerTicketSourceIndex1732700000002 implements MigrationInterface {
  readonly name = 'LedgerTicketSourceIndex1732700000002';

  /** Indexes ledger entries by their source. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ledger_entry_source_idx ON ledger_entry (source_kind, source_id)`);
  }

  /** Drops the index. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ledger_entry_source_idx`);
  }
}
