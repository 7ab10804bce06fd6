import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's change log: one row per created, updated or retired entry, written in the same
 * transaction as the change, naming who made it. `community_ids` holds every community the change
 * touched (both ends of a move, all of an official's), so each community's staff read their own history.
 */
export class DirectoryChanges1796800000000 implements MigrationInterface {
  readonly name = 'DirectoryChanges1796800000000';

  /** Creates directory_change with its per-community index. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_change (
        id bigserial PRIMARY KEY,
        changed_at timestamptz NOT NULL,
        actor_id varchar(128) NOT NULL,
        actor_role varchar(20) NOT NULL,
        entry_kind varchar(30) NOT NULL,
        entry_id varchar(128) NOT NULL,
        action varchar(10) NOT NULL CHECK (action IN ('created', 'updated', 'retired')),
        community_ids uuid[] NOT NULL DEFAULT '{}',
        correlation_id varchar(128)
      )`);
    await queryRunner.query(
      `CREATE INDEX directory_change_communities ON directory_change USING gin (community_ids)`,
    );
  }

  /** Drops the log. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE directory_change`);
  }
}
