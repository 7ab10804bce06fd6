// Which community a desk screen works in: the token's communities (staff, secretaries, officials), or
// every community for an admin, with names where the directory tells them. The choice is shared by the
// desk's screens for the tab's lifetime.
import { computed, ref } from 'vue';
import { data, dispatchApi } from '../api/clients';
import { claims } from '../session/session';

/** A community the person may pick. */
export interface DeskCommunity {
  id: string;
  name: string;
}

const known = ref<DeskCommunity[]>([]);
const chosen = ref<string>();
let loading: Promise<void> | undefined;

/** The communities of the token, named by the directory when it answers (staff and admins). */
async function loadCommunities(): Promise<void> {
  const own = claims.value?.community_ids ?? [];
  known.value = own.map((id) => ({ id, name: id.slice(0, 8) }));
  const roles = claims.value?.roles ?? [];
  if (!roles.includes('admin') && !roles.includes('staff')) return;
  try {
    const listed = await data(dispatchApi.GET('/directory/communities'));
    const visible = roles.includes('admin') ? listed : listed.filter((c) => own.includes(c.id));
    if (visible.length) known.value = visible.map((c) => ({ id: c.id, name: `${c.name}（${c.code}）` }));
  } catch {
    // The ids are enough to work with; the names are a courtesy.
  }
}

/** The communities to choose from and the chosen one (the first until the person picks another). */
export function useDeskCommunity() {
  loading ??= loadCommunities();
  const ready = loading;
  const communityId = computed<string | undefined>({
    get: () => chosen.value ?? known.value[0]?.id,
    set: (id) => (chosen.value = id),
  });
  const nameOf = (id: string) => known.value.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  return { communities: known, communityId, ready, nameOf };
}

/** Forgets the communities (another person signs in in this tab). */
export function forgetDeskCommunities(): void {
  known.value = [];
  chosen.value = undefined;
  loading = undefined;
}
