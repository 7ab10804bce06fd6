import type { PlaceLabels } from '@loop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceCalendarCache } from '../application/calendar-cache';
import { DirectoryReader } from '../application/directory-reader.port';
import type {
  CommunityView,
  EscalationLink,
  GridView,
  HouseholdView,
  MemberView,
  PropertyCompanyView,
  StaffView,
} from '../domain/directory-views';
import { ServiceCalendar, withNationalDays } from '../domain/service-calendar';
import {
  calendarFromRow,
  communityFromRow,
  gridFromRow,
  householdFromRow,
  memberColumns,
  memberFromRow,
  propertyCompanyFromRow,
  staffFromRow,
} from './directory-row.mapper';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The directory read from this service's PostgreSQL tables. */
@Injectable()
export class TypeOrmDirectoryReader extends DirectoryReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: ServiceCalendarCache,
  ) {
    super();
  }

  async communityById(communityId: string): Promise<CommunityView | null> {
    const row = await this.communityRow(communityId);
    return row ? communityFromRow(row) : null;
  }

  async placeLabelsOf(place: {
    communityId: string;
    gridId: string;
    compoundId: string | null;
    householdId: string | null;
  }): Promise<PlaceLabels> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT name FROM directory_community WHERE id = $1) AS community,
              (SELECT name FROM directory_grid WHERE id = $2) AS grid,
              (SELECT name FROM directory_compound WHERE id = $3) AS compound,
              (SELECT b.name FROM directory_household h JOIN directory_building b ON b.id = h.building_id
                WHERE h.id = $4) AS building`,
      [place.communityId, place.gridId, place.compoundId, place.householdId],
    )) as Array<Record<keyof PlaceLabels, string | null>>;
    // Only the names the directory knows; an unknown place is simply left out.
    return Object.fromEntries(Object.entries(row ?? {}).filter(([, name]) => name !== null)) as PlaceLabels;
  }

  async calendarOf(communityId: string): Promise<ServiceCalendar | null> {
    if (!uuidPattern.test(communityId)) return null;
    return this.calendars.calendarOf(communityId, () => this.readCalendar(communityId));
  }

  private async readCalendar(communityId: string): Promise<ServiceCalendar | null> {
    // The community's own calendar combined with the national schedule of every year loaded (a few dozen
    // dates a year), so deadlines spanning a new year or Golden Week see all the days involved (ADR 0024).
    const rows = await this.dataSource.query(
      `SELECT c.*, c.holidays::text[] AS holidays,
              ARRAY(SELECT d::text FROM directory_public_holidays p, unnest(p.holidays) d ORDER BY d) AS national_holidays,
              ARRAY(SELECT d::text FROM directory_public_holidays p, unnest(p.workdays) d ORDER BY d) AS national_workdays
         FROM directory_community c WHERE c.id = $1`,
      [communityId],
    );
    if (!rows[0]) return null;
    return withNationalDays(calendarFromRow(rows[0]), {
      holidays: rows[0].national_holidays,
      workdays: rows[0].national_workdays,
    });
  }

  async gridById(gridId: string): Promise<GridView | null> {
    if (!uuidPattern.test(gridId)) return null;
    const rows = await this.dataSource.query('SELECT * FROM directory_grid WHERE id = $1', [gridId]);
    return rows[0] ? gridFromRow(rows[0]) : null;
  }

  async householdById(householdId: string): Promise<HouseholdView | null> {
    if (!uuidPattern.test(householdId)) return null;
    const rows = await this.dataSource.query('SELECT * FROM directory_household WHERE id = $1', [
      householdId,
    ]);
    return rows[0] ? householdFromRow(rows[0]) : null;
  }

  async memberById(memberId: string): Promise<MemberView | null> {
    const rows = await this.dataSource.query(
      `SELECT ${memberColumns} FROM directory_member m WHERE m.id = $1`,
      [memberId],
    );
    return rows[0] ? memberFromRow(rows[0]) : null;
  }

  async activeMembersOfGrid(gridId: string): Promise<MemberView[]> {
    if (!uuidPattern.test(gridId)) return [];
    const rows = await this.dataSource.query(
      `SELECT ${memberColumns} FROM directory_member m WHERE m.grid_id = $1 AND m.active ORDER BY m.id`,
      [gridId],
    );
    return rows.map(memberFromRow);
  }

  async activeMembersOfCommunity(communityId: string): Promise<MemberView[]> {
    if (!uuidPattern.test(communityId)) return [];
    const rows = await this.dataSource.query(
      `SELECT ${memberColumns} FROM directory_member m WHERE m.community_id = $1 AND m.active ORDER BY m.id`,
      [communityId],
    );
    return rows.map(memberFromRow);
  }

  async memberLinkedToHousehold(householdId: string): Promise<MemberView | null> {
    if (!uuidPattern.test(householdId)) return null;
    const rows = await this.dataSource.query(
      `SELECT ${memberColumns} FROM directory_member m
       JOIN directory_member_household link ON link.member_id = m.id
       WHERE link.household_id = $1 AND m.active ORDER BY m.id LIMIT 1`,
      [householdId],
    );
    return rows[0] ? memberFromRow(rows[0]) : null;
  }

  async propertyCompanyForCompound(compoundId: string): Promise<PropertyCompanyView | null> {
    if (!uuidPattern.test(compoundId)) return null;
    const rows = await this.dataSource.query(
      `SELECT p.*, ARRAY(SELECT c.id::text FROM directory_compound c WHERE c.property_company_id = p.id ORDER BY c.id) AS compound_ids
       FROM directory_property_company p JOIN directory_compound managed ON managed.property_company_id = p.id
       WHERE managed.id = $1 AND p.active`,
      [compoundId],
    );
    return rows[0] ? propertyCompanyFromRow(rows[0]) : null;
  }

  async propertyCompanyById(companyId: string): Promise<PropertyCompanyView | null> {
    const rows = await this.dataSource.query(
      `SELECT p.*, ARRAY(SELECT c.id::text FROM directory_compound c WHERE c.property_company_id = p.id ORDER BY c.id) AS compound_ids
       FROM directory_property_company p WHERE p.id = $1`,
      [companyId],
    );
    return rows[0] ? propertyCompanyFromRow(rows[0]) : null;
  }

  async escalationChain(communityId: string): Promise<EscalationLink[]> {
    if (!uuidPattern.test(communityId)) return [];
    const rows: Array<{ level: number; user_id: string }> = await this.dataSource.query(
      `(SELECT 1 AS level, id AS user_id FROM directory_staff
         WHERE community_id = $1 AND role = 'secretary' AND active ORDER BY id LIMIT 1)
       UNION ALL
       (SELECT DISTINCT ON (escalation_level) escalation_level AS level, id AS user_id FROM directory_official
         WHERE $1 = ANY (community_ids) AND active ORDER BY escalation_level, id)`,
      [communityId],
    );
    return rows
      .map((row) => ({
        level: Number(row.level) as EscalationLink['level'],
        role: Number(row.level) === 1 ? ('secretary' as const) : ('official' as const),
        userId: row.user_id,
      }))
      .sort((a, b) => a.level - b.level);
  }

  async staffOfCommunity(communityId: string): Promise<StaffView[]> {
    if (!uuidPattern.test(communityId)) return [];
    const rows = await this.dataSource.query(
      'SELECT * FROM directory_staff WHERE community_id = $1 AND active ORDER BY id',
      [communityId],
    );
    return rows.map(staffFromRow);
  }

  // Ids arrive from tokens and events; a malformed one is simply unknown rather than a database error.
  private async communityRow(communityId: string): Promise<Record<string, unknown> | undefined> {
    if (!uuidPattern.test(communityId)) return undefined;
    const rows = await this.dataSource.query(
      'SELECT *, holidays::text[] AS holidays FROM directory_community WHERE id = $1',
      [communityId],
    );
    return rows[0];
  }
}
