import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every read of a resident's full contact by the ticket's assignee: who, when, which ticket. */
export class ContactReads1796600000001 implements MigrationInterface {
  readonly name = 'ContactReads1796600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_contact_read (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        reader_id varchar(128) NOT NULL,
        reader_role varchar(32) NOT NULL,
        assignment_id uuid NULL,
        read_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE ticket_contact_read IS 'Reads of a resident''s full name and phone by the ticket''s assignee, listed to staff'`,
    );
    await queryRunner.query(
      `CREATE INDEX ticket_contact_read_ticket_idx ON ticket_contact_read (ticket_id, read_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ticket_contact_read`);
  }
}
