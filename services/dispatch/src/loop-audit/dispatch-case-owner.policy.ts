// Who must act next on a dispatch case, read off its stored state: the holder of the live offer or
// assignment while one exists, the escalation holder or the community's staff queue while the ticket
// waits for dispatch, and nobody once the work is resolved or the ticket is closed or cancelled.
import type { DispatchCaseOwner } from '@loop/contracts';

/** The parts of a case (and its current assignment) that decide its owner. */
export interface CaseOwnership {
  status: string;
  communityId: string;
  escalationLevel: number;
  escalatedToRole: string | null;
  escalatedToId: string | null;
  /** The assignee of the case's current assignment, when it has one. */
  assigneeKind: string | null;
  assigneeId: string | null;
}

const heldStatuses = ['offered', 'accepted', 'in_progress'];

/** Who must act next on the case; null when it is not open or nobody holds it. */
export function dispatchCaseOwner(ownership: CaseOwnership): DispatchCaseOwner | null {
  const { status } = ownership;
  if (heldStatuses.includes(status)) {
    if (!ownership.assigneeId) return null;
    return {
      kind: ownership.assigneeKind === 'property_company' ? 'property_company' : 'member',
      id: ownership.assigneeId,
    };
  }
  if (status !== 'awaiting_dispatch') return null;
  // An escalated ticket answers to whoever it was escalated to; otherwise staff dispatch it from the board.
  if (ownership.escalationLevel > 0 && ownership.escalatedToId) {
    return {
      kind: ownership.escalatedToRole === 'secretary' ? 'secretary' : 'official',
      id: ownership.escalatedToId,
    };
  }
  return { kind: 'community', id: ownership.communityId };
}
