// Maps rows of the directory tables (snake_case, as PostgreSQL returns them) to the directory views.
import type {
  CommunityView,
  GridView,
  HouseholdView,
  MemberView,
  PropertyCompanyView,
  StaffRole,
  StaffView,
} from '../domain/directory-views';
import { parseMonthDay, ServiceCalendar } from '../domain/service-calendar';

type Row = Record<string, unknown>;

/** Columns selected for a member: its row plus the households it looks after, sorted. */
export const memberColumns = `m.id, m.name, m.unit_id, m.community_id, m.grid_id, m.skills, m.active,
  COALESCE((SELECT array_agg(mh.household_id::text ORDER BY mh.household_id)
            FROM directory_member_household mh WHERE mh.member_id = m.id), '{}') AS household_ids`;

/** A community row as its view. */
export function communityFromRow(row: Row): CommunityView {
  return {
    id: String(row.id),
    code: String(row.code),
    name: String(row.name),
    districtCode: String(row.district_code),
    streetId: String(row.street_id),
    autoDispatch: Boolean(row.auto_dispatch),
    active: Boolean(row.active),
  };
}

/** The calendar columns of a community row as its service calendar. */
export function calendarFromRow(row: Row): ServiceCalendar {
  return {
    utcOffsetMinutes: Number(row.utc_offset_minutes),
    opensAt: Number(row.opens_at),
    ordinaryClosesAt: Number(row.ordinary_closes_at),
    extendedClosesAt: Number(row.extended_closes_at),
    autumnWinterClosesAt: Number(row.autumn_winter_closes_at),
    autumnWinterFrom: parseMonthDay(String(row.autumn_winter_from)),
    autumnWinterTo: parseMonthDay(String(row.autumn_winter_to)),
    weekendsAllDay: Boolean(row.weekends_all_day),
    holidays: textList(row.holidays).sort(),
    servesPublicHolidays: Boolean(row.serves_public_holidays),
  };
}

/** A grid row as its view. */
export function gridFromRow(row: Row): GridView {
  return {
    id: String(row.id),
    code: String(row.code),
    communityId: String(row.community_id),
    name: String(row.name),
    active: Boolean(row.active),
  };
}

/** A household row as its view. */
export function householdFromRow(row: Row): HouseholdView {
  return {
    id: String(row.id),
    code: String(row.code),
    communityId: String(row.community_id),
    gridId: String(row.grid_id),
    compoundId: String(row.compound_id),
    buildingId: row.building_id == null ? null : String(row.building_id),
    addressLabel: String(row.address_label),
  };
}

/** A member row (selected with {@link memberColumns}) as its view. */
export function memberFromRow(row: Row): MemberView {
  return {
    id: String(row.id),
    name: String(row.name),
    unitId: String(row.unit_id),
    communityId: String(row.community_id),
    gridId: String(row.grid_id),
    skills: textList(row.skills),
    householdIds: textList(row.household_ids),
    active: Boolean(row.active),
  };
}

/** A staff row as its view. */
export function staffFromRow(row: Row): StaffView {
  return {
    id: String(row.id),
    name: String(row.name),
    role: String(row.role) as StaffRole,
    communityId: String(row.community_id),
    gridIds: textList(row.grid_ids),
    active: Boolean(row.active),
  };
}

/** A property company row (with `compound_ids`) as its view. */
export function propertyCompanyFromRow(row: Row): PropertyCompanyView {
  return {
    id: String(row.id),
    code: String(row.code),
    name: String(row.name),
    compoundIds: textList(row.compound_ids),
    active: Boolean(row.active),
  };
}

// node-postgres parses arrays of known types (text[], uuid[]) but leaves date[] and varchar[] of
// some drivers as the literal `{a,b}`; both forms are accepted.
function textList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => (item instanceof Date ? isoDate(item) : String(item)));
  if (typeof value === 'string' && value.startsWith('{')) {
    const inner = value.slice(1, -1);
    return inner === '' ? [] : inner.split(',').map((item) => item.replace(/^"|"$/g, ''));
  }
  return [];
}

function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
