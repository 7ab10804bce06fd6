import { placeId } from '../directory/domain/place-id';
import { generateDemoDistrict } from './demo-district.generator';

describe('the demo district’s functional departments (吹哨报到)', () => {
  const district = generateDemoDistrict();

  it('has the seven departments a street summons, each with one unit admin', () => {
    expect(district.departments.map((d) => [d.code, d.name, d.adminId])).toEqual([
      ['d-01', '城管执法队', 'ua-d-01'],
      ['d-02', '住建所', 'ua-d-02'],
      ['d-03', '派出所', 'ua-d-03'],
      ['d-04', '市场监管所', 'ua-d-04'],
      ['d-05', '供水所', 'ua-d-05'],
      ['d-06', '供电所', 'ua-d-06'],
      ['d-07', '燃气公司', 'ua-d-07'],
    ]);
    expect(district.departments[0].id).toBe(placeId('unit', 'd-01'));
  });

  it('keeps departments apart from the work units members are employed by', () => {
    const departmentIds = new Set(district.departments.map((d) => d.id));
    expect(district.units.some((unit) => departmentIds.has(unit.id))).toBe(false);
    expect(district.members.some((member) => departmentIds.has(member.unitId))).toBe(false);
  });
});
