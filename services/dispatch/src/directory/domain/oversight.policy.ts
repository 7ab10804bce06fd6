import type { StaffRole } from './directory-views';

/** Who changes the directory, as far as the oversight rules care. */
export interface DirectoryActor {
  /** True for the district admin only: the level above every community. */
  readonly districtWide: boolean;
}

/**
 * An entry that may belong to a community's oversight chain (三级包联): a staff row before and after the
 * change (the role before is absent for a new row), or an official (levels 2 and 3 are the chain itself).
 */
export type ChainCandidate =
  | { kind: 'staff'; roleBefore?: StaffRole; roleAfter: StaffRole }
  | { kind: 'official' };

/**
 * The oversight chain is set from above: a community's secretary (escalation level 1) and the officials
 * over it are who a ticket escalates to when the community fails it, so the people they oversee must
 * not be able to appoint, demote or retire them; nor may anyone below the district carry an existing
 * entry from one community into another, which would let one community take over another's places.
 */
export const oversightPolicy = {
  /** Whether the change creates, changes or removes a link of the oversight chain. */
  touchesChain(entry: ChainCandidate): boolean {
    if (entry.kind === 'official') return true;
    return entry.roleBefore === 'secretary' || entry.roleAfter === 'secretary';
  },

  /** Whether the actor may make this change to an entry that may be in the oversight chain. */
  mayChange(actor: DirectoryActor, entry: ChainCandidate): boolean {
    return actor.districtWide || !oversightPolicy.touchesChain(entry);
  },

  /**
   * Whether the actor may put an entry that lies in community `from` (absent for a new entry) into
   * community `to`. Ids are compared as given: place ids are lower-case uuids everywhere.
   */
  mayMove(actor: DirectoryActor, from: string | null | undefined, to: string): boolean {
    return actor.districtWide || from === null || from === undefined || from === to;
  },
};
