// Tokens for the people of a story, each with the claims the services check: a member's community and
// unit, staff's community, a grid worker's grid, an official's level and linked communities.
import type { DevTokenClaims } from '@loop/platform';
import type { CommunityFacts, DistrictMember, DistrictOfficial, DistrictStaff } from './demo-district';

/** Anything that mints tokens the services trust (a LoopCluster does). */
export interface TokenMinter {
  /** A bearer token for `claims`. */
  token(claims: DevTokenClaims): Promise<string>;
}

/** Mints a token per person of a story, with claims matching the demo district. */
export class StoryPeople {
  constructor(private readonly minter: TokenMinter) {}

  /** A resident, by the account id registered to their household (see `DemoDistrict.residentOf`). */
  resident(id: string): Promise<{ id: string; token: string }> {
    return this.minter.token({ sub: id, roles: ['resident'] }).then((token) => ({ id, token }));
  }

  /** A party member of the directory. */
  member(member: DistrictMember): Promise<string> {
    return this.minter.token({
      sub: member.id,
      roles: ['member'],
      community_ids: [member.communityId],
      grid_ids: [member.gridId],
      unit_id: member.unitId,
    });
  }

  /** The community's first active staff member (社区工作者). */
  staff(community: CommunityFacts): Promise<string> {
    return this.communityPerson(community, 'staff', ['staff']);
  }

  /** The community's secretary (社区书记), escalation level 1. */
  secretary(community: CommunityFacts): Promise<string> {
    const secretary = this.first(community, 'secretary');
    return this.minter.token({
      sub: secretary.id,
      roles: ['secretary'],
      community_ids: [community.id],
      escalation_level: 1,
    });
  }

  /** The grid worker (网格员) of one of the community's grids. */
  gridWorker(community: CommunityFacts, gridId: string): Promise<{ id: string; token: string }> {
    const worker = community.staff.find(
      (person) => person.active && person.role === 'grid_worker' && person.gridIds.includes(gridId),
    );
    if (!worker) throw new Error(`No grid worker looks after grid ${gridId}`);
    return this.minter
      .token({ sub: worker.id, roles: ['grid_worker'], community_ids: [community.id], grid_ids: [gridId] })
      .then((token) => ({ id: worker.id, token }));
  }

  /** An official (三级包联) with their level and linked communities. */
  official(official: DistrictOfficial): Promise<string> {
    return this.minter.token({
      sub: official.id,
      roles: ['official'],
      community_ids: official.communityIds,
      escalation_level: official.escalationLevel,
    });
  }

  /** A property company's dispatch account. */
  propertyCompany(id: string): Promise<string> {
    return this.minter.token({ sub: id, roles: ['property_company'] });
  }

  /** The district administrator. */
  admin(): Promise<string> {
    return this.minter.token({ sub: 'admin-e2e', roles: ['admin'] });
  }

  private communityPerson(
    community: CommunityFacts,
    role: DistrictStaff['role'],
    roles: DevTokenClaims['roles'],
  ) {
    const person = this.first(community, role);
    return this.minter.token({ sub: person.id, roles, community_ids: [community.id] });
  }

  private first(community: CommunityFacts, role: DistrictStaff['role']): DistrictStaff {
    const person = community.staff.find((candidate) => candidate.active && candidate.role === role);
    if (!person) throw new Error(`Community ${community.code} has no active ${role}`);
    return person;
  }
}
