import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  CommunityView,
  GridView,
  HouseholdView,
  MemberView,
  PropertyCompanyView,
  StaffView,
} from '../domain/directory-views';
import type { ServiceCalendar } from '../domain/service-calendar';
import {
  householdFromRow,
  propertyCompanyFromRow,
  calendarFromRow,
  communityFromRow,
  gridFromRow,
  memberColumns,
  memberFromRow,
  staffFromRow,
} from './directory-row.mapper';

/** A member as staff see them: the directory view plus the private phone. */
export type MemberRecord = MemberView & { phone: string | null };

/** An official (三级包联) as admins see them. */
export interface OfficialRecord {
  id: string;
  name: string;
  phone: string | null;
  escalationLevel: 2 | 3;
  communityIds: string[];
  active: boolean;
}

/** A staff member as admins see them: the directory view plus the private phone. */
export type StaffRecord = StaffView & { phone: string | null };

/** A functional department (吹哨报到) as a summons picker lists it: name and office hours in minutes. */
export interface DepartmentRecord {
  id: string;
  code: string;
  name: string;
  opensAt: number;
  closesAt: number;
  weekendsAllDay: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The directory as the admin API lists it (including retired entries and private phones). */
@Injectable()
export class DirectoryListingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Communities, all or those with the given ids, by code. */
  async communities(ids: string[] | null): Promise<CommunityView[]> {
    const rows = ids
      ? await this.dataSource.query(
          'SELECT * FROM directory_community WHERE id = ANY ($1::uuid[]) ORDER BY code',
          [ids],
        )
      : await this.dataSource.query('SELECT * FROM directory_community ORDER BY code');
    return rows.map(communityFromRow);
  }

  /** A community with its calendar and grids, or null. */
  async community(
    id: string,
  ): Promise<{ community: CommunityView; calendar: ServiceCalendar; grids: GridView[] } | null> {
    if (!uuidPattern.test(id)) return null;
    const [row] = await this.dataSource.query(
      'SELECT *, holidays::text[] AS holidays FROM directory_community WHERE id = $1',
      [id],
    );
    if (!row) return null;
    const grids = await this.dataSource.query(
      'SELECT * FROM directory_grid WHERE community_id = $1 ORDER BY code',
      [id],
    );
    return {
      community: communityFromRow(row),
      calendar: calendarFromRow(row),
      grids: grids.map(gridFromRow),
    };
  }

  /** Members registered with the community (optionally of one grid), by id, with phones. */
  async membersOf(communityId: string, gridId?: string): Promise<MemberRecord[]> {
    if (!uuidPattern.test(communityId) || (gridId !== undefined && !uuidPattern.test(gridId))) return [];
    const rows = await this.dataSource.query(
      `SELECT ${memberColumns}, m.phone FROM directory_member m
       WHERE m.community_id = $1 AND ($2::uuid IS NULL OR m.grid_id = $2) ORDER BY m.id`,
      [communityId, gridId ?? null],
    );
    return rows.map((row: Record<string, unknown>) => ({
      ...memberFromRow(row),
      phone: (row.phone as string | null) ?? null,
    }));
  }

  /** One member with phone, or null. */
  async member(memberId: string): Promise<MemberRecord | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${memberColumns}, m.phone FROM directory_member m WHERE m.id = $1`,
      [memberId],
    );
    return row ? { ...memberFromRow(row), phone: row.phone ?? null } : null;
  }

  /** Everyone working for the community, active or not, by id, with phones. */
  async staffOf(communityId: string): Promise<StaffRecord[]> {
    if (!uuidPattern.test(communityId)) return [];
    const rows = await this.dataSource.query(
      'SELECT * FROM directory_staff WHERE community_id = $1 ORDER BY id',
      [communityId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      ...staffFromRow(row),
      phone: (row.phone as string | null) ?? null,
    }));
  }

  /** A page of the community's households (optionally of one grid), by code. */
  async householdsOf(
    communityId: string,
    page: { gridId?: string; limit: number; offset: number },
  ): Promise<HouseholdView[]> {
    if (!uuidPattern.test(communityId) || (page.gridId !== undefined && !uuidPattern.test(page.gridId)))
      return [];
    const rows = await this.dataSource.query(
      `SELECT * FROM directory_household WHERE community_id = $1 AND ($2::uuid IS NULL OR grid_id = $2)
       ORDER BY code LIMIT $3 OFFSET $4`,
      [communityId, page.gridId ?? null, page.limit, page.offset],
    );
    return rows.map(householdFromRow);
  }

  /** Every property company with the compounds it manages, by code. */
  async propertyCompanies(): Promise<PropertyCompanyView[]> {
    const rows = await this.dataSource.query(
      `SELECT p.*, ARRAY(SELECT c.id::text FROM directory_compound c WHERE c.property_company_id = p.id ORDER BY c.id) AS compound_ids
       FROM directory_property_company p ORDER BY p.code`,
    );
    return rows.map(propertyCompanyFromRow);
  }

  /** Every department of the district (units of kind `department`; units are never retired), by name. */
  async departments(): Promise<DepartmentRecord[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, code, name, opens_at, closes_at, weekends_all_day FROM directory_unit
        WHERE kind = 'department' ORDER BY name, code`,
    );
    return rows.map((row) => ({
      id: String(row.id),
      code: String(row.code),
      name: String(row.name),
      opensAt: Number(row.opens_at),
      closesAt: Number(row.closes_at),
      weekendsAllDay: Boolean(row.weekends_all_day),
    }));
  }

  /** Every town/street official and county leader with their linked communities, by level and id. */
  async officials(): Promise<OfficialRecord[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      'SELECT * FROM directory_official ORDER BY escalation_level, id',
    );
    return rows.map((row) => ({
      id: String(row.id),
      name: String(row.name),
      phone: (row.phone as string | null) ?? null,
      escalationLevel: Number(row.escalation_level) as 2 | 3,
      communityIds: (row.community_ids as string[]).slice().sort(),
      active: Boolean(row.active),
    }));
  }
}
