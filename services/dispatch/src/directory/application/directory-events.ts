// The directory events. Each carries the entity's whole current state (the directory topic is
// compacted), built from what was just written, so events never disagree with the tables.
import {
  communityRegisteredV1,
  communityUpdatedV1,
  compoundRegisteredV1,
  compoundUpdatedV1,
  memberRegisteredV1,
  memberUpdatedV1,
  officialRegisteredV1,
  officialUpdatedV1,
  staffRegisteredV1,
  staffUpdatedV1,
  type RecordedEvents,
} from '@loop/contracts';
import type { CompoundPlaceState, StaffRole } from '../domain/directory-views';

/**
 * Where directory events are recorded: the change's unit of work, or the pending events of an import
 * row, handed to the unit once the row's savepoint is kept.
 */
export type DirectoryEvents = Pick<RecordedEvents, 'record'>;

/** Revision and time of a published state. */
export interface PublishedRevision {
  active: boolean;
  revision: number;
  changedAt: Date;
}

/** The name the system acts under when it loads the demo district or changes the directory itself. */
export const DIRECTORY_LOADER = 'dispatch.directory';

/** Records `community.registered` for a new community, `community.updated` otherwise. */
export function recordCommunity(
  events: DirectoryEvents,
  created: boolean,
  state: PublishedRevision & { communityId: string; streetId: string; gridIds: string[] },
): void {
  const payload = {
    ...revisionFields(state),
    communityId: state.communityId,
    streetId: state.streetId,
    gridIds: sorted(state.gridIds),
  };
  if (created) events.record(communityRegisteredV1, payload);
  else events.record(communityUpdatedV1, payload);
}

/**
 * Records `compound.registered` for a new compound, `compound.updated` otherwise: the compound with its
 * buildings, households and the residents registered to them (account ids only, never names).
 */
export function recordCompound(
  events: DirectoryEvents,
  created: boolean,
  state: PublishedRevision & Omit<CompoundPlaceState, 'revision'>,
): void {
  const payload = {
    ...revisionFields(state),
    compoundId: state.compoundId,
    communityId: state.communityId,
    buildingIds: sorted(state.buildingIds),
    households: [...state.households]
      .sort((a, b) => a.householdId.localeCompare(b.householdId))
      .map((household) => ({
        householdId: household.householdId,
        gridId: household.gridId,
        buildingId: household.buildingId,
        residentIds: sorted(household.residentIds),
      })),
  };
  if (created) events.record(compoundRegisteredV1, payload);
  else events.record(compoundUpdatedV1, payload);
}

/** Records `member.registered` for a new member, `member.updated` otherwise; never the name or phone. */
export function recordMember(
  events: DirectoryEvents,
  created: boolean,
  state: PublishedRevision & {
    memberId: string;
    unitId: string;
    communityId: string;
    gridId: string;
    skills: string[];
    householdIds: string[];
  },
): void {
  const payload = {
    ...revisionFields(state),
    memberId: state.memberId,
    unitId: state.unitId,
    communityId: state.communityId,
    gridId: state.gridId,
    skills: sorted(state.skills),
    householdIds: sorted(state.householdIds),
  };
  if (created) events.record(memberRegisteredV1, payload);
  else events.record(memberUpdatedV1, payload);
}

/** Records `staff.registered` for a new staff member, `staff.updated` otherwise. */
export function recordStaff(
  events: DirectoryEvents,
  created: boolean,
  state: PublishedRevision & { staffId: string; role: StaffRole; communityId: string; gridIds: string[] },
): void {
  const payload = {
    ...revisionFields(state),
    staffId: state.staffId,
    role: state.role,
    communityId: state.communityId,
    gridIds: sorted(state.gridIds),
  };
  if (created) events.record(staffRegisteredV1, payload);
  else events.record(staffUpdatedV1, payload);
}

/** Records `official.registered` for a new official, `official.updated` otherwise. */
export function recordOfficial(
  events: DirectoryEvents,
  created: boolean,
  state: PublishedRevision & { officialId: string; escalationLevel: 2 | 3; communityIds: string[] },
): void {
  const payload = {
    ...revisionFields(state),
    officialId: state.officialId,
    escalationLevel: state.escalationLevel,
    communityIds: sorted(state.communityIds),
  };
  if (created) events.record(officialRegisteredV1, payload);
  else events.record(officialUpdatedV1, payload);
}

function revisionFields(state: PublishedRevision) {
  return { active: state.active, revision: state.revision, changedAt: state.changedAt.toISOString() };
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}
