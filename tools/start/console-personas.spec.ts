import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consolePersonas } from './console-personas';
import { generateDemoDistrictFacts } from './demo-district';

describe('the people the console’s sign-in picker offers', () => {
  const district = generateDemoDistrictFacts();
  const personas = consolePersonas(district);
  const persona = (key: string) => personas.find((p) => p.key === key)!;

  it('offers one person for each role of the loop', () => {
    expect(personas.map((p) => p.key)).toEqual([
      'resident',
      'member',
      'grid_worker',
      'staff',
      'secretary',
      'official',
      'leader',
      'admin',
      'unit_admin',
    ]);
  });

  it('signs the unit admin of 城管执法队 in as the admin of that department’s unit', () => {
    const department = district.departments.find((d) => d.code === 'd-01')!;
    expect(persona('unit_admin').claims).toEqual({
      sub: 'ua-d-01',
      roles: ['admin'],
      unit_id: department.id,
    });
  });

  it('houses the resident in a household the member looks after, so auto-dispatch offers the member their request', () => {
    const resident = persona('resident');
    const member = district.members.find((m) => m.id === persona('member').claims.sub)!;
    expect(member.householdIds).toContain(resident.home!.householdId);
    const household = district.households.find((h) => h.id === resident.home!.householdId)!;
    expect(resident.claims.sub).toBe(household.residentId);
    expect(resident.claims.grid_ids).toEqual([member.gridId]);
    expect(district.communities.find((c) => c.id === resident.home!.communityId)!.autoDispatch).toBe(true);
  });

  it('gives the secretary and the county leader the scope of the same community', () => {
    const communityId = persona('resident').home!.communityId;
    expect(persona('secretary').claims).toMatchObject({ roles: ['secretary'], community_ids: [communityId] });
    expect(persona('leader').claims).toMatchObject({ roles: ['official'], escalation_level: 3 });
    expect(persona('leader').claims.community_ids).toContain(communityId);
  });

  it('matches the persona file docker compose serves to the console', () => {
    const file = join(__dirname, '..', '..', 'services', 'console', 'nginx', 'demo-personas.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ personas });
  });
});
