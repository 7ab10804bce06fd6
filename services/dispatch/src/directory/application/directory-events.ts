// Envelopes of the directory events. Each carries the entity's whole current state (the directory
// topic is compacted), built from what was just written, so events never disagree with the tables.
import {
  ActorRef,
  buildEnvelope,
  communityRegisteredV1,
  communityUpdatedV1,
  compoundRegisteredV1,
  compoundUpdatedV1,
  EventEnvelope,
  memberRegisteredV1,
  memberUpdatedV1,
  officialRegisteredV1,
  officialUpdatedV1,
  staffRegisteredV1,
  staffUpdatedV1,
} from '@loop/contracts';
import type { CompoundPlaceState, StaffRole } from '../domain/directory-views';

/** Who changed the directory, and the request the change belongs to. */
export interface DirectoryEventContext {
  actor: ActorRef;
  correlationId?: string;
  clock: { now(): Date };
}

/** Revision and time of a published state. */
export interface PublishedRevision {
  active: boolean;
  revision: number;
  changedAt: Date;
}

/** The system actor of the demo district loader and other automatic directory changes. */
export const directorySystemActor: ActorRef = { role: 'system', id: 'dispatch.directory' };

/** `community.registered` for a new community, `community.updated` otherwise. */
export function communityEvent(
  created: boolean,
  state: PublishedRevision & { communityId: string; streetId: string; gridIds: string[] },
  context: DirectoryEventContext,
): EventEnvelope {
  const payload = {
    ...revisionFields(state),
    communityId: state.communityId,
    streetId: state.streetId,
    gridIds: sorted(state.gridIds),
  };
  return created
    ? buildEnvelope(communityRegisteredV1, payload, envelopeContext(context))
    : buildEnvelope(communityUpdatedV1, payload, envelopeContext(context));
}

/**
 * `compound.registered` for a new compound, `compound.updated` otherwise: the compound with its
 * buildings, households and the residents registered to them (account ids only, never names).
 */
export function compoundEvent(
  created: boolean,
  state: PublishedRevision & Omit<CompoundPlaceState, 'revision'>,
  context: DirectoryEventContext,
): EventEnvelope {
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
  return created
    ? buildEnvelope(compoundRegisteredV1, payload, envelopeContext(context))
    : buildEnvelope(compoundUpdatedV1, payload, envelopeContext(context));
}

/** `member.registered` for a new member, `member.updated` otherwise; never the member's name or phone. */
export function memberEvent(
  created: boolean,
  state: PublishedRevision & {
    memberId: string;
    unitId: string;
    communityId: string;
    gridId: string;
    skills: string[];
    householdIds: string[];
  },
  context: DirectoryEventContext,
): EventEnvelope {
  const payload = {
    ...revisionFields(state),
    memberId: state.memberId,
    unitId: state.unitId,
    communityId: state.communityId,
    gridId: state.gridId,
    skills: sorted(state.skills),
    householdIds: sorted(state.householdIds),
  };
  return created
    ? buildEnvelope(memberRegisteredV1, payload, envelopeContext(context))
    : buildEnvelope(memberUpdatedV1, payload, envelopeContext(context));
}

/** `staff.registered` for a new staff member, `staff.updated` otherwise. */
export function staffEvent(
  created: boolean,
  state: PublishedRevision & { staffId: string; role: StaffRole; communityId: string; gridIds: string[] },
  context: DirectoryEventContext,
): EventEnvelope {
  const payload = {
    ...revisionFields(state),
    staffId: state.staffId,
    role: state.role,
    communityId: state.communityId,
    gridIds: sorted(state.gridIds),
  };
  return created
    ? buildEnvelope(staffRegisteredV1, payload, envelopeContext(context))
    : buildEnvelope(staffUpdatedV1, payload, envelopeContext(context));
}

/** `official.registered` for a new official, `official.updated` otherwise. */
export function officialEvent(
  created: boolean,
  state: PublishedRevision & { officialId: string; escalationLevel: 2 | 3; communityIds: string[] },
  context: DirectoryEventContext,
): EventEnvelope {
  const payload = {
    ...revisionFields(state),
    officialId: state.officialId,
    escalationLevel: state.escalationLevel,
    communityIds: sorted(state.communityIds),
  };
  return created
    ? buildEnvelope(officialRegisteredV1, payload, envelopeContext(context))
    : buildEnvelope(officialUpdatedV1, payload, envelopeContext(context));
}

function revisionFields(state: PublishedRevision) {
  return { active: state.active, revision: state.revision, changedAt: state.changedAt.toISOString() };
}

function envelopeContext(context: DirectoryEventContext) {
  return { actor: context.actor, correlationId: context.correlationId, clock: context.clock };
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}
