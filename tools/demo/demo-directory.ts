// Reads the communities the demo day is played in from the dispatch directory's admin API — the same
// facts dispatch works from — rather than from any database.
import type { DemoCommunity } from './demo-day-plan';
import type { LoopClient } from './loop-client';

// Enough addresses per grid for a varied day without reading the whole district.
const householdsPerGrid = 25;

/** The chosen communities with their grids, a sample of households, grid workers and staff. */
export async function readDemoCommunities(
  client: LoopClient,
  adminToken: string,
  communityIds: readonly string[],
): Promise<DemoCommunity[]> {
  return Promise.all(
    communityIds.map(async (communityId) => {
      const [detail, staff] = await Promise.all([
        client.community(adminToken, communityId),
        client.staffOf(adminToken, communityId),
      ]);
      const grids = (detail.grids ?? []).filter((grid) => grid.active);
      const households = (
        await Promise.all(
          grids.map((grid) => client.householdsOf(adminToken, communityId, grid.id, householdsPerGrid)),
        )
      ).flat();
      // Only a resident registered to a household files for it; households nobody is registered to are left out.
      const residents = await Promise.all(
        households.map((household) => client.residentsOf(adminToken, household.id)),
      );
      const active = staff.filter((person) => person.active);
      return {
        id: detail.id,
        code: detail.code,
        autoDispatch: detail.autoDispatch,
        grids: grids.map((grid) => ({ id: grid.id, code: grid.code })),
        households: households.flatMap(({ id, gridId, compoundId, buildingId, addressLabel }, index) =>
          residents[index].length > 0
            ? [{ id, gridId, compoundId, buildingId, addressLabel, residentId: residents[index][0] }]
            : [],
        ),
        gridWorkers: active
          .filter((person) => person.role === 'grid_worker')
          .map((person) => ({ id: person.id, gridIds: person.gridIds })),
        staffIds: active.filter((person) => person.role === 'staff').map((person) => person.id),
      };
    }),
  );
}
