import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoDistrictFacts } from './demo-district';
import { tokenExportLines, walkthroughCast, walkthroughCommands } from './demo-walkthrough';

const urls = {
  requests: 'http://127.0.0.1:3001',
  dispatch: 'http://127.0.0.1:3002',
  volunteerHours: 'http://127.0.0.1:3003',
  notifications: 'http://127.0.0.1:3004',
};

describe('the walkthrough npm start prints', () => {
  const district = generateDemoDistrictFacts();
  const cast = walkthroughCast(district);
  const claimsOf = (variable: string) => cast.people.find((person) => person.variable === variable)!.claims;

  it('files the ticket in c-02, where auto-dispatch is on, for a household the member looks after', () => {
    const community = district.communities.find((c) => c.id === cast.communityId)!;
    const member = district.members.find((m) => m.id === cast.memberId)!;

    expect(community.code).toBe('c-02');
    expect(community.autoDispatch).toBe(true);
    expect(member.householdIds).toContain(cast.householdId);
    expect(member.gridId).toBe(cast.gridId);
  });

  it('keeps the ids the README quotes, which the seed derives from the codes', () => {
    expect(cast).toMatchObject({
      communityId: '44b0d157-1d68-5e41-9871-0a8592abb766',
      gridId: '4154dada-3e10-525f-8a96-e7cc9e1578d1',
      householdId: '5e6d872b-14a7-59d6-bed9-a802c01f5137',
      memberId: 'm-0114',
    });
  });

  it('gives each person the claims their services scope by', () => {
    // the demo resident registered to that household, the only resident who may file for it
    expect(claimsOf('RESIDENT')).toEqual({
      sub: 'resident-cp-02-01-b01-1101',
      roles: ['resident'],
      community_ids: [cast.communityId],
    });
    expect(claimsOf('GRID_WORKER')).toEqual({
      sub: 'gw-02-01',
      roles: ['grid_worker'],
      community_ids: [cast.communityId],
      grid_ids: [cast.gridId],
    });
    expect(claimsOf('STAFF')).toEqual({
      sub: 'stf-02-1',
      roles: ['staff'],
      community_ids: [cast.communityId],
    });
    expect(claimsOf('MEMBER')).toEqual({
      sub: 'm-0114',
      roles: ['member'],
      community_ids: [cast.communityId],
      grid_ids: [cast.gridId],
      unit_id: district.members.find((m) => m.id === 'm-0114')!.unitId,
    });
    expect(claimsOf('OFFICIAL')).toMatchObject({ sub: 'o2-01', roles: ['official'], escalation_level: 2 });
    expect(claimsOf('OFFICIAL').community_ids).toContain(cast.communityId);
  });

  it('prints each token as an export line under a comment naming its holder', () => {
    const tokens = { RESIDENT: 'r.t', GRID_WORKER: 'g.t', STAFF: 's.t', MEMBER: 'm.t', OFFICIAL: 'o.t' };

    const lines = tokenExportLines(cast, tokens);

    expect(lines.filter((line) => line.startsWith('export '))).toEqual([
      'export RESIDENT=r.t',
      'export GRID_WORKER=g.t',
      'export STAFF=s.t',
      'export MEMBER=m.t',
      'export OFFICIAL=o.t',
    ]);
    expect(lines[0]).toMatch(/^# resident resident-cp-02-01-b01-1101 of 水岸公寓 1号楼 1单元 101/);
  });

  it('walks the ticket through submit, accept, start, complete, confirm, statement and inbox', () => {
    const text = walkthroughCommands(cast, urls).join('\n');

    for (const step of [
      'http://127.0.0.1:3001/tickets ',
      '/me/offers',
      '/assignments/$ASSIGNMENT/accept',
      '/assignments/$ASSIGNMENT/start',
      '/assignments/$ASSIGNMENT/complete',
      '/tickets/$TICKET/confirm',
      'http://127.0.0.1:3003/members/m-0114/statement',
      'http://127.0.0.1:3004/me/notifications',
    ])
      expect(text).toContain(step);
    expect(text).toContain(`"householdId":"${cast.householdId}"`);
  });

  it('prints the same commands the README shows', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

    expect(readme).toContain(['```bash', ...walkthroughCommands(cast, urls), '```'].join('\n'));
  });
});
