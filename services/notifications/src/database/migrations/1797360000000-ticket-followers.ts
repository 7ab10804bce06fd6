import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets merged into another as duplicate reports of one problem (ADR 0016), kept from ticket.merged
 * and ticket.unmerged: their residents are told what the master's resident is told.
 */
export class TicketFollowers1797360000000 implements MigrationInterface {
  readonly name = 'TicketFollowers1797360000000';

  /** Creates the follower table. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_follower (
        follower_ticket_id uuid PRIMARY KEY,
        master_ticket_id uuid NOT NULL,
        merged_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ticket_follower_by_master ON ticket_follower (master_ticket_id)');
    await queryRunner.query(
      `COMMENT ON TABLE ticket_follower IS 'tickets merged into a master (ticket.merged, until ticket.unmerged); their residents hear the master''s steps'`,
    );
  }

  /** Drops it. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ticket_follower');
  }
}
