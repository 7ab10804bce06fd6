// The rules of merging one ticket into another, checked before the state changes. Pure.
import type { TicketState } from '../../ticket/domain/ticket.aggregate';
import { cancellableTicketStatuses } from '../../ticket/domain/ticket-status';
import {
  AlreadyMergedError,
  DuplicateHasDuplicatesError,
  MasterIsMergedError,
  MergeAcrossCommunitiesError,
  MergeIntoItselfError,
  MergeNotOpenError,
} from './duplicate.errors';

/** What a merge is: new, or the same merge again (a second staff member racing the first, a retry). */
export type MergeDecision = 'merge' | 'merged-already';

/**
 * Checks that `duplicate` may be merged into `master`: two different tickets of one community, both
 * open and unresolved; the master not itself merged (no chains: the caller is told which ticket to
 * merge into instead) and the duplicate no master of others. Merging a pair merged already is no error.
 */
export function decideMerge(
  duplicate: TicketState,
  master: TicketState,
  duplicateHasDuplicates: boolean,
): MergeDecision {
  if (duplicate.id === master.id) throw new MergeIntoItselfError();
  if (duplicate.mergedInto === master.id) return 'merged-already';
  if (duplicate.location.communityId !== master.location.communityId) throw new MergeAcrossCommunitiesError();
  if (master.mergedInto) throw new MasterIsMergedError(master.mergedInto);
  if (duplicate.mergedInto) throw new AlreadyMergedError(duplicate.mergedInto);
  if (duplicateHasDuplicates) throw new DuplicateHasDuplicatesError();
  if (!cancellableTicketStatuses.includes(duplicate.status))
    throw new MergeNotOpenError('duplicate', duplicate.status);
  if (!cancellableTicketStatuses.includes(master.status))
    throw new MergeNotOpenError('master', master.status);
  return 'merge';
}
