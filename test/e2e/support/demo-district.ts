// The demo district's facts as the dispatch directory's admin API tells them, so stories pick real
// communities, grids, households, members and officials from the seed instead of copying ids.
import { callJson } from './http-json';
import type { LoopServiceUrls } from './loop-api';

/** A community as the directory lists it. */
export interface DistrictCommunity {
  id: string;
  code: string;
  name: string;
  /** Whether submitted tickets are offered to the top candidate without a staff decision. */
  autoDispatch: boolean;
}

/** A grid of a community. */
export interface DistrictGrid {
  id: string;
  code: string;
  communityId: string;
}

/** A household: an address only. */
export interface DistrictHousehold {
  id: string;
  code: string;
  communityId: string;
  gridId: string;
  compoundId: string;
  buildingId: string | null;
  addressLabel: string;
}

/** A party member (在职党员). */
export interface DistrictMember {
  id: string;
  unitId: string;
  communityId: string;
  gridId: string;
  skills: string[];
  householdIds: string[];
  active: boolean;
}

/** A person working for a community. */
export interface DistrictStaff {
  id: string;
  role: 'staff' | 'secretary' | 'grid_worker';
  communityId: string;
  gridIds: string[];
  active: boolean;
}

/** One rung of the escalation chain (三级包联). */
export interface EscalationLink {
  level: 1 | 2 | 3;
  role: 'secretary' | 'official';
  userId: string;
}

/** A property company (物业公司) and the compounds it manages. */
export interface DistrictPropertyCompany {
  id: string;
  compoundIds: string[];
  active: boolean;
}

/** A town/street official (level 2) or county leader (level 3) and their linked communities. */
export interface DistrictOfficial {
  id: string;
  escalationLevel: 2 | 3;
  communityIds: string[];
  active: boolean;
}

/** Everything a story needs to know about one community. */
export interface CommunityFacts extends DistrictCommunity {
  grids: DistrictGrid[];
  staff: DistrictStaff[];
  escalationChain: EscalationLink[];
}

/** A household with the member who looks after it ("1+10"). */
export interface LookedAfterHousehold {
  household: DistrictHousehold;
  member: DistrictMember;
}

/** Reads the demo district through the directory's admin API with an admin token. */
export class DemoDistrict {
  constructor(
    private readonly services: LoopServiceUrls,
    private readonly adminToken: string,
  ) {}

  private get<T>(path: string): Promise<T> {
    return callJson<T>('GET', `${this.services.url('dispatch')}/directory${path}`, {
      token: this.adminToken,
    });
  }

  /** Every community of the district. */
  communities(): Promise<DistrictCommunity[]> {
    return this.get('/communities');
  }

  /** The community with `code` (e.g. `c-02`) or the first matching `pick`, with grids, staff and chain. */
  async community(pick: string | ((community: DistrictCommunity) => boolean)): Promise<CommunityFacts> {
    const matches = typeof pick === 'string' ? (c: DistrictCommunity) => c.code === pick : pick;
    const found = (await this.communities()).find(matches);
    if (!found) throw new Error(`The demo district has no community matching ${String(pick)}`);
    const [detail, staff, escalationChain] = await Promise.all([
      this.get<{ grids: DistrictGrid[] }>(`/communities/${found.id}`),
      this.get<DistrictStaff[]>(`/communities/${found.id}/staff`),
      this.get<EscalationLink[]>(`/communities/${found.id}/escalation-chain`),
    ]);
    return { ...found, grids: detail.grids, staff, escalationChain };
  }

  /** The active members registered in a community, optionally in one grid. */
  async members(communityId: string, gridId?: string): Promise<DistrictMember[]> {
    const query = gridId ? `?gridId=${gridId}` : '';
    const members = await this.get<DistrictMember[]>(`/communities/${communityId}/members${query}`);
    return members.filter((member) => member.active);
  }

  /** A page of a grid's households. */
  households(communityId: string, gridId: string, offset = 0, limit = 100): Promise<DistrictHousehold[]> {
    return this.get(
      `/communities/${communityId}/households?gridId=${gridId}&offset=${offset}&limit=${limit}`,
    );
  }

  /** The resident registered to the household (居民住户登记): the demo registers one to each. */
  async residentOf(household: DistrictHousehold): Promise<string> {
    const { residentIds } = await this.get<{ residentIds: string[] }>(
      `/households/${household.id}/residents`,
    );
    if (residentIds.length === 0) throw new Error(`No resident is registered to household ${household.code}`);
    return residentIds[0];
  }

  /** The `index`-th household of a grid that an active member looks after, with that member. */
  async lookedAfterHousehold(communityId: string, gridId: string, index = 0): Promise<LookedAfterHousehold> {
    const [households, members] = await Promise.all([
      this.households(communityId, gridId),
      this.members(communityId, gridId),
    ]);
    const pairs = households.flatMap((household) => {
      const member = members.find((candidate) => candidate.householdIds.includes(household.id));
      return member ? [{ household, member }] : [];
    });
    if (pairs.length <= index) throw new Error(`Grid ${gridId} has no ${index + 1} looked-after households`);
    return pairs[index];
  }

  /** Every property company of the district. */
  propertyCompanies(): Promise<DistrictPropertyCompany[]> {
    return this.get('/property-companies');
  }

  /** The active property company that manages a compound. */
  async propertyCompanyOf(compoundId: string): Promise<DistrictPropertyCompany> {
    const found = (await this.propertyCompanies()).find(
      (company) => company.active && company.compoundIds.includes(compoundId),
    );
    if (!found) throw new Error(`No property company manages compound ${compoundId}`);
    return found;
  }

  /** The official holding `level` of a community's escalation chain. */
  async officialAt(community: CommunityFacts, level: 2 | 3): Promise<DistrictOfficial> {
    const link = community.escalationChain.find((rung) => rung.level === level);
    const officials = await this.get<DistrictOfficial[]>('/officials');
    const found = officials.find((official) => official.id === link?.userId);
    if (!found) throw new Error(`Community ${community.code} has no level-${level} official`);
    return found;
  }
}
