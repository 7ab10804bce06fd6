import type { UnitOfWork } from '@loop/messaging';
import type { CompoundPlacesRepository } from '../infrastructure/compound-places.typeorm-repository';
import type { DirectoryRepository } from '../infrastructure/directory.typeorm-repository';
import { recordCompound } from './directory-events';

/**
 * The compounds a directory change touched — the compound itself, a building or household in it, a
 * resident registered to one of its households. Each is published once, with its whole state, when the
 * change's transaction ends: an import of 500 households in one compound publishes one event, not 500.
 */
export class TouchedCompounds {
  // compound id → whether it was created by this change
  private readonly touched = new Map<string, boolean>();

  /** Notes a compound whose published state changed; `created` when the change created it. */
  touch(compoundId: string, created = false): void {
    this.touched.set(compoundId, (this.touched.get(compoundId) ?? false) || created);
  }

  /** Takes over what another collection noted (a row's, once its savepoint is released). */
  merge(other: TouchedCompounds): void {
    for (const [compoundId, created] of other.touched) this.touch(compoundId, created);
  }

  /**
   * Raises the revision of each changed compound at the unit's instant, reads the states back and records
   * their events; a compound created by this change is published as registered at revision 1. Returns
   * how many it published.
   */
  async publish(
    unit: UnitOfWork,
    repositories: { directory: DirectoryRepository; compounds: CompoundPlacesRepository },
  ): Promise<number> {
    if (this.touched.size === 0) return 0;
    const { manager, now } = unit;
    const ids = [...this.touched.keys()].sort();
    for (const id of ids) {
      if (!this.touched.get(id))
        await repositories.directory.bumpRevision(manager, 'directory_compound', id, now);
    }
    const states = await repositories.compounds.statesOf(manager, ids);
    for (const state of states) {
      recordCompound(unit, this.touched.get(state.compoundId) === true, {
        ...state,
        active: true,
        changedAt: now,
      });
    }
    this.touched.clear();
    return states.length;
  }
}
