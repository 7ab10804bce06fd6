import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets, their timelines and the ticket-number counters. The timeline is the source of every report
 * figure; the ticket row is the current state projected from it, for fast reads and searches.
 */
export class Tickets1764230000000 implements MigrationInterface {
  readonly name = 'Tickets1764230000000';

  /** Creates ticket, ticket_timeline_event and ticket_number_counter. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket (
        id uuid PRIMARY KEY,
        number varchar(40) NOT NULL UNIQUE,
        resident_id varchar(128),
        filed_by_role varchar(32) NOT NULL,
        filed_by_id varchar(128) NOT NULL,
        source varchar(16) NOT NULL,
        category_code varchar(64) NOT NULL,
        urgency varchar(16) NOT NULL,
        title varchar(100) NOT NULL,
        description text NOT NULL,
        community_id uuid NOT NULL,
        grid_id uuid NOT NULL,
        compound_id uuid,
        building_id uuid,
        household_id uuid,
        address varchar(200),
        latitude double precision,
        longitude double precision,
        contact jsonb,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        status varchar(16) NOT NULL,
        status_changed_at timestamptz NOT NULL,
        escalation_level smallint NOT NULL DEFAULT 0,
        assignment_id uuid,
        assignee_kind varchar(32),
        assignee_id varchar(128),
        retired_assignment_ids uuid[] NOT NULL DEFAULT '{}',
        accept_due_at timestamptz,
        completion_due_at timestamptz,
        auto_confirm_due_at timestamptz,
        next_deadline_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        cancelled_at timestamptz,
        rating smallint,
        confirmation_comment varchar(500),
        auto_confirmed boolean NOT NULL DEFAULT false,
        reopen_count integer NOT NULL DEFAULT 0,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX ticket_resident ON ticket (resident_id, submitted_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ticket_community ON ticket (community_id, submitted_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX ticket_grid ON ticket (grid_id, submitted_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX ticket_filed_by ON ticket (filed_by_id)`);
    await queryRunner.query(
      `CREATE INDEX ticket_open_deadline ON ticket (next_deadline_at) WHERE status NOT IN ('closed', 'cancelled')`,
    );
    await queryRunner.query(`
      CREATE TABLE ticket_timeline_event (
        event_id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        type varchar(64) NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_role varchar(32) NOT NULL,
        actor_id varchar(128) NOT NULL,
        assignment_id uuid,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        outcome varchar(16) NOT NULL DEFAULT 'applied',
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX ticket_timeline_by_ticket ON ticket_timeline_event (ticket_id, occurred_at, event_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ticket_timeline_by_type ON ticket_timeline_event (type, occurred_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE ticket_number_counter (
        district_code varchar(8) NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (district_code, year)
      )`);
  }

  /** Drops the tables. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ticket_number_counter`);
    await queryRunner.query(`DROP TABLE ticket_timeline_event`);
    await queryRunner.query(`DROP TABLE ticket`);
  }
}
