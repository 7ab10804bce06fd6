// What the desk may do with a ticket's dispatch case: offer a waiting ticket, or withdraw the live
// offer or assignment and offer the work to someone else. Anything past the work (resolved, closed,
// cancelled) is beyond dispatch.
import type { DispatchSchemas } from '../api/clients';

/** A dispatch case with its offers. */
export type DispatchCase = DispatchSchemas['schemas']['DispatchCaseDetailResponse'];
/** Who the work goes to. */
export type Assignee = DispatchSchemas['schemas']['AssigneeRequest'];

/** The call that puts the work with `assignee`, or undefined when the case is past dispatch. */
export type DispatchMove =
  | { kind: 'dispatch'; body: { assignee: Assignee } }
  | { kind: 'redispatch'; body: { assignee: Assignee; replacesAssignmentId: string } };

const live = new Set(['offered', 'accepted', 'in_progress']);

/** Dispatch for a waiting case, redispatch for one with a live offer or assignment. */
export function dispatchMove(dispatchCase: DispatchCase, assignee: Assignee): DispatchMove | undefined {
  if (dispatchCase.status === 'awaiting_dispatch') return { kind: 'dispatch', body: { assignee } };
  if (live.has(dispatchCase.status) && dispatchCase.currentAssignmentId)
    return {
      kind: 'redispatch',
      body: { assignee, replacesAssignmentId: dispatchCase.currentAssignmentId },
    };
  return undefined;
}

/** True when `assignee` holds the case now (offering it to them again would be refused). */
export function holds(dispatchCase: DispatchCase, assignee: Assignee): boolean {
  return dispatchCase.assignee?.id === assignee.id && dispatchCase.assignee.kind === assignee.kind;
}
