// The people the console's sign-in picker offers in development: one per role, drawn from the demo
// district around the walkthrough's community (auto-dispatch on); the resident is the one registered to a
// household the member looks after, so a request the resident files is offered to the member picked here. Pure data from the generated district, tested without starting anything.
import type { DevTokenClaims } from '@loop/platform';
import type { DemoDistrictFacts } from './demo-district';
import { walkthroughCast } from './demo-walkthrough';

/** A person of the picker; `key` names the role in the console's words. */
export interface ConsolePersona {
  key:
    | 'resident'
    | 'grid_worker'
    | 'staff'
    | 'secretary'
    | 'member'
    | 'official'
    | 'leader'
    | 'admin'
    | 'unit_admin';
  description: string;
  claims: DevTokenClaims;
  /** Where the resident lives: the household the member looks after (1+10). */
  home?: { communityId: string; gridId: string; householdId: string; label: string };
}

/**
 * The picker's people: the walkthrough's cast plus the community's secretary, a county leader, the admin
 * and the unit admin of the first functional department (d-01 城管执法队), who answers its summonses.
 */
export function consolePersonas(district: DemoDistrictFacts): ConsolePersona[] {
  const cast = walkthroughCast(district);
  const community = district.communities.find((c) => c.id === cast.communityId)!;
  const where = `${community.code} ${community.name}`;
  const person = (variable: string) => cast.people.find((p) => p.variable === variable)!.claims;
  const secretary = district.staff.find((s) => s.role === 'secretary' && s.communityId === community.id);
  const leader = district.officials.find(
    (o) => o.escalationLevel === 3 && o.communityIds.includes(community.id),
  );
  const department = district.departments.find((d) => d.code === 'd-01');
  if (!department) throw new Error('the demo district has no department d-01');
  if (!secretary || !leader)
    throw new Error(`community ${community.code} lacks a secretary or a county leader`);
  // Residents file only where they are registered: the demo resident of the member's household.
  const household = district.households.find((h) => h.id === cast.householdId);
  if (!household) throw new Error(`household ${cast.householdId} is not in the demo district`);
  return [
    {
      key: 'resident',
      description: `${household.residentId} · ${household.addressLabel} · ${where}`,
      claims: {
        sub: household.residentId,
        roles: ['resident'],
        community_ids: [cast.communityId],
        grid_ids: [cast.gridId],
      },
      home: {
        communityId: cast.communityId,
        gridId: cast.gridId,
        householdId: cast.householdId,
        label: household.addressLabel,
      },
    },
    { key: 'member', description: `${cast.memberId} · ${where}`, claims: person('MEMBER') },
    {
      key: 'grid_worker',
      description: `${person('GRID_WORKER').sub} · ${where}`,
      claims: person('GRID_WORKER'),
    },
    { key: 'staff', description: `${person('STAFF').sub} · ${where}`, claims: person('STAFF') },
    {
      key: 'secretary',
      description: `${secretary.id} · ${where}`,
      claims: { sub: secretary.id, roles: ['secretary'], community_ids: [community.id] },
    },
    { key: 'official', description: `${person('OFFICIAL').sub} · level 2`, claims: person('OFFICIAL') },
    {
      key: 'leader',
      description: `${leader.id} · level 3`,
      claims: {
        sub: leader.id,
        roles: ['official'],
        community_ids: leader.communityIds,
        escalation_level: 3,
      },
    },
    { key: 'admin', description: 'demo-admin · district', claims: { sub: 'demo-admin', roles: ['admin'] } },
    {
      key: 'unit_admin',
      description: `${department.adminId} · ${department.code} ${department.name}`,
      claims: { sub: department.adminId, roles: ['admin'], unit_id: department.id },
    },
  ];
}
