import { validateContract, MemberRegisteredV1 } from '@loop/contracts';
import { placeId } from '../directory/domain/place-id';
import { demoDistrictFigures, generateDemoDistrict } from './demo-district.generator';
import { SeededRandom } from '@loop/platform';

describe('the demo district generator', () => {
  const district = generateDemoDistrict();

  it('generates the same district every time for the same seed', () => {
    expect(generateDemoDistrict()).toEqual(district);
  });

  it('generates different people for a different seed, on the same places', () => {
    const other = generateDemoDistrict(7);
    expect(other.members.map((m) => m.name)).not.toEqual(district.members.map((m) => m.name));
    expect(other.communities.map((c) => c.id)).toEqual(district.communities.map((c) => c.id));
  });

  it('has the figures of the district: 19 communities, 41 grids, 119 compounds, 41 property companies', () => {
    expect(district.communities).toHaveLength(demoDistrictFigures.communities);
    expect(district.grids).toHaveLength(41);
    expect(district.compounds).toHaveLength(119);
    expect(district.propertyCompanies).toHaveLength(41);
  });

  it('has 16,418 households with 300 to 600 in every grid', () => {
    expect(district.households).toHaveLength(16_418);
    for (const grid of district.grids) {
      const size = district.households.filter((h) => h.gridId === grid.id).length;
      expect(size).toBeGreaterThanOrEqual(300);
      expect(size).toBeLessThanOrEqual(600);
    }
  });

  it('links each of the 1,660 members to about ten households of their own grid, every household once', () => {
    expect(district.members).toHaveLength(1_660);
    const gridOf = new Map(district.households.map((h) => [h.id, h.gridId]));
    for (const member of district.members) {
      expect(member.householdIds.length).toBeGreaterThanOrEqual(9);
      expect(member.householdIds.length).toBeLessThanOrEqual(11);
      expect(member.householdIds.every((id) => gridOf.get(id) === member.gridId)).toBe(true);
    }
    const linked = district.members.flatMap((m) => m.householdIds);
    expect(new Set(linked).size).toBe(linked.length);
    expect(linked).toHaveLength(district.households.length);
  });

  it('uses stable, readable codes that tokens can refer to', () => {
    expect(district.communities[0]).toMatchObject({ code: 'c-01', id: placeId('community', 'c-01') });
    expect(district.grids.map((g) => g.code)).toContain('g-01-02');
    expect(district.members[0].id).toBe('m-0001');
    expect(district.members[1659].id).toBe('m-1660');
    expect(district.staff.map((s) => s.id)).toEqual(
      expect.arrayContaining(['sec-01', 'stf-01-1', 'gw-01-01']),
    );
  });

  it('gives every community a secretary, staff, a grid worker per grid and a level 2 and level 3 official', () => {
    for (const community of district.communities) {
      const staff = district.staff.filter((s) => s.communityId === community.id);
      expect(staff.filter((s) => s.role === 'secretary')).toHaveLength(1);
      expect(staff.filter((s) => s.role === 'grid_worker')).toHaveLength(
        district.grids.filter((g) => g.communityId === community.id).length,
      );
      for (const level of [2, 3]) {
        expect(
          district.officials.filter(
            (o) => o.escalationLevel === level && o.communityIds.includes(community.id),
          ),
        ).toHaveLength(1);
      }
    }
  });

  it('lets every compound be managed by one of the property companies, each managing two or three', () => {
    const managed = new Map<string, number>();
    for (const compound of district.compounds)
      managed.set(compound.propertyCompanyId, (managed.get(compound.propertyCompanyId) ?? 0) + 1);
    expect(managed.size).toBe(41);
    expect([...managed.values()].every((count) => count >= 2 && count <= 3)).toBe(true);
  });

  it('names people with a Chinese surname and a one- or two-character given name', () => {
    for (const member of district.members) expect(member.name).toMatch(/^\p{Script=Han}{2,3}$/u);
    expect(new Set(district.members.map((m) => m.name)).size).toBeGreaterThan(1_000);
  });

  it('labels households by address only and keeps valid mobile numbers private to the directory', () => {
    expect(district.households[0].addressLabel).toMatch(/^\S+ \d+号楼 \d单元 \d0\d$/);
    for (const member of district.members.slice(0, 50)) expect(member.phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('produces members whose published state satisfies the member contract', () => {
    const [member] = district.members;
    const payload = {
      memberId: member.id,
      unitId: member.unitId,
      communityId: member.communityId,
      gridId: member.gridId,
      skills: member.skills,
      householdIds: member.householdIds,
      active: true,
      revision: 1,
      changedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(validateContract(MemberRegisteredV1, payload)).toMatchObject({ ok: true });
  });
});

describe('the seeded random source', () => {
  it('repeats its sequence for the same seed and stays within bounds', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const drawn = Array.from({ length: 1000 }, () => a.integer(3, 7));
    expect(Array.from({ length: 1000 }, () => b.integer(3, 7))).toEqual(drawn);
    expect(Math.min(...drawn)).toBe(3);
    expect(Math.max(...drawn)).toBe(7);
    expect(new SeededRandom(42).sample(['a', 'b', 'c', 'd'], 2)).toHaveLength(2);
  });
});
