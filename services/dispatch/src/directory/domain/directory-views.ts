// Plain read models of the directory, as the rest of the dispatch service sees it. Ids of places
// (communities, grids, compounds, buildings, households, units) are UUIDs; ids of people (members,
// staff, officials) are account ids, the `sub` of their tokens. `code` is the stable external id used
// by imports and the demo district (e.g. `c-01`, `g-01-02`).

/** A community (社区) with its dispatch policy. */
export interface CommunityView {
  id: string;
  code: string;
  name: string;
  /** Administrative code of the district (区县) the community belongs to. */
  districtCode: string;
  /** The town or street (街道/乡镇) the community belongs to. */
  streetId: string;
  /** Whether submitted tickets are offered to the top candidate without a staff decision. */
  autoDispatch: boolean;
  active: boolean;
}

/** A grid (网格) inside a community. */
export interface GridView {
  id: string;
  code: string;
  communityId: string;
  name: string;
  active: boolean;
}

/** A household (住户): an address only, never the residents' personal data. */
export interface HouseholdView {
  id: string;
  code: string;
  communityId: string;
  gridId: string;
  compoundId: string;
  buildingId: string | null;
  /** e.g. "幸福里小区 3号楼 2单元 501"; never a name or phone number. */
  addressLabel: string;
}

/** An in-service party member (在职党员). The private phone is deliberately absent. */
export interface MemberView {
  /** Account id (token `sub`). */
  id: string;
  name: string;
  /** Work unit (工作单位). */
  unitId: string;
  /** Community the member registered with (社区报到). */
  communityId: string;
  gridId: string;
  /** Skill codes, compared with ticket category codes. */
  skills: string[];
  /** Households the member looks after ("1+10"). */
  householdIds: string[];
  active: boolean;
}

/** Community roles of staff in the directory. */
export type StaffRole = 'staff' | 'secretary' | 'grid_worker';

/** A person working for a community: staff (社区工作者), secretary (社区书记) or grid worker (网格员). */
export interface StaffView {
  /** Account id (token `sub`). */
  id: string;
  name: string;
  role: StaffRole;
  communityId: string;
  /** Grids looked after; empty for staff covering the whole community. */
  gridIds: string[];
  active: boolean;
}

/** A property company (物业公司) and the compounds it manages. */
export interface PropertyCompanyView {
  /** Account id of the company (token `sub` of its dispatch account). */
  id: string;
  code: string;
  name: string;
  compoundIds: string[];
  active: boolean;
}

/** Escalation levels of 三级包联: 1 community secretary, 2 town/street official, 3 county leader. */
export type EscalationLevel = 1 | 2 | 3;

/** One rung of a community's escalation chain. */
export interface EscalationLink {
  level: EscalationLevel;
  /** The token role of the person at that level. */
  role: 'secretary' | 'official';
  /** Account id of the person who owns an escalation at that level. */
  userId: string;
}

/** A compound as the directory topic publishes it: its community, buildings and households. */
export interface CompoundPlaceState {
  compoundId: string;
  communityId: string;
  revision: number;
  buildingIds: string[];
  households: Array<{
    householdId: string;
    gridId: string;
    buildingId: string | null;
    residentIds: string[];
  }>;
}

/** A household a resident is registered to, with the names people use for its places. */
export interface ResidentHouseholdView {
  householdId: string;
  code: string;
  addressLabel: string;
  communityId: string;
  communityName: string;
  gridId: string;
  compoundId: string;
  compoundName: string;
  buildingId: string | null;
  buildingName: string | null;
  registeredAt: Date;
}
