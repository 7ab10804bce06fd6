// The demo district: a whole district's directory generated from the figures of DESIGN §1 (栾城区), so
// `npm start` and the benchmarks run against data of the real size. Deterministic — the same seed gives
// the same district, with stable codes (`c-01`, `g-01-02`, `m-0001`) that printed tokens can refer to.
import { ticketCategories } from '@loop/contracts';
import { placeId } from '../directory/domain/place-id';
import type { StaffRole } from '../directory/domain/directory-views';
import {
  communityNames,
  compoundPrefixes,
  compoundSuffixes,
  givenNameCharacters,
  propertyCompanyCores,
  streetNames,
  surnames,
  unitNames,
  departmentNames,
} from './demo-names';
import { SeededRandom } from '@loop/platform';

/** The district's figures (DESIGN §1). */
export const demoDistrictFigures = {
  /** Administrative code of 栾城区, 石家庄市. */
  districtCode: '130111',
  communities: 19,
  grids: 41,
  compounds: 119,
  households: 16_418,
  members: 1_660,
  propertyCompanies: 41,
  minHouseholdsPerGrid: 300,
  maxHouseholdsPerGrid: 600,
} as const;

/** The seed used by `npm start` and the benchmarks. */
export const DEFAULT_DEMO_SEED = 20_250_221;

/** A town or street (街道/乡镇). */
export interface DemoStreet {
  id: string;
  code: string;
  name: string;
}

/** A community with its dispatch policy; its service calendar is the district standard. */
export interface DemoCommunity {
  id: string;
  code: string;
  name: string;
  districtCode: string;
  streetId: string;
  autoDispatch: boolean;
  holidays: string[];
}

/** A grid of a community. */
export interface DemoGrid {
  id: string;
  code: string;
  communityId: string;
  name: string;
}

/** A property company, keyed by its account id. */
export interface DemoPropertyCompany {
  id: string;
  code: string;
  name: string;
}

/** A residential compound (小区). */
export interface DemoCompound {
  id: string;
  code: string;
  communityId: string;
  gridId: string;
  name: string;
  propertyCompanyId: string;
}

/** A building (楼栋) of a compound. */
export interface DemoBuilding {
  id: string;
  code: string;
  compoundId: string;
  name: string;
}

/** A household, as an address label only. */
export interface DemoHousehold {
  id: string;
  code: string;
  communityId: string;
  gridId: string;
  compoundId: string;
  buildingId: string;
  addressLabel: string;
  /** The demo resident registered to the household (居民住户登记), who may file tickets for it. */
  residentId: string;
}

/** A work unit (工作单位). */
export interface DemoUnit {
  id: string;
  code: string;
  name: string;
}

/** A functional department (职能部门) with its one unit admin, who checks in for it when summoned. */
export interface DemoDepartment {
  id: string;
  code: string;
  name: string;
  adminId: string;
}

/** An in-service party member and the households they look after. */
export interface DemoMember {
  id: string;
  name: string;
  phone: string;
  unitId: string;
  communityId: string;
  gridId: string;
  skills: string[];
  householdIds: string[];
}

/** A community's staff member, secretary or grid worker. */
export interface DemoStaff {
  id: string;
  name: string;
  phone: string;
  role: StaffRole;
  communityId: string;
  gridIds: string[];
}

/** A town/street official (level 2) or county leader (level 3) and their linked communities. */
export interface DemoOfficial {
  id: string;
  name: string;
  phone: string;
  escalationLevel: 2 | 3;
  communityIds: string[];
}

/** A whole generated district. */
export interface DemoDistrict {
  seed: number;
  streets: DemoStreet[];
  communities: DemoCommunity[];
  grids: DemoGrid[];
  propertyCompanies: DemoPropertyCompany[];
  compounds: DemoCompound[];
  buildings: DemoBuilding[];
  households: DemoHousehold[];
  units: DemoUnit[];
  departments: DemoDepartment[];
  members: DemoMember[];
  staff: DemoStaff[];
  officials: DemoOfficial[];
}

const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const householdsPerBuilding = 48; // 2 entrances × 6 floors × 4 flats
const communitiesPerStreetOfficial = 3;
const communitiesPerCountyLeader = 5;
const staffPerCommunity = 3;
// Fixed-date statutory holidays (New Year, Labour Day, National Day); the year's exact schedule is
// published late each year and is set per community through the admin API.
const demoHolidays = ['2026-01-01', '2026-05-01', '2026-10-01', '2026-10-02', '2026-10-03', '2027-01-01'];

/** Generates the demo district; the same seed always yields an identical district. */
export function generateDemoDistrict(seed: number = DEFAULT_DEMO_SEED): DemoDistrict {
  const random = new SeededRandom(seed);
  const figures = demoDistrictFigures;
  const two = (n: number) => String(n).padStart(2, '0');

  const streets = streetNames.map((name, index) => ({
    id: placeId('street', `st-${two(index + 1)}`),
    code: `st-${two(index + 1)}`,
    name,
  }));

  const communities: DemoCommunity[] = communityNames.slice(0, figures.communities).map((name, index) => {
    const code = `c-${two(index + 1)}`;
    return {
      id: placeId('community', code),
      code,
      name,
      districtCode: figures.districtCode,
      // Communities are spread over the streets in contiguous runs, as they lie on the map.
      streetId: streets[Math.floor((index * streets.length) / figures.communities)].id,
      // Half the communities let the system offer tickets straight away; the others dispatch by hand.
      autoDispatch: index % 2 === 1,
      holidays: [...demoHolidays],
    };
  });

  const grids: DemoGrid[] = [];
  const gridsOf = new Map<string, DemoGrid[]>();
  communities.forEach((community, index) => {
    const count = spread(figures.grids, figures.communities, index);
    const list = Array.from({ length: count }, (_, g) => {
      const code = `g-${two(index + 1)}-${two(g + 1)}`;
      return {
        id: placeId('grid', code),
        code,
        communityId: community.id,
        name: `${community.name}第${chineseNumerals[g]}网格`,
      };
    });
    gridsOf.set(community.id, list);
    grids.push(...list);
  });

  const propertyCompanies: DemoPropertyCompany[] = Array.from(
    { length: figures.propertyCompanies },
    (_, index) => {
      const code = `pc-${two(index + 1)}`;
      return {
        id: code,
        code,
        name: `栾城区${propertyCompanyCores[index % propertyCompanyCores.length]}物业服务有限公司`,
      };
    },
  );

  const compoundNames = distinctCompoundNames(random, figures.compounds);
  const compounds: DemoCompound[] = [];
  const compoundsOfGrid = new Map<string, DemoCompound[]>();
  communities.forEach((community, index) => {
    const communityGrids = gridsOf.get(community.id) ?? [];
    const count = spread(figures.compounds, figures.communities, index);
    for (let k = 0; k < count; k += 1) {
      const code = `cp-${two(index + 1)}-${two(k + 1)}`;
      const grid = communityGrids[k % communityGrids.length];
      const compound = {
        id: placeId('compound', code),
        code,
        communityId: community.id,
        gridId: grid.id,
        name: compoundNames[compounds.length],
        // Contiguous runs of compounds per company: a company usually manages neighbouring compounds.
        propertyCompanyId:
          propertyCompanies[Math.floor((compounds.length * figures.propertyCompanies) / figures.compounds)]
            .id,
      };
      compounds.push(compound);
      compoundsOfGrid.set(grid.id, [...(compoundsOfGrid.get(grid.id) ?? []), compound]);
    }
  });

  const householdCounts = householdsPerGrid(random, grids.length);
  const buildings: DemoBuilding[] = [];
  const households: DemoHousehold[] = [];
  const householdsOfGrid = new Map<string, DemoHousehold[]>();
  grids.forEach((grid, gridIndex) => {
    const gridCompounds = compoundsOfGrid.get(grid.id) ?? [];
    const list: DemoHousehold[] = [];
    gridCompounds.forEach((compound, k) => {
      const count = spread(householdCounts[gridIndex], gridCompounds.length, k);
      for (let b = 0; b * householdsPerBuilding < count; b += 1) {
        const buildingCode = `${compound.code}-b${two(b + 1)}`;
        const building = {
          id: placeId('building', buildingCode),
          code: buildingCode,
          compoundId: compound.id,
          name: `${b + 1}号楼`,
        };
        buildings.push(building);
        for (
          let flat = 0;
          flat < Math.min(householdsPerBuilding, count - b * householdsPerBuilding);
          flat += 1
        ) {
          const entrance = Math.floor(flat / 24) + 1;
          const floor = Math.floor((flat % 24) / 4) + 1;
          const door = (flat % 4) + 1;
          const code = `${buildingCode}-${entrance}${floor}0${door}`;
          list.push({
            id: placeId('household', code),
            code,
            communityId: grid.communityId,
            gridId: grid.id,
            compoundId: compound.id,
            buildingId: building.id,
            addressLabel: `${compound.name} ${building.name} ${entrance}单元 ${floor}0${door}`,
            residentId: `resident-${code}`,
          });
        }
      }
    });
    householdsOfGrid.set(grid.id, list);
    households.push(...list);
  });

  const units: DemoUnit[] = unitNames.map((name, index) => {
    const code = `u-${two(index + 1)}`;
    return { id: placeId('unit', code), code, name };
  });

  const departments: DemoDepartment[] = departmentNames.map((name, index) => {
    const code = `d-${two(index + 1)}`;
    return { id: placeId('unit', code), code, name, adminId: `ua-${code}` };
  });

  const skills = [...new Set(ticketCategories.flatMap((category) => category.skills))].sort();
  const memberCounts = proportionalCounts(
    figures.members,
    grids.map((grid) => householdsOfGrid.get(grid.id)?.length ?? 0),
  );
  const members: DemoMember[] = [];
  grids.forEach((grid, gridIndex) => {
    const gridHouseholds = householdsOfGrid.get(grid.id) ?? [];
    const count = memberCounts[gridIndex];
    for (let k = 0; k < count; k += 1) {
      // Consecutive flats go to one member ("1+10"): neighbours, so a visit covers them all.
      const from = Math.floor((k * gridHouseholds.length) / count);
      const to = Math.floor(((k + 1) * gridHouseholds.length) / count);
      members.push({
        id: `m-${String(members.length + 1).padStart(4, '0')}`,
        name: personName(random),
        phone: mobileNumber(random),
        unitId: random.pick(units).id,
        communityId: grid.communityId,
        gridId: grid.id,
        skills: random.sample(skills, random.integer(1, 3)),
        householdIds: gridHouseholds.slice(from, to).map((household) => household.id),
      });
    }
  });

  const staff: DemoStaff[] = [];
  communities.forEach((community, index) => {
    const person = (id: string, role: StaffRole, gridIds: string[]) =>
      staff.push({
        id,
        name: personName(random),
        phone: mobileNumber(random),
        role,
        communityId: community.id,
        gridIds,
      });
    person(`sec-${two(index + 1)}`, 'secretary', []);
    for (let k = 1; k <= staffPerCommunity; k += 1) person(`stf-${two(index + 1)}-${k}`, 'staff', []);
    for (const grid of gridsOf.get(community.id) ?? [])
      person(`gw-${grid.code.slice(2)}`, 'grid_worker', [grid.id]);
  });

  const officials: DemoOfficial[] = [];
  const linkOfficials = (level: 2 | 3, perOfficial: number) => {
    for (let start = 0, n = 1; start < communities.length; start += perOfficial, n += 1) {
      officials.push({
        id: `o${level}-${two(n)}`,
        name: personName(random),
        phone: mobileNumber(random),
        escalationLevel: level,
        communityIds: communities.slice(start, start + perOfficial).map((community) => community.id),
      });
    }
  };
  linkOfficials(2, communitiesPerStreetOfficial);
  linkOfficials(3, communitiesPerCountyLeader);

  return {
    seed,
    streets,
    communities,
    grids,
    propertyCompanies,
    compounds,
    buildings,
    households,
    units,
    departments,
    members,
    staff,
    officials,
  };
}

/** The share of `total` that the `index`-th of `parts` receives when spread as evenly as possible. */
function spread(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

// Every grid gets the minimum, and the rest of the district's households are spread by random weight;
// with 41 grids no grid can get near the maximum, which is checked rather than assumed.
function householdsPerGrid(random: SeededRandom, gridCount: number): number[] {
  const { households, minHouseholdsPerGrid, maxHouseholdsPerGrid } = demoDistrictFigures;
  const weights = Array.from({ length: gridCount }, () => 0.2 + random.next());
  const counts = proportionalCounts(households - minHouseholdsPerGrid * gridCount, weights).map(
    (extra) => extra + minHouseholdsPerGrid,
  );
  if (counts.some((count) => count > maxHouseholdsPerGrid))
    throw new Error('a demo grid exceeds the maximum size');
  return counts;
}

/** Integer shares of `total` proportional to `weights` that add up to `total` exactly (largest remainder). */
function proportionalCounts(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k += 1) counts[order[k].index] += 1;
  return counts;
}

function distinctCompoundNames(random: SeededRandom, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(`${random.pick(compoundPrefixes)}${random.pick(compoundSuffixes)}`);
  return [...names];
}

function personName(random: SeededRandom): string {
  const given =
    random.next() < 0.7
      ? random.pick(givenNameCharacters) + random.pick(givenNameCharacters)
      : random.pick(givenNameCharacters);
  return random.pick(surnames) + given;
}

// Mainland mobile numbers: 1, a carrier digit 3–9, nine more digits. Private data; never in events.
function mobileNumber(random: SeededRandom): string {
  let digits = `1${random.integer(3, 9)}`;
  for (let k = 0; k < 9; k += 1) digits += String(random.integer(0, 9));
  return digits;
}
