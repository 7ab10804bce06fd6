/** Where an offer or assignment stands. */
export type AssignmentStatus =
  | 'offered'
  | 'accepted'
  | 'declined'
  | 'expired'
  | 'withdrawn'
  | 'in_progress'
  | 'completed'
  | 'handed_back';

/** What an assignee does with their task. */
export type AssigneeCommand = 'accept' | 'decline' | 'start' | 'complete' | 'hand back';

// Where each command leaves an assignment, and the states that can only follow from there.
const reachedBy: Record<AssigneeCommand, readonly AssignmentStatus[]> = {
  accept: ['accepted', 'in_progress', 'completed'],
  decline: ['declined'],
  start: ['in_progress', 'completed'],
  complete: ['completed'],
  'hand back': ['handed_back'],
};

/**
 * Whether the assignment already stands where `command` would take it: a repeat of a command that took
 * effect (a double tap, a phone retrying after its answer was lost) is answered with the current state
 * instead of a conflict, and changes nothing.
 */
export function alreadyDone(command: AssigneeCommand, status: AssignmentStatus): boolean {
  return reachedBy[command].includes(status);
}
