import { oversightPolicy } from './oversight.policy';

const districtAdmin = { districtWide: true };
const communityStaff = { districtWide: false };

describe('the oversight policy', () => {
  it('lets community staff add, change and retire ordinary staff and grid workers', () => {
    expect(oversightPolicy.mayChange(communityStaff, { kind: 'staff', roleAfter: 'staff' })).toBe(true);
    expect(
      oversightPolicy.mayChange(communityStaff, {
        kind: 'staff',
        roleBefore: 'grid_worker',
        roleAfter: 'staff',
      }),
    ).toBe(true);
  });

  it('refuses community staff appointing a secretary, new or promoted', () => {
    expect(oversightPolicy.mayChange(communityStaff, { kind: 'staff', roleAfter: 'secretary' })).toBe(false);
    expect(
      oversightPolicy.mayChange(communityStaff, {
        kind: 'staff',
        roleBefore: 'staff',
        roleAfter: 'secretary',
      }),
    ).toBe(false);
  });

  it('refuses community staff demoting or retiring their secretary', () => {
    expect(
      oversightPolicy.mayChange(communityStaff, {
        kind: 'staff',
        roleBefore: 'secretary',
        roleAfter: 'staff',
      }),
    ).toBe(false);
    expect(
      oversightPolicy.mayChange(communityStaff, {
        kind: 'staff',
        roleBefore: 'secretary',
        roleAfter: 'secretary',
      }),
    ).toBe(false);
  });

  it('refuses community staff any change to an official', () => {
    expect(oversightPolicy.mayChange(communityStaff, { kind: 'official' })).toBe(false);
  });

  it('lets the district admin set secretaries and officials', () => {
    expect(oversightPolicy.mayChange(districtAdmin, { kind: 'staff', roleAfter: 'secretary' })).toBe(true);
    expect(oversightPolicy.mayChange(districtAdmin, { kind: 'official' })).toBe(true);
  });

  it('lets anyone place a new entry or keep an entry in its community', () => {
    expect(oversightPolicy.mayMove(communityStaff, undefined, 'c-y')).toBe(true);
    expect(oversightPolicy.mayMove(communityStaff, null, 'c-y')).toBe(true);
    expect(oversightPolicy.mayMove(communityStaff, 'c-y', 'c-y')).toBe(true);
  });

  it('refuses community staff moving an entry from one community into another', () => {
    expect(oversightPolicy.mayMove(communityStaff, 'c-x', 'c-y')).toBe(false);
  });

  it('lets the district admin move an entry between communities', () => {
    expect(oversightPolicy.mayMove(districtAdmin, 'c-x', 'c-y')).toBe(true);
  });
});
