// How each kind of directory row is applied: resolve its references, check the caller's scope, upsert,
// and add the directory events its change publishes. Each apply runs inside the row's own savepoint, so
// a row is applied whole or not at all.
import type { EntityManager } from 'typeorm';
import { CrossCommunityMoveError, OversightChainError } from '../../domain/directory.errors';
import { DirectoryActor, oversightPolicy } from '../../domain/oversight.policy';
import { PlaceKind, placeId } from '../../domain/place-id';
import { clockMinutes } from '../../domain/service-calendar';
import type { StaffRole } from '../../domain/directory-views';
import type { DirectoryChangeAction } from '../../infrastructure/directory-change-log.typeorm-repository';
import type { CompoundPlacesRepository } from '../../infrastructure/compound-places.typeorm-repository';
import type {
  DirectoryRepository,
  DirectoryTable,
  UpsertOutcome,
  UpsertResult,
} from '../../infrastructure/directory.typeorm-repository';
import {
  DirectoryEvents,
  recordCommunity,
  recordMember,
  recordOfficial,
  recordStaff,
} from '../directory-events';
import {
  BuildingRow,
  CommunityRow,
  CompoundRow,
  GridRow,
  HouseholdRow,
  MemberRow,
  OfficialRow,
  PropertyCompanyRow,
  ResidentRow,
  StaffRow,
  StreetRow,
  UnitRow,
} from './import-rows';
import { RowRejected, unknownReference } from './row-rejected';

/** Everything an apply needs: the row's transaction, the repository, the time, and the caller's scope. */
export interface ApplyContext {
  manager: EntityManager;
  repository: DirectoryRepository;
  /** Households with their registered residents. */
  places: CompoundPlacesRepository;
  now: Date;
  /** Records the events the row's change publishes; they are kept only if the row is. */
  events: DirectoryEvents;
  /** Throws RowRejected when the caller may not manage the community. */
  authorise(communityId: string, field: string): void;
  /** Who makes the change, for the oversight rules. */
  actor: DirectoryActor;
  /** Records the change in the directory's change log, in the row's transaction. */
  record(change: RecordedChange): Promise<void>;
  /** Notes a compound whose published state (buildings, households, residents) changed. */
  touchCompound(compoundId: string, created?: boolean): void;
  /**
   * Referenced entries already looked up during this import, by table and code. Rows of one kind
   * reference other kinds only, which the import does not change, so a hit stays true for its length.
   */
  references: Map<string, Record<string, string>>;
}

/** One kind of directory row. `district` kinds are for admins; staff may import `community` kinds for their own community. */
export interface ImportKind<R extends object = object> {
  rowClass: new () => R;
  scope: 'district' | 'community';
  apply(row: R, context: ApplyContext): Promise<UpsertOutcome>;
}

/** A change to one entry, as the change log keeps it (who and when come from the context). */
export interface RecordedChange {
  entryKind: string;
  entryId: string;
  action: DirectoryChangeAction;
  communityIds: string[];
}

type Json = Record<string, unknown>;
type What = { zh: string; en: string };

/** How rows name an entry of another kind: its table, the row field holding its code, and what it is called. */
interface Reference {
  table: DirectoryTable;
  field: string;
  what: What;
}

// A list of references sits in the plural field: `gridCodes` next to `gridCode`.
const references = {
  street: { table: 'directory_street', field: 'streetCode', what: { zh: '街道/乡镇', en: 'street' } },
  community: { table: 'directory_community', field: 'communityCode', what: { zh: '社区', en: 'community' } },
  grid: { table: 'directory_grid', field: 'gridCode', what: { zh: '网格', en: 'grid' } },
  compound: { table: 'directory_compound', field: 'compoundCode', what: { zh: '小区', en: 'compound' } },
  building: { table: 'directory_building', field: 'buildingCode', what: { zh: '楼栋', en: 'building' } },
  household: { table: 'directory_household', field: 'householdCode', what: { zh: '住户', en: 'household' } },
  unit: { table: 'directory_unit', field: 'unitCode', what: { zh: '工作单位', en: 'unit' } },
} satisfies Record<string, Reference>;

const defineKind = <R extends object>(kind: ImportKind<R>): ImportKind => kind as unknown as ImportKind;

// Streets and units carry nothing but a code and a name.
const namedPlace = <R extends { code: string; name: string }>(
  rowClass: new () => R,
  kind: PlaceKind,
  table: DirectoryTable,
): ImportKind =>
  defineKind({
    rowClass,
    scope: 'district',
    apply: async (row, context) =>
      (await upsert(context, table, placeId(kind, row.code), { code: row.code, name: row.name })).outcome,
  });

/** Every importable kind, by the name used in the import route. */
export const importKinds: Record<string, ImportKind> = {
  streets: namedPlace(StreetRow, 'street', 'directory_street'),

  communities: defineKind({
    rowClass: CommunityRow,
    scope: 'district',
    apply: async (row, context) => {
      const streetId = await requireId(context, references.street, row.streetCode);
      const id = placeId('community', row.code);
      const values = withDefined(
        { code: row.code, name: row.name, district_code: row.districtCode, street_id: streetId },
        {
          auto_dispatch: row.autoDispatch,
          active: row.active,
          opens_at: ifDefined(row.opensAt, clockMinutes),
          ordinary_closes_at: ifDefined(row.ordinaryClosesAt, clockMinutes),
          extended_closes_at: ifDefined(row.extendedClosesAt, clockMinutes),
          autumn_winter_closes_at: ifDefined(row.autumnWinterClosesAt, clockMinutes),
          autumn_winter_from: row.autumnWinterFrom,
          autumn_winter_to: row.autumnWinterTo,
          weekends_all_day: row.weekendsAllDay,
          serves_public_holidays: row.servesPublicHolidays,
          holidays: ifDefined(row.holidays, (holidays) => [...new Set(holidays)].sort()),
        },
      );
      const result = await upsert(context, 'directory_community', id, values);
      if (result.outcome !== 'unchanged')
        await publishCommunity(context, id, result.outcome === 'created', result);
      return result.outcome;
    },
  }),

  grids: defineKind({
    rowClass: GridRow,
    scope: 'community',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const communityId = await managedCommunityId(context, row.communityCode);
      const values = withDefined(
        { code: row.code, community_id: communityId, name: row.name },
        { active: row.active },
      );
      const result = await upsertInCommunity(
        context,
        'directory_grid',
        placeId('grid', row.code),
        values,
        references.community.field,
      );
      // A community's published state lists its active grids: a new, moved or retired grid changes it.
      const previousCommunity = result.previous?.community_id as string | undefined;
      const published =
        result.outcome === 'created' ||
        previousCommunity !== communityId ||
        result.previous?.active !== (row.active ?? result.previous?.active);
      if (result.outcome !== 'unchanged' && published) {
        for (const affected of new Set(
          [communityId, previousCommunity].filter((value): value is string => !!value),
        )) {
          const revision = await repository.bumpRevision(manager, 'directory_community', affected, now);
          await publishCommunity(context, affected, false, { revision, changedAt: now });
        }
      }
      return result.outcome;
    },
  }),

  'property-companies': defineKind({
    rowClass: PropertyCompanyRow,
    scope: 'district',
    apply: async (row, context) => {
      const values = withDefined({ code: row.id, name: row.name }, { active: row.active });
      return (await upsert(context, 'directory_property_company', row.id, values)).outcome;
    },
  }),

  compounds: defineKind({
    rowClass: CompoundRow,
    scope: 'community',
    apply: async (row, context) => {
      const { manager, repository } = context;
      const communityId = await managedCommunityId(context, row.communityCode);
      if (
        row.propertyCompanyId &&
        !(await repository.rowById(manager, 'directory_property_company', row.propertyCompanyId))
      ) {
        throw unknownReference(
          'propertyCompanyId',
          { zh: '物业公司', en: 'property company' },
          row.propertyCompanyId,
        );
      }
      const values = {
        code: row.code,
        community_id: communityId,
        name: row.name,
        property_company_id: row.propertyCompanyId ?? null,
      };
      const id = placeId('compound', row.code);
      const result = await upsertInCommunity(
        context,
        'directory_compound',
        id,
        values,
        references.community.field,
      );
      if (
        result.outcome === 'created' ||
        (result.outcome === 'updated' && result.previous?.community_id !== values.community_id)
      )
        context.touchCompound(id, result.outcome === 'created');
      return result.outcome;
    },
  }),

  buildings: defineKind({
    rowClass: BuildingRow,
    scope: 'community',
    apply: async (row, context) => {
      const compound = await managedEntry(context, references.compound, row.compoundCode);
      const id = placeId('building', row.code);
      // A building has no community of its own: it lies in its compound's, which must not change.
      const existing = await context.repository.rowById(context.manager, 'directory_building', id);
      const previousCompound = existing
        ? await context.repository.rowById(
            context.manager,
            'directory_compound',
            String(existing.compound_id),
          )
        : null;
      const previousCommunity = previousCompound ? String(previousCompound.community_id) : undefined;
      if (!oversightPolicy.mayMove(context.actor, previousCommunity, compound.community_id)) {
        throw new CrossCommunityMoveError(references.compound.field);
      }
      const values = { code: row.code, compound_id: compound.id, name: row.name };
      const communities = [compound.community_id, previousCommunity].filter(
        (value): value is string => !!value,
      );
      const result = await upsert(context, 'directory_building', id, values, communities);
      if (result.outcome !== 'unchanged' && existing?.compound_id !== compound.id) {
        context.touchCompound(compound.id);
        if (existing) context.touchCompound(String(existing.compound_id));
      }
      return result.outcome;
    },
  }),

  households: defineKind({
    rowClass: HouseholdRow,
    scope: 'community',
    apply: async (row, context) => {
      const grid = await managedEntry(context, references.grid, row.gridCode);
      const compound = await requireRow(context, references.compound, row.compoundCode, ['community_id']);
      if (compound.community_id !== grid.community_id) {
        throw new RowRejected('compoundCode', {
          'zh-CN': '小区不在该网格所属社区',
          en: "the compound is not in the grid's community",
        });
      }
      let buildingId: string | null = null;
      if (row.buildingCode) {
        const building = await requireRow(context, references.building, row.buildingCode, ['compound_id']);
        if (building.compound_id !== compound.id) {
          throw new RowRejected('buildingCode', {
            'zh-CN': '楼栋不属于该小区',
            en: 'the building is not in the compound',
          });
        }
        buildingId = building.id;
      }
      const values = {
        code: row.code,
        community_id: grid.community_id,
        grid_id: grid.id,
        compound_id: compound.id,
        building_id: buildingId,
        address_label: row.addressLabel,
      };
      const id = placeId('household', row.code);
      const result = await upsertInCommunity(
        context,
        'directory_household',
        id,
        values,
        references.grid.field,
      );
      // Only where a household lies is published, not its address label.
      const previous = result.previous;
      if (
        result.outcome === 'created' ||
        (result.outcome === 'updated' &&
          (previous?.grid_id !== values.grid_id ||
            previous?.compound_id !== values.compound_id ||
            previous?.building_id !== values.building_id))
      ) {
        context.touchCompound(compound.id);
        if (previous && previous.compound_id !== compound.id)
          context.touchCompound(String(previous.compound_id));
      }
      return result.outcome;
    },
  }),

  residents: defineKind({
    rowClass: ResidentRow,
    scope: 'community',
    apply: async (row, context) => {
      const household = await requireRow(context, references.household, row.householdCode, [
        'community_id',
        'compound_id',
      ]);
      context.authorise(household.community_id, references.household.field);
      const removing = row.active === false;
      const changed = removing
        ? await context.places.unregister(context.manager, household.id, row.residentId)
        : await context.places.register(context.manager, household.id, row.residentId, context.now);
      if (!changed) return 'unchanged';
      await context.record({
        entryKind: 'household',
        entryId: household.id,
        action: 'updated',
        communityIds: [household.community_id],
      });
      context.touchCompound(household.compound_id);
      return removing ? 'updated' : 'created';
    },
  }),

  // A unit is a work unit or a department (吹哨报到); a department keeps its admins and service hours.
  units: defineKind({
    rowClass: UnitRow,
    scope: 'district',
    apply: async (row, context) =>
      (
        await upsert(
          context,
          'directory_unit',
          placeId('unit', row.code),
          withDefined(
            { code: row.code, name: row.name, kind: row.kind ?? 'work_unit', admin_ids: row.adminIds ?? [] },
            {
              opens_at: ifDefined(row.opensAt, clockMinutes),
              closes_at: ifDefined(row.closesAt, clockMinutes),
              weekends_all_day: row.weekendsAllDay,
            },
          ),
        )
      ).outcome,
  }),

  members: defineKind({
    rowClass: MemberRow,
    scope: 'community',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const grid = await managedEntry(context, references.grid, row.gridCode);
      const unitId = await requireId(context, references.unit, row.unitCode);
      const householdIds = row.householdCodes
        ? await idsIn(context, references.household, row.householdCodes, grid.community_id)
        : undefined;
      const values = withDefined(
        {
          name: row.name,
          unit_id: unitId,
          community_id: grid.community_id,
          grid_id: grid.id,
          skills: [...new Set(row.skills ?? [])].sort(),
        },
        { phone: row.phone, active: row.active },
      );
      const result = await upsertInCommunity(
        context,
        'directory_member',
        row.id,
        values,
        references.grid.field,
      );
      let outcome = result.outcome;
      let revision = result.revision;
      const wantedLinks = householdIds ? [...new Set(householdIds)].sort() : undefined;
      if (wantedLinks && !sameList(await repository.householdIdsOf(manager, row.id), wantedLinks)) {
        // Raising the revision first locks the member row, so concurrent imports replace links in turn.
        if (outcome === 'unchanged') {
          revision = await repository.bumpRevision(manager, 'directory_member', row.id, now);
          outcome = 'updated';
          await context.record({
            entryKind: 'member',
            entryId: row.id,
            action: 'updated',
            communityIds: [grid.community_id],
          });
        }
        await repository.replaceHouseholdLinks(manager, row.id, wantedLinks);
      }
      await publishChange(context, outcome, 'directory_member', row.id, recordMember, async (member) => ({
        memberId: row.id,
        unitId: String(member.unit_id),
        communityId: String(member.community_id),
        gridId: String(member.grid_id),
        skills: member.skills as string[],
        householdIds: await repository.householdIdsOf(manager, row.id),
        active: Boolean(member.active),
        revision,
        changedAt: now,
      }));
      return outcome;
    },
  }),

  staff: defineKind({
    rowClass: StaffRow,
    scope: 'community',
    apply: async (row, context) => {
      const communityId = await managedCommunityId(context, row.communityCode);
      const gridIds = await idsIn(context, references.grid, row.gridCodes ?? [], communityId);
      const values = withDefined(
        { name: row.name, role: row.role, community_id: communityId, grid_ids: gridIds },
        { phone: row.phone, active: row.active },
      );
      const result = await upsertInCommunity(
        context,
        'directory_staff',
        row.id,
        values,
        references.community.field,
      );
      // Checked on what the upsert found and did: re-importing an unchanged secretary changes nothing
      // and stays allowed; anything else is rolled back with the row.
      const chain = {
        kind: 'staff' as const,
        roleBefore: result.previous?.role as StaffRole | undefined,
        roleAfter: row.role,
      };
      if (result.outcome !== 'unchanged' && !oversightPolicy.mayChange(context.actor, chain)) {
        throw new OversightChainError('role');
      }
      await publishChange(context, result.outcome, 'directory_staff', row.id, recordStaff, (staff) => ({
        staffId: row.id,
        role: staff.role as StaffRole,
        communityId,
        gridIds,
        active: Boolean(staff.active),
        revision: result.revision,
        changedAt: context.now,
      }));
      return result.outcome;
    },
  }),

  officials: defineKind({
    rowClass: OfficialRow,
    scope: 'district',
    apply: async (row, context) => {
      if (!oversightPolicy.mayChange(context.actor, { kind: 'official' })) {
        throw new OversightChainError('id');
      }
      const communityIds = await idsIn(context, references.community, row.communityCodes);
      const values = withDefined(
        { name: row.name, escalation_level: row.escalationLevel, community_ids: communityIds },
        { phone: row.phone, active: row.active },
      );
      const result = await upsert(context, 'directory_official', row.id, values);
      await publishChange(
        context,
        result.outcome,
        'directory_official',
        row.id,
        recordOfficial,
        (official) => ({
          officialId: row.id,
          escalationLevel: row.escalationLevel,
          communityIds,
          active: Boolean(official.active),
          revision: result.revision,
          changedAt: context.now,
        }),
      );
      return result.outcome;
    },
  }),
};

/** Publishes the community's whole current state. */
export async function publishCommunity(
  context: Pick<ApplyContext, 'manager' | 'repository' | 'events'>,
  communityId: string,
  created: boolean,
  published: Pick<UpsertResult, 'revision' | 'changedAt'>,
): Promise<void> {
  const community = (await context.repository.rowById(
    context.manager,
    'directory_community',
    communityId,
  )) as Json;
  const gridIds = await context.repository.gridIdsOf(context.manager, communityId);
  recordCommunity(context.events, created, {
    communityId,
    streetId: String(community.street_id),
    gridIds,
    active: Boolean(community.active),
    revision: published.revision,
    changedAt: published.changedAt,
  });
}

// Publishes a changed entry's event; the state is read back from the stored row, which also holds what
// the row left out.
async function publishChange<S>(
  context: ApplyContext,
  outcome: UpsertOutcome,
  table: DirectoryTable,
  id: string,
  record: (events: DirectoryEvents, created: boolean, state: S) => void,
  stateOf: (stored: Json) => S | Promise<S>,
): Promise<void> {
  if (outcome === 'unchanged') return;
  const stored = (await context.repository.rowById(context.manager, table, id)) as Json;
  record(context.events, outcome === 'created', await stateOf(stored));
}

// Optional columns a row leaves out keep their stored values, so only the given ones join the values.
function withDefined(values: Json, optional: Json): Json {
  for (const [column, value] of Object.entries(optional)) if (value !== undefined) values[column] = value;
  return values;
}

function ifDefined<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

// Upserts and records what changed in the change log; `communityIds` names the communities of an entry
// that holds none itself (a building lies in its compound's).
async function upsert(
  context: ApplyContext,
  table: DirectoryTable,
  id: string,
  values: Json,
  communityIds: string[] = [],
): Promise<UpsertResult> {
  const result = await context.repository.upsert(context.manager, table, id, values, context.now);
  if (result.outcome === 'unchanged') return result;
  const previous = result.previous ?? {};
  const retired = previous.active === true && values.active === false;
  await context.record({
    entryKind: table.replace(/^directory_/, ''),
    entryId: id,
    action: retired ? 'retired' : result.outcome,
    communityIds: [
      ...communityIds,
      ...(table === 'directory_community' ? [id] : []),
      ...communitiesIn(values),
      ...communitiesIn(previous),
    ],
  });
  return result;
}

// The communities a stored or given row names, whether one (`community_id`) or several (`community_ids`).
function communitiesIn(row: Json): string[] {
  const one = typeof row.community_id === 'string' ? [row.community_id] : [];
  const many = Array.isArray(row.community_ids)
    ? row.community_ids.filter((value): value is string => typeof value === 'string')
    : [];
  return [...one, ...many];
}

// An update may move an entry out of another community: the caller must manage that one too.
async function upsertInCommunity(
  context: ApplyContext,
  table: DirectoryTable,
  id: string,
  values: Json,
  field: string,
): Promise<UpsertResult> {
  const result = await upsert(context, table, id, values);
  const previous = result.previous?.community_id;
  if (typeof previous === 'string') {
    context.authorise(previous, field);
    if (!oversightPolicy.mayMove(context.actor, previous, String(values.community_id))) {
      throw new CrossCommunityMoveError(field);
    }
  }
  return result;
}

// The id of the row's community, once the caller is known to manage it.
async function managedCommunityId(context: ApplyContext, code: string): Promise<string> {
  const communityId = await requireId(context, references.community, code);
  context.authorise(communityId, references.community.field);
  return communityId;
}

// A referenced entry lying in a community, once the caller is known to manage that community.
async function managedEntry(
  context: ApplyContext,
  reference: Reference,
  code: string,
): Promise<Record<string, string>> {
  const entry = await requireRow(context, reference, code, ['community_id']);
  context.authorise(entry.community_id, reference.field);
  return entry;
}

async function requireId(context: ApplyContext, reference: Reference, code: string): Promise<string> {
  return (await requireRow(context, reference, code, [])).id;
}

async function requireRow(
  context: ApplyContext,
  { table, field, what }: Reference,
  code: string,
  columns: string[],
): Promise<Record<string, string>> {
  const key = `${table}:${code}:${columns.join(',')}`;
  const known = context.references.get(key);
  if (known) return known;
  const [row] = await context.repository.rowsByCodes(context.manager, table, [code], columns);
  if (!row) throw unknownReference(field, what, code);
  context.references.set(key, row);
  return row;
}

// Ids of the entries with these codes, sorted; every code must exist (and lie in the community, when given).
async function idsIn(
  context: ApplyContext,
  { table, field, what }: Reference,
  codes: readonly string[],
  communityId?: string,
): Promise<string[]> {
  const listField = `${field}s`;
  const rows = await context.repository.rowsByCodes(
    context.manager,
    table,
    codes,
    communityId ? ['community_id'] : [],
  );
  const byCode = new Map(rows.map((row) => [row.code, row]));
  for (const code of codes) {
    const row = byCode.get(code);
    if (!row) throw unknownReference(listField, what, code);
    if (communityId && row.community_id !== communityId) {
      throw new RowRejected(listField, {
        'zh-CN': `${code} 不属于该社区`,
        en: `${code} is not in the community`,
      });
    }
  }
  return rows.map((row) => row.id).sort();
}
