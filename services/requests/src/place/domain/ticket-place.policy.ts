// Where a ticket may be filed: every place it names must exist in the directory and lie in the others,
// and a resident files only where they are registered to a household.
import { PlaceMismatchError, ResidentNotRegisteredError, UnknownPlaceError } from './place.errors';

/** The places a ticket names, as the caller gave them. */
export interface NamedPlaces {
  communityId: string;
  gridId: string;
  compoundId?: string;
  buildingId?: string;
  householdId?: string;
}

/** What the directory projection knows of those places. */
export interface KnownPlaces {
  community: { gridIds: readonly string[]; active: boolean } | null;
  /** The compound named, or else the household's. */
  compound: { id: string; communityId: string; buildingIds: readonly string[]; active: boolean } | null;
  household: {
    communityId: string;
    gridId: string;
    compoundId: string;
    buildingId: string | null;
    residentIds: readonly string[];
  } | null;
  /** Whether the filing resident is registered to any household of the community. */
  residentRegisteredInCommunity: boolean;
}

/**
 * Checks the named places against the directory and returns them completed from the household (its
 * compound and building), so dispatch and the offer read the full place. `residentId` is the filer's
 * account when a resident files for themselves; staff and grid workers file within their own scope,
 * which the filing policy checks.
 */
export function placeTicket(given: NamedPlaces, known: KnownPlaces, residentId: string | null): NamedPlaces {
  // The directory stores ids as PostgreSQL prints them: lower case.
  const named = lowerCased(given);
  if (!known.community?.active) throw new UnknownPlaceError('community', named.communityId);
  if (!known.community.gridIds.includes(named.gridId)) {
    throw new PlaceMismatchError('the grid is not in the community', '该网格不属于所选社区');
  }
  const household = named.householdId ? known.household : null;
  if (named.householdId && !household) throw new UnknownPlaceError('household', named.householdId);
  if (household) {
    if (household.communityId !== named.communityId || household.gridId !== named.gridId) {
      throw new PlaceMismatchError(
        'the household is not in the community and grid given',
        '该住户不在所选社区或网格内',
      );
    }
    if (named.compoundId && named.compoundId !== household.compoundId) {
      throw new PlaceMismatchError('the household is not in the compound given', '该住户不在所选小区内');
    }
    if (named.buildingId && named.buildingId !== household.buildingId) {
      throw new PlaceMismatchError('the household is not in the building given', '该住户不在所选楼栋内');
    }
  }
  const compoundId = named.compoundId ?? household?.compoundId;
  if (compoundId) {
    const compound = known.compound;
    if (!compound?.active || compound.id !== compoundId) throw new UnknownPlaceError('compound', compoundId);
    if (compound.communityId !== named.communityId) {
      throw new PlaceMismatchError('the compound is not in the community', '该小区不属于所选社区');
    }
    if (named.buildingId && !compound.buildingIds.includes(named.buildingId)) {
      throw new UnknownPlaceError('building', named.buildingId);
    }
  } else if (named.buildingId) {
    throw new PlaceMismatchError('a building needs its compound', '选择楼栋时须同时选择所在小区');
  }
  if (residentId !== null) {
    if (household && !household.residentIds.includes(residentId)) throw new ResidentNotRegisteredError(true);
    if (!household && !known.residentRegisteredInCommunity) throw new ResidentNotRegisteredError(false);
  }
  const buildingId = named.buildingId ?? household?.buildingId ?? undefined;
  return {
    communityId: named.communityId,
    gridId: named.gridId,
    ...(compoundId ? { compoundId } : {}),
    ...(buildingId ? { buildingId } : {}),
    ...(named.householdId ? { householdId: named.householdId } : {}),
  };
}

function lowerCased(named: NamedPlaces): NamedPlaces {
  return Object.fromEntries(
    Object.entries(named).map(([key, value]) => [
      key,
      typeof value === 'string' ? value.toLowerCase() : value,
    ]),
  ) as unknown as NamedPlaces;
}
