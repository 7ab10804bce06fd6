import { systemCause, UnitOfWork, UnitsOfWork } from '@loop/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DIRECTORY_LOADER,
  recordCommunity,
  recordMember,
  recordOfficial,
  recordStaff,
} from '../directory/application/directory-events';
import { TouchedCompounds } from '../directory/application/touched-compounds';
import { CompoundPlacesRepository } from '../directory/infrastructure/compound-places.typeorm-repository';
import { DirectoryRepository } from '../directory/infrastructure/directory.typeorm-repository';
import { DemoDistrict, generateDemoDistrict, DEFAULT_DEMO_SEED } from './demo-district.generator';

/** How the demo district is loaded. */
export interface SeedDemoDistrictOptions {
  /** PRNG seed; the default is the district `npm start` and the benchmarks use. */
  seed?: number;
  /** The source of "now" for revisions and events. */
  clock?: { now(): Date };
}

/** What a load did: rows inserted per table (0 everywhere on a second run), events added, and the time taken. */
export interface SeedDemoDistrictReport {
  seed: number;
  inserted: Record<string, number>;
  events: number;
  seconds: number;
}

// PostgreSQL accepts at most 65,535 parameters per statement.
const maxParameters = 60_000;

/**
 * Loads the demo district into the dispatch database in one transaction, with the directory events of
 * every entry it creates. Rows are inserted in large multi-row batches and existing rows are left
 * alone, so a second run inserts nothing and publishes nothing.
 */
export async function seedDemoDistrict(
  dataSource: DataSource,
  options: SeedDemoDistrictOptions = {},
): Promise<SeedDemoDistrictReport> {
  const started = process.hrtime.bigint();
  const district = generateDemoDistrict(options.seed ?? DEFAULT_DEMO_SEED);
  const places = new CompoundPlacesRepository();
  const units = new UnitsOfWork(dataSource, options.clock);
  const { inserted, events } = await units.run(systemCause(DIRECTORY_LOADER), async (unit) => {
    const { manager, now } = unit;
    const inserted: Record<string, number> = {};
    const insert = async (table: string, rows: readonly object[]) => {
      const ids = await insertMissing(manager, table, rows);
      inserted[table] = ids.size;
      return ids;
    };
    await insert('directory_street', district.streets);
    const communities = await insert(
      'directory_community',
      district.communities.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        district_code: c.districtCode,
        street_id: c.streetId,
        auto_dispatch: c.autoDispatch,
        holidays: c.holidays,
        changed_at: now,
      })),
    );
    await insert(
      'directory_grid',
      district.grids.map((g) => ({ id: g.id, code: g.code, community_id: g.communityId, name: g.name })),
    );
    await insert('directory_property_company', district.propertyCompanies);
    const compounds = await insert(
      'directory_compound',
      district.compounds.map((c) => ({
        id: c.id,
        code: c.code,
        community_id: c.communityId,
        name: c.name,
        property_company_id: c.propertyCompanyId,
      })),
    );
    await insert(
      'directory_building',
      district.buildings.map((b) => ({ id: b.id, code: b.code, compound_id: b.compoundId, name: b.name })),
    );
    const households = await insert(
      'directory_household',
      district.households.map((h) => ({
        id: h.id,
        code: h.code,
        community_id: h.communityId,
        grid_id: h.gridId,
        compound_id: h.compoundId,
        building_id: h.buildingId,
        address_label: h.addressLabel,
      })),
    );
    inserted.directory_household_resident = await places.registerAll(
      manager,
      district.households
        .filter((h) => households.has(h.id))
        .map((h) => ({ householdId: h.id, residentId: h.residentId })),
      now,
    );
    await insert('directory_unit', district.units);
    // Departments carry their unit admin (a list column), so they are inserted apart from the work units.
    const departments: Array<{ id: string }> = await manager.query(
      `INSERT INTO directory_unit (id, code, name, kind, admin_ids)
       SELECT d.id, d.code, d.name, 'department', ARRAY[d.admin_id]
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[]) AS d(id, code, name, admin_id)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        district.departments.map((d) => d.id),
        district.departments.map((d) => d.code),
        district.departments.map((d) => d.name),
        district.departments.map((d) => d.adminId),
      ],
    );
    inserted.directory_unit += departments.length;
    const members = await insert(
      'directory_member',
      district.members.map((m) => ({
        id: m.id,
        name: m.name,
        phone: m.phone,
        unit_id: m.unitId,
        community_id: m.communityId,
        grid_id: m.gridId,
        skills: m.skills,
        changed_at: now,
      })),
    );
    inserted.directory_member_household = await insertLinks(manager, district);
    const staff = await insert(
      'directory_staff',
      district.staff.map((s) => ({
        id: s.id,
        name: s.name,
        phone: s.phone,
        role: s.role,
        community_id: s.communityId,
        grid_ids: s.gridIds,
        changed_at: now,
      })),
    );
    const officials = await insert(
      'directory_official',
      district.officials.map((o) => ({
        id: o.id,
        name: o.name,
        phone: o.phone,
        escalation_level: o.escalationLevel,
        community_ids: o.communityIds,
        changed_at: now,
      })),
    );
    const registered = recordRegistrations(unit, district, { communities, members, staff, officials });
    // Each new compound once, with its buildings, households and their residents.
    const touched = new TouchedCompounds();
    for (const compoundId of compounds) touched.touch(compoundId, true);
    const compoundEvents = await touched.publish(unit, {
      directory: new DirectoryRepository(),
      compounds: places,
    });
    return { inserted, events: registered + compoundEvents };
  });
  return { seed: district.seed, inserted, events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

// Records the registered events of the entries this run created — nothing for entries that already
// existed; returns how many.
function recordRegistrations(
  unit: UnitOfWork,
  district: DemoDistrict,
  created: Record<'communities' | 'members' | 'staff' | 'officials', Set<string>>,
): number {
  const first = { active: true, revision: 1, changedAt: unit.now };
  const gridsOf = new Map<string, string[]>();
  for (const grid of district.grids)
    gridsOf.set(grid.communityId, [...(gridsOf.get(grid.communityId) ?? []), grid.id]);
  const communities = district.communities.filter((c) => created.communities.has(c.id));
  const staff = district.staff.filter((s) => created.staff.has(s.id));
  const officials = district.officials.filter((o) => created.officials.has(o.id));
  const members = district.members.filter((m) => created.members.has(m.id));
  for (const c of communities) {
    recordCommunity(unit, true, {
      ...first,
      communityId: c.id,
      streetId: c.streetId,
      gridIds: gridsOf.get(c.id) ?? [],
    });
  }
  for (const s of staff) {
    recordStaff(unit, true, {
      ...first,
      staffId: s.id,
      role: s.role,
      communityId: s.communityId,
      gridIds: s.gridIds,
    });
  }
  for (const o of officials) {
    recordOfficial(unit, true, {
      ...first,
      officialId: o.id,
      escalationLevel: o.escalationLevel,
      communityIds: o.communityIds,
    });
  }
  for (const m of members) {
    recordMember(unit, true, {
      ...first,
      memberId: m.id,
      unitId: m.unitId,
      communityId: m.communityId,
      gridId: m.gridId,
      skills: m.skills,
      householdIds: m.householdIds,
    });
  }
  return communities.length + staff.length + officials.length + members.length;
}

/**
 * Inserts the rows that do not exist yet (by id); returns the ids actually inserted. Tables of scalar
 * columns go in one statement of column arrays (`unnest`), the fastest bulk path short of COPY; tables
 * with array columns in multi-row VALUES batches.
 */
async function insertMissing(
  manager: EntityManager,
  table: string,
  rows: readonly object[],
): Promise<Set<string>> {
  const insertedIds = new Set<string>();
  if (rows.length === 0) return insertedIds;
  const columns = Object.keys(rows[0]);
  const value = (row: object, column: string) => (row as Record<string, unknown>)[column];
  const types = scalarColumnTypes[table];
  if (types) {
    const result: Array<{ id: string }> = await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')})
       SELECT * FROM unnest(${columns.map((column, index) => `$${index + 1}::${types[column]}[]`).join(', ')})
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      columns.map((column) => rows.map((row) => value(row, column))),
    );
    return new Set(result.map(({ id }) => id));
  }
  const rowsPerBatch = Math.floor(maxParameters / columns.length);
  for (let start = 0; start < rows.length; start += rowsPerBatch) {
    const batch = rows.slice(start, start + rowsPerBatch);
    const parameters: unknown[] = [];
    const tuples = batch.map(
      (row) => `(${columns.map((column) => `$${parameters.push(value(row, column))}`).join(', ')})`,
    );
    const result: Array<{ id: string }> = await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`,
      parameters,
    );
    for (const { id } of result) insertedIds.add(id);
  }
  return insertedIds;
}

// Column types of the tables loaded through unnest (every column scalar).
const scalarColumnTypes: Record<string, Record<string, string>> = {
  directory_street: { id: 'uuid', code: 'varchar', name: 'varchar' },
  directory_grid: { id: 'uuid', code: 'varchar', community_id: 'uuid', name: 'varchar' },
  directory_property_company: { id: 'varchar', code: 'varchar', name: 'varchar' },
  directory_compound: {
    id: 'uuid',
    code: 'varchar',
    community_id: 'uuid',
    name: 'varchar',
    property_company_id: 'varchar',
  },
  directory_building: { id: 'uuid', code: 'varchar', compound_id: 'uuid', name: 'varchar' },
  directory_household: {
    id: 'uuid',
    code: 'varchar',
    community_id: 'uuid',
    grid_id: 'uuid',
    compound_id: 'uuid',
    building_id: 'uuid',
    address_label: 'varchar',
  },
  directory_unit: { id: 'uuid', code: 'varchar', name: 'varchar' },
};

async function insertLinks(manager: EntityManager, district: DemoDistrict): Promise<number> {
  const memberIds = district.members.flatMap((m) => m.householdIds.map(() => m.id));
  const householdIds = district.members.flatMap((m) => m.householdIds);
  // Two arrays unnested side by side: one statement for all 16,000 links.
  const result: unknown[] = await manager.query(
    `INSERT INTO directory_member_household (member_id, household_id)
     SELECT * FROM unnest($1::varchar[], $2::uuid[]) ON CONFLICT DO NOTHING RETURNING member_id`,
    [memberIds, householdIds],
  );
  return result.length;
}
