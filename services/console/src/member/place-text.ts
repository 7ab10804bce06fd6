// A task's place in one line, from the most precise part people name (the household's address) down to
// the community.
import type { DispatchSchemas } from '../api/clients';

type TaskPlace = DispatchSchemas['schemas']['TaskPlaceResponse'];

/** `幸福小区3号楼2单元401 · 冶河社区`, skipping the parts the directory does not know. */
export function placeText(place: TaskPlace): string {
  const precise = place.household ?? [place.compound, place.building].filter(Boolean).join(' ');
  return [precise, place.grid, place.community].filter(Boolean).join(' · ');
}
