// How each kind of directory row is applied: resolve its references, check the caller's scope, upsert,
// and add the directory events its change publishes. Each apply runs inside the row's own savepoint, so
// a row is applied whole or not at all.
import type { EventEnvelope } from '@loop/contracts';
import type { EntityManager } from 'typeorm';
import { placeId } from '../../domain/place-id';
import { clockMinutes } from '../../domain/service-calendar';
import type { StaffRole } from '../../domain/directory-views';
import type {
  DirectoryRepository,
  DirectoryTable,
  UpsertOutcome,
  UpsertResult,
} from '../../infrastructure/directory.typeorm-repository';
import {
  communityEvent,
  DirectoryEventContext,
  memberEvent,
  officialEvent,
  staffEvent,
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
  StaffRow,
  StreetRow,
  UnitRow,
} from './import-rows';
import { RowRejected, unknownReference } from './row-rejected';

/** Everything an apply needs: the row's transaction, the repository, the time, and the caller's scope. */
export interface ApplyContext {
  manager: EntityManager;
  repository: DirectoryRepository;
  now: Date;
  events: DirectoryEventContext;
  /** Adds events to the outbox in the row's transaction. */
  publish(envelopes: EventEnvelope[]): Promise<void>;
  /** Throws RowRejected when the caller may not manage the community. */
  authorise(communityId: string, field: string): void;
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

type Json = Record<string, unknown>;

const defineKind = <R extends object>(kind: ImportKind<R>): ImportKind => kind as unknown as ImportKind;

/** Every importable kind, by the name used in the import route. */
export const importKinds: Record<string, ImportKind> = {
  streets: defineKind({
    rowClass: StreetRow,
    scope: 'district',
    apply: async (row, { manager, repository, now }) =>
      (
        await repository.upsert(
          manager,
          'directory_street',
          placeId('street', row.code),
          { code: row.code, name: row.name },
          now,
        )
      ).outcome,
  }),

  communities: defineKind({
    rowClass: CommunityRow,
    scope: 'district',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const streetId = await requireId(context, 'directory_street', row.streetCode, 'streetCode', {
        zh: '街道/乡镇',
        en: 'street',
      });
      const id = placeId('community', row.code);
      const values: Json = {
        code: row.code,
        name: row.name,
        district_code: row.districtCode,
        street_id: streetId,
      };
      if (row.autoDispatch !== undefined) values.auto_dispatch = row.autoDispatch;
      if (row.active !== undefined) values.active = row.active;
      const clocks = {
        opens_at: row.opensAt,
        ordinary_closes_at: row.ordinaryClosesAt,
        extended_closes_at: row.extendedClosesAt,
        autumn_winter_closes_at: row.autumnWinterClosesAt,
      };
      for (const [column, clock] of Object.entries(clocks))
        if (clock !== undefined) values[column] = clockMinutes(clock);
      if (row.autumnWinterFrom !== undefined) values.autumn_winter_from = row.autumnWinterFrom;
      if (row.autumnWinterTo !== undefined) values.autumn_winter_to = row.autumnWinterTo;
      if (row.weekendsAllDay !== undefined) values.weekends_all_day = row.weekendsAllDay;
      if (row.holidays !== undefined) values.holidays = [...new Set(row.holidays)].sort();
      const result = await repository.upsert(manager, 'directory_community', id, values, now);
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
      const communityId = await requireId(
        context,
        'directory_community',
        row.communityCode,
        'communityCode',
        { zh: '社区', en: 'community' },
      );
      context.authorise(communityId, 'communityCode');
      const values: Json = { code: row.code, community_id: communityId, name: row.name };
      if (row.active !== undefined) values.active = row.active;
      const result = await repository.upsert(
        manager,
        'directory_grid',
        placeId('grid', row.code),
        values,
        now,
      );
      authorisePrevious(context, result, 'community_id', 'communityCode');
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
    apply: async (row, { manager, repository, now }) => {
      const values: Json = { code: row.id, name: row.name };
      if (row.active !== undefined) values.active = row.active;
      return (await repository.upsert(manager, 'directory_property_company', row.id, values, now)).outcome;
    },
  }),

  compounds: defineKind({
    rowClass: CompoundRow,
    scope: 'community',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const communityId = await requireId(
        context,
        'directory_community',
        row.communityCode,
        'communityCode',
        { zh: '社区', en: 'community' },
      );
      context.authorise(communityId, 'communityCode');
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
      const result = await repository.upsert(
        manager,
        'directory_compound',
        placeId('compound', row.code),
        values,
        now,
      );
      authorisePrevious(context, result, 'community_id', 'communityCode');
      return result.outcome;
    },
  }),

  buildings: defineKind({
    rowClass: BuildingRow,
    scope: 'community',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const compound = await requireRow(
        context,
        'directory_compound',
        row.compoundCode,
        'compoundCode',
        { zh: '小区', en: 'compound' },
        ['community_id'],
      );
      context.authorise(compound.community_id, 'compoundCode');
      const values = { code: row.code, compound_id: compound.id, name: row.name };
      return (
        await repository.upsert(manager, 'directory_building', placeId('building', row.code), values, now)
      ).outcome;
    },
  }),

  households: defineKind({
    rowClass: HouseholdRow,
    scope: 'community',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const grid = await requireRow(
        context,
        'directory_grid',
        row.gridCode,
        'gridCode',
        { zh: '网格', en: 'grid' },
        ['community_id'],
      );
      context.authorise(grid.community_id, 'gridCode');
      const compound = await requireRow(
        context,
        'directory_compound',
        row.compoundCode,
        'compoundCode',
        { zh: '小区', en: 'compound' },
        ['community_id'],
      );
      if (compound.community_id !== grid.community_id) {
        throw new RowRejected('compoundCode', {
          'zh-CN': '小区不在该网格所属社区',
          en: "the compound is not in the grid's community",
        });
      }
      let buildingId: string | null = null;
      if (row.buildingCode) {
        const building = await requireRow(
          context,
          'directory_building',
          row.buildingCode,
          'buildingCode',
          { zh: '楼栋', en: 'building' },
          ['compound_id'],
        );
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
      const result = await repository.upsert(
        manager,
        'directory_household',
        placeId('household', row.code),
        values,
        now,
      );
      authorisePrevious(context, result, 'community_id', 'gridCode');
      return result.outcome;
    },
  }),

  units: defineKind({
    rowClass: UnitRow,
    scope: 'district',
    apply: async (row, { manager, repository, now }) =>
      (
        await repository.upsert(
          manager,
          'directory_unit',
          placeId('unit', row.code),
          { code: row.code, name: row.name },
          now,
        )
      ).outcome,
  }),

  members: defineKind({
    rowClass: MemberRow,
    scope: 'community',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const grid = await requireRow(
        context,
        'directory_grid',
        row.gridCode,
        'gridCode',
        { zh: '网格', en: 'grid' },
        ['community_id'],
      );
      context.authorise(grid.community_id, 'gridCode');
      const unitId = await requireId(context, 'directory_unit', row.unitCode, 'unitCode', {
        zh: '工作单位',
        en: 'unit',
      });
      const householdIds = row.householdCodes
        ? await householdIdsIn(context, row.householdCodes, grid.community_id)
        : undefined;
      const values: Json = {
        name: row.name,
        unit_id: unitId,
        community_id: grid.community_id,
        grid_id: grid.id,
        skills: [...new Set(row.skills ?? [])].sort(),
      };
      if (row.phone !== undefined) values.phone = row.phone;
      if (row.active !== undefined) values.active = row.active;
      const result = await repository.upsert(manager, 'directory_member', row.id, values, now);
      authorisePrevious(context, result, 'community_id', 'gridCode');
      let outcome = result.outcome;
      let revision = result.revision;
      const wantedLinks = householdIds ? [...new Set(householdIds)].sort() : undefined;
      if (wantedLinks && !sameList(await repository.householdIdsOf(manager, row.id), wantedLinks)) {
        // Raising the revision first locks the member row, so concurrent imports replace links in turn.
        if (outcome === 'unchanged') {
          revision = await repository.bumpRevision(manager, 'directory_member', row.id, now);
          outcome = 'updated';
        }
        await repository.replaceHouseholdLinks(manager, row.id, wantedLinks);
      }
      if (outcome !== 'unchanged') {
        const member = (await repository.rowById(manager, 'directory_member', row.id)) as Json;
        await context.publish([
          memberEvent(
            outcome === 'created',
            {
              memberId: row.id,
              unitId: String(member.unit_id),
              communityId: String(member.community_id),
              gridId: String(member.grid_id),
              skills: member.skills as string[],
              householdIds: await repository.householdIdsOf(manager, row.id),
              active: Boolean(member.active),
              revision,
              changedAt: now,
            },
            context.events,
          ),
        ]);
      }
      return outcome;
    },
  }),

  staff: defineKind({
    rowClass: StaffRow,
    scope: 'community',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const communityId = await requireId(
        context,
        'directory_community',
        row.communityCode,
        'communityCode',
        { zh: '社区', en: 'community' },
      );
      context.authorise(communityId, 'communityCode');
      const gridIds = await idsIn(
        context,
        'directory_grid',
        row.gridCodes ?? [],
        'gridCodes',
        { zh: '网格', en: 'grid' },
        communityId,
      );
      const values: Json = { name: row.name, role: row.role, community_id: communityId, grid_ids: gridIds };
      if (row.phone !== undefined) values.phone = row.phone;
      if (row.active !== undefined) values.active = row.active;
      const result = await repository.upsert(manager, 'directory_staff', row.id, values, now);
      authorisePrevious(context, result, 'community_id', 'communityCode');
      if (result.outcome !== 'unchanged') {
        const staff = (await repository.rowById(manager, 'directory_staff', row.id)) as Json;
        await context.publish([
          staffEvent(
            result.outcome === 'created',
            {
              staffId: row.id,
              role: staff.role as StaffRole,
              communityId,
              gridIds,
              active: Boolean(staff.active),
              revision: result.revision,
              changedAt: now,
            },
            context.events,
          ),
        ]);
      }
      return result.outcome;
    },
  }),

  officials: defineKind({
    rowClass: OfficialRow,
    scope: 'district',
    apply: async (row, context) => {
      const { manager, repository, now } = context;
      const communityIds = await idsIn(context, 'directory_community', row.communityCodes, 'communityCodes', {
        zh: '社区',
        en: 'community',
      });
      const values: Json = {
        name: row.name,
        escalation_level: row.escalationLevel,
        community_ids: communityIds,
      };
      if (row.phone !== undefined) values.phone = row.phone;
      if (row.active !== undefined) values.active = row.active;
      const result = await repository.upsert(manager, 'directory_official', row.id, values, now);
      if (result.outcome !== 'unchanged') {
        const official = (await repository.rowById(manager, 'directory_official', row.id)) as Json;
        await context.publish([
          officialEvent(
            result.outcome === 'created',
            {
              officialId: row.id,
              escalationLevel: row.escalationLevel,
              communityIds,
              active: Boolean(official.active),
              revision: result.revision,
              changedAt: now,
            },
            context.events,
          ),
        ]);
      }
      return result.outcome;
    },
  }),
};

/** Publishes the community's whole current state. */
export async function publishCommunity(
  context: Pick<ApplyContext, 'manager' | 'repository' | 'publish' | 'events'>,
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
  await context.publish([
    communityEvent(
      created,
      {
        communityId,
        streetId: String(community.street_id),
        gridIds,
        active: Boolean(community.active),
        revision: published.revision,
        changedAt: published.changedAt,
      },
      context.events,
    ),
  ]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

// An update may move an entry out of another community: the caller must manage that one too.
function authorisePrevious(context: ApplyContext, result: UpsertResult, column: string, field: string): void {
  const previous = result.previous?.[column];
  if (typeof previous === 'string') context.authorise(previous, field);
}

type Table = DirectoryTable;
type What = { zh: string; en: string };

async function requireId(
  context: ApplyContext,
  table: Table,
  code: string,
  field: string,
  what: What,
): Promise<string> {
  return (await requireRow(context, table, code, field, what, [])).id;
}

async function requireRow(
  context: ApplyContext,
  table: Table,
  code: string,
  field: string,
  what: What,
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
  table: Table,
  codes: readonly string[],
  field: string,
  what: What,
  communityId?: string,
): Promise<string[]> {
  const rows = await context.repository.rowsByCodes(
    context.manager,
    table,
    codes,
    communityId ? ['community_id'] : [],
  );
  const byCode = new Map(rows.map((row) => [row.code, row]));
  for (const code of codes) {
    const row = byCode.get(code);
    if (!row) throw unknownReference(field, what, code);
    if (communityId && row.community_id !== communityId) {
      throw new RowRejected(field, {
        'zh-CN': `${code} 不属于该社区`,
        en: `${code} is not in the community`,
      });
    }
  }
  return rows.map((row) => row.id).sort();
}

function householdIdsIn(
  context: ApplyContext,
  codes: readonly string[],
  communityId: string,
): Promise<string[]> {
  return idsIn(
    context,
    'directory_household',
    codes,
    'householdCodes',
    { zh: '住户', en: 'household' },
    communityId,
  );
}
