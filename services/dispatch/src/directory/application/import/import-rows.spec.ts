import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CommunityRow, MemberRow, OfficialRow } from './import-rows';

const check = <T extends object>(type: new () => T, raw: object) => {
  const row = plainToInstance(type, raw);
  return { row, failed: validateSync(row).map((error) => error.property) };
};

describe('directory import rows', () => {
  it('read lists written as "a;b" in CSV cells and as arrays in JSON alike', () => {
    const csv = check(MemberRow, {
      id: 'm-1',
      name: '王芳',
      unitCode: 'u-1',
      gridCode: 'g-1',
      skills: 'repair; electrical',
      householdCodes: 'h-1|h-2',
    });
    const json = check(MemberRow, {
      id: 'm-1',
      name: '王芳',
      unitCode: 'u-1',
      gridCode: 'g-1',
      skills: ['repair', 'electrical'],
      householdCodes: ['h-1', 'h-2'],
    });
    expect(csv.failed).toEqual([]);
    expect(csv.row.skills).toEqual(json.row.skills);
    expect(csv.row.householdCodes).toEqual(['h-1', 'h-2']);
  });

  it('read flags and levels written as text', () => {
    const { row, failed } = check(CommunityRow, {
      code: 'c-1',
      name: '幸福社区',
      districtCode: '130111',
      streetCode: 'st-1',
      autoDispatch: '是',
      weekendsAllDay: 'false',
    });
    expect(failed).toEqual([]);
    expect(row).toMatchObject({ autoDispatch: true, weekendsAllDay: false });
    expect(
      check(OfficialRow, { id: 'o-1', name: '孙主任', escalationLevel: '2', communityCodes: 'c-1' }).failed,
    ).toEqual([]);
  });

  it('refuse a phone number as an account id, a malformed phone and more than thirty households', () => {
    const { failed } = check(MemberRow, {
      id: '13800000000',
      name: '王芳',
      phone: '12345',
      unitCode: 'u-1',
      gridCode: 'g-1',
      householdCodes: Array.from({ length: 31 }, (_, i) => `h-${i}`),
    });
    expect(failed.sort()).toEqual(['householdCodes', 'id', 'phone']);
  });

  it('refuse a calendar with a clock time that does not exist and an official at level 1', () => {
    expect(
      check(CommunityRow, {
        code: 'c-1',
        name: 'x',
        districtCode: '130111',
        streetCode: 'st-1',
        extendedClosesAt: '25:00',
      }).failed,
    ).toEqual(['extendedClosesAt']);
    expect(
      check(OfficialRow, { id: 'o-1', name: 'x', escalationLevel: 1, communityCodes: ['c-1'] }).failed,
    ).toEqual(['escalationLevel']);
  });
});
