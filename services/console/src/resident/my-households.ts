// The households a resident is registered to (GET /directory/me/households on dispatch), for the location
// of a request. Where none is listed — the community has not registered the resident yet, or dispatch
// cannot be reached — the form falls back to the account's own community and grid.
import { data, dispatchApi, type DispatchSchemas } from '../api/clients';
import type { Home } from '../session/session';

/** A household the resident is registered to. */
export type Household = DispatchSchemas['schemas']['ResidentHouseholdResponse'];

/** The resident's households; empty when dispatch lists none or does not answer. */
export async function loadMyHouseholds(): Promise<Household[]> {
  try {
    return await data(dispatchApi.GET('/directory/me/households'));
  } catch {
    return [];
  }
}

/** Where a request is filed from: a household, or the account's community and grid. */
export function locationOf(household: Household | undefined, home: Home | undefined): Home | undefined {
  if (household)
    return {
      communityId: household.communityId,
      gridId: household.gridId,
      householdId: household.householdId,
      label: household.addressLabel,
    };
  return home;
}
