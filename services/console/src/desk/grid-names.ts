// Grid names of a community from the directory (staff and admins may read it); the short id otherwise.
import { ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { data, dispatchApi } from '../api/clients';

/** A function naming a grid of the community, updated when the community changes. */
export function useGridNames(communityId: MaybeRefOrGetter<string | undefined>): (gridId: string) => string {
  const names = ref<Record<string, string>>({});
  watch(
    () => toValue(communityId),
    async (id) => {
      names.value = {};
      if (!id) return;
      try {
        const community = await data(
          dispatchApi.GET('/directory/communities/{communityId}', { params: { path: { communityId: id } } }),
        );
        names.value = Object.fromEntries(community.grids.map((grid) => [grid.id, grid.name]));
      } catch {
        // Officials do not read the directory; they see the grid's short id.
      }
    },
    { immediate: true },
  );
  return (gridId) => names.value[gridId] ?? gridId.slice(0, 8);
}
