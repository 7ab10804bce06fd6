import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory: places (streets, communities with their service calendar, grids, compounds,
 * buildings, households), people (members, staff, officials), work units and property companies.
 * Places have UUIDs and a unique external `code`; people and companies are keyed by their account id.
 * `revision` counts the changes of the entities whose state is published on the directory topic.
 */
export class DirectorySchema1764300000000 implements MigrationInterface {
  readonly name = 'DirectorySchema1764300000000';

  /** Creates the directory tables. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_street (
        id uuid PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        name varchar(100) NOT NULL
      );
      CREATE TABLE directory_community (
        id uuid PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        name varchar(100) NOT NULL,
        district_code varchar(12) NOT NULL,
        street_id uuid NOT NULL REFERENCES directory_street (id),
        auto_dispatch boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        utc_offset_minutes smallint NOT NULL DEFAULT 480,
        opens_at smallint NOT NULL DEFAULT 510,
        ordinary_closes_at smallint NOT NULL DEFAULT 1050,
        extended_closes_at smallint NOT NULL DEFAULT 1260,
        autumn_winter_closes_at smallint NOT NULL DEFAULT 1200,
        autumn_winter_from char(5) NOT NULL DEFAULT '10-01',
        autumn_winter_to char(5) NOT NULL DEFAULT '03-31',
        weekends_all_day boolean NOT NULL DEFAULT true,
        holidays date[] NOT NULL DEFAULT '{}',
        revision integer NOT NULL DEFAULT 1,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE directory_grid (
        id uuid PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        community_id uuid NOT NULL REFERENCES directory_community (id),
        name varchar(100) NOT NULL,
        active boolean NOT NULL DEFAULT true
      );
      CREATE INDEX directory_grid_community ON directory_grid (community_id);
      CREATE TABLE directory_property_company (
        id varchar(128) PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        name varchar(100) NOT NULL,
        active boolean NOT NULL DEFAULT true
      );
      CREATE TABLE directory_compound (
        id uuid PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        community_id uuid NOT NULL REFERENCES directory_community (id),
        name varchar(100) NOT NULL,
        property_company_id varchar(128) REFERENCES directory_property_company (id)
      );
      CREATE INDEX directory_compound_company ON directory_compound (property_company_id);
      CREATE TABLE directory_building (
        id uuid PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        compound_id uuid NOT NULL REFERENCES directory_compound (id),
        name varchar(100) NOT NULL
      );
      CREATE TABLE directory_household (
        id uuid PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        community_id uuid NOT NULL REFERENCES directory_community (id),
        grid_id uuid NOT NULL REFERENCES directory_grid (id),
        compound_id uuid NOT NULL REFERENCES directory_compound (id),
        building_id uuid REFERENCES directory_building (id),
        address_label varchar(200) NOT NULL
      );
      CREATE INDEX directory_household_grid ON directory_household (grid_id);
      CREATE TABLE directory_unit (
        id uuid PRIMARY KEY,
        code varchar(64) NOT NULL UNIQUE,
        name varchar(100) NOT NULL
      );
      CREATE TABLE directory_member (
        id varchar(128) PRIMARY KEY,
        name varchar(50) NOT NULL,
        phone varchar(20),
        unit_id uuid NOT NULL REFERENCES directory_unit (id),
        community_id uuid NOT NULL REFERENCES directory_community (id),
        grid_id uuid NOT NULL REFERENCES directory_grid (id),
        skills varchar(64)[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        revision integer NOT NULL DEFAULT 1,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX directory_member_grid ON directory_member (grid_id) WHERE active;
      CREATE INDEX directory_member_community ON directory_member (community_id) WHERE active;
      COMMENT ON COLUMN directory_member.phone IS 'Private; never leaves this service in events.';
      CREATE TABLE directory_member_household (
        member_id varchar(128) NOT NULL REFERENCES directory_member (id) ON DELETE CASCADE,
        household_id uuid NOT NULL REFERENCES directory_household (id),
        PRIMARY KEY (member_id, household_id)
      );
      CREATE INDEX directory_member_household_household ON directory_member_household (household_id);
      CREATE TABLE directory_staff (
        id varchar(128) PRIMARY KEY,
        name varchar(50) NOT NULL,
        phone varchar(20),
        role varchar(20) NOT NULL CHECK (role IN ('staff', 'secretary', 'grid_worker')),
        community_id uuid NOT NULL REFERENCES directory_community (id),
        grid_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        revision integer NOT NULL DEFAULT 1,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX directory_staff_community ON directory_staff (community_id);
      CREATE TABLE directory_official (
        id varchar(128) PRIMARY KEY,
        name varchar(50) NOT NULL,
        phone varchar(20),
        escalation_level smallint NOT NULL CHECK (escalation_level IN (2, 3)),
        community_ids uuid[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        revision integer NOT NULL DEFAULT 1,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX directory_official_communities ON directory_official USING gin (community_ids);
    `);
  }

  /** Drops the directory tables. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE directory_official, directory_staff, directory_member_household, directory_member,
        directory_unit, directory_household, directory_building, directory_compound,
        directory_property_company, directory_grid, directory_community, directory_street;
    `);
  }
}
