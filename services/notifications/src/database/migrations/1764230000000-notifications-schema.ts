import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications schema: facts kept from other services' events (and events waiting for their
 * ticket), each person's notifications with a
 * gap-free per-person sequence (the live stream's event ids), one delivery per (event, recipient,
 * channel) with its attempt log, preferences and webhook subscriptions.
 */
export class NotificationsSchema1764230000000 implements MigrationInterface {
  name = 'NotificationsSchema1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_fact (
        ticket_id uuid PRIMARY KEY,
        ticket_number text NOT NULL,
        resident_id text,
        community_id uuid NOT NULL,
        grid_id uuid NOT NULL,
        category_code text NOT NULL,
        urgency text NOT NULL,
        assignee_kind text,
        assignee_id text,
        assignee_state text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE deferred_event (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        envelope jsonb NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX deferred_event_ticket ON deferred_event (ticket_id, id)`);
    await queryRunner.query(`
      CREATE TABLE staff_fact (
        staff_id text PRIMARY KEY,
        role text NOT NULL,
        community_id uuid NOT NULL,
        grid_ids uuid[] NOT NULL,
        active boolean NOT NULL,
        revision integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX staff_fact_community ON staff_fact (community_id)`);
    await queryRunner.query(`
      CREATE TABLE official_fact (
        official_id text PRIMARY KEY,
        escalation_level smallint NOT NULL,
        community_ids uuid[] NOT NULL,
        active boolean NOT NULL,
        revision integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX official_fact_communities ON official_fact USING gin (community_ids)`,
    );
    await queryRunner.query(`
      CREATE TABLE recipient_stream (
        recipient_id text PRIMARY KEY,
        last_sequence bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        recipient_id text NOT NULL,
        recipient_role text NOT NULL,
        sequence bigint NOT NULL,
        kind text NOT NULL,
        priority text NOT NULL,
        params jsonb NOT NULL,
        ticket_id uuid,
        caused_by_event_id uuid NOT NULL,
        caused_by_event_type text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CONSTRAINT notification_recipient_sequence UNIQUE (recipient_id, sequence),
        CONSTRAINT notification_once_per_event UNIQUE (caused_by_event_id, recipient_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_unread ON notification (recipient_id) WHERE read_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE delivery (
        id uuid PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        recipient_id text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        held_by_quiet_hours boolean NOT NULL DEFAULT false,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT delivery_once_per_channel UNIQUE (event_id, recipient_id, channel)
      )`);
    await queryRunner.query(
      `CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX delivery_recipient ON delivery (recipient_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE delivery_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL,
        outcome text NOT NULL,
        error text
      )`);
    await queryRunner.query(`CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, id)`);
    await queryRunner.query(`
      CREATE TABLE preference (
        user_id text PRIMARY KEY,
        language text NOT NULL,
        quiet_start_minute smallint,
        quiet_end_minute smallint,
        sms_number text,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_subscription (
        user_id text PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        url text NOT NULL,
        secret text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_subscription',
      'preference',
      'delivery_attempt',
      'delivery',
      'notification',
      'recipient_stream',
      'official_fact',
      'staff_fact',
      'deferred_event',
      'ticket_fact',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
