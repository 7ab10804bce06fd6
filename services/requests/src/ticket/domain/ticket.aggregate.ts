// The ticket and its state machine: what residents and staff may do to it, and how the facts dispatch
// publishes move it along the loop without ever letting a stale or re-ordered fact move it backwards.
import {
  ActorRole,
  RecordedEvents,
  TicketCancellationReason,
  ticketCancelledV1,
  ticketConfirmedV1,
  ticketMergedV1,
  TicketReopenReason,
  ticketReopenedV1,
  ticketSubmittedV1,
  ticketUnmergedV1,
} from '@loop/contracts';
import { cancellableTicketStatuses, isOpenStatus, statusRank, TicketStatus } from './ticket-status';
import {
  MergedDuplicateActionError,
  ReopenWindowClosedError,
  TicketTransitionRefusedError,
} from './ticket.errors';
import type { VerdictSource } from './ticket-visibility.policy';

/** Who acted: an account in a role, or `system`. */
export interface Actor {
  role: string;
  id: string;
}

/** Who holds the work: a party member or a property company. */
export interface Assignee {
  kind: 'member' | 'property_company';
  id: string;
}

/** The offer or assignment the ticket currently rests on. */
export interface CurrentAssignment {
  id: string;
  assignee: Assignee;
}

/** A file the resident attached; the bytes live elsewhere, the ticket keeps a reference. */
export interface AttachmentReference {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** Where the need is. */
export interface TicketLocation {
  communityId: string;
  gridId: string;
  compoundId?: string;
  buildingId?: string;
  householdId?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
}

/** How to reach the resident; kept in this service only, never put in an event. */
export interface ResidentContact {
  name?: string;
  phone?: string;
}

/** Everything the service knows about one ticket. */
export interface TicketState {
  id: string;
  number: string;
  residentId: string | null;
  filedBy: Actor;
  source: 'app' | 'grid_patrol' | 'hotline' | 'walk_in';
  categoryCode: string;
  urgency: 'normal' | 'urgent' | 'emergency';
  title: string;
  description: string;
  location: TicketLocation;
  contact: ResidentContact | null;
  attachments: AttachmentReference[];
  status: TicketStatus;
  /** When the fact that set the current status happened; older facts cannot change it. */
  statusChangedAt: Date;
  escalationLevel: number;
  assignment: CurrentAssignment | null;
  /** Assignments that ended (declined, expired, handed back, or reopened as not holding): their facts change nothing. */
  retiredAssignmentIds: string[];
  acceptDueAt: Date | null;
  completionDueAt: Date | null;
  autoConfirmDueAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  rating: number | null;
  confirmationComment: string | null;
  autoConfirmed: boolean;
  reopenCount: number;
  submittedAt: Date;
  /** The master this ticket was merged into as a duplicate report; null when it runs its own loop. */
  mergedInto: string | null;
  /**
   * Whether a duplicate was ever merged into this ticket. Only such a master has followers to bring in
   * step, so every other ticket's step skips looking for them.
   */
  hasDuplicates: boolean;
}

/** A dispatch fact as the state machine sees it (translated from the dispatch events). */
export type DispatchFact =
  | {
      kind: 'dispatched';
      assignmentId: string;
      assignee: Assignee;
      offerExpiresAt: Date;
      completionDueAt: Date;
      occurredAt: Date;
    }
  | { kind: 'accepted'; assignmentId: string; assignee: Assignee; completionDueAt: Date; occurredAt: Date }
  | { kind: 'started' | 'completed'; assignmentId: string; assignee: Assignee; occurredAt: Date }
  | { kind: 'declined' | 'expired' | 'handed_back'; assignmentId: string; occurredAt: Date }
  | { kind: 'escalated'; level: number; occurredAt: Date }
  | {
      kind: 'queued';
      reason: 'submitted' | 'returned' | 'reopened';
      acceptDueAt: Date;
      completionDueAt: Date;
      occurredAt: Date;
    };

/** What a dispatch fact did to the ticket: changed it, or only goes on the timeline (and why). */
export type ProjectionOutcome = 'applied' | 'stale' | 'not-applicable';

const targetStatus = {
  dispatched: 'dispatched',
  accepted: 'accepted',
  started: 'in_progress',
  completed: 'resolved',
} as const satisfies Partial<Record<DispatchFact['kind'], TicketStatus>>;

type ReturnFact = Extract<DispatchFact, { kind: 'declined' | 'expired' | 'handed_back' }>;

function isReturn(fact: DispatchFact): fact is ReturnFact {
  return fact.kind === 'declined' || fact.kind === 'expired' || fact.kind === 'handed_back';
}

/** Why a ticket is cancelled. */
export interface CancellationReason {
  reasonCode: TicketCancellationReason;
  reasonText?: string;
}

/** Why the resident reopens a ticket. */
export interface ReopenReason {
  reasonCode: TicketReopenReason;
  reasonText: string;
}

/** How a duplicate report came to be merged into its master. */
export interface MergeCircumstances {
  /** Merged by the community's auto-merge rather than by staff. */
  auto: boolean;
  /** Text similarity of the two tickets (0–1). */
  similarity: number;
  reason?: string;
}

/** A ticket and the rules for changing it. */
export class Ticket {
  /** The events this ticket's changes published since it was loaded or submitted, oldest first. */
  readonly events = new RecordedEvents();

  constructor(private readonly current: TicketState) {}

  /** A new ticket, just submitted. */
  static submit(fields: Omit<TicketState, SubmittedDefaults>): Ticket {
    const ticket = new Ticket({
      ...fields,
      status: 'submitted',
      statusChangedAt: fields.submittedAt,
      escalationLevel: 0,
      assignment: null,
      retiredAssignmentIds: [],
      acceptDueAt: null,
      completionDueAt: null,
      autoConfirmDueAt: null,
      resolvedAt: null,
      closedAt: null,
      cancelledAt: null,
      rating: null,
      confirmationComment: null,
      autoConfirmed: false,
      reopenCount: 0,
      mergedInto: null,
      hasDuplicates: false,
    });
    ticket.events.record(ticketSubmittedV1, submittedPayload(ticket.current));
    return ticket;
  }

  /** A copy of the current state. */
  get state(): TicketState {
    return { ...this.current, retiredAssignmentIds: [...this.current.retiredAssignmentIds] };
  }

  /** The current status. */
  get status(): TicketStatus {
    return this.current.status;
  }

  /** Cancels an open, unresolved ticket. */
  cancel(now: Date, reason: CancellationReason): void {
    if (!cancellableTicketStatuses.includes(this.current.status)) {
      throw new TicketTransitionRefusedError('cancel', this.current.status);
    }
    this.moveTo('cancelled', now);
    this.current.cancelledAt = now;
    this.clearDeadlines();
    this.events.record(ticketCancelledV1, {
      ticketId: this.current.id,
      reasonCode: reason.reasonCode,
      ...(reason.reasonText ? { reasonText: reason.reasonText } : {}),
      cancelledAt: now.toISOString(),
    });
  }

  /** The master this ticket follows, or null when it runs its own loop. */
  get mergedInto(): string | null {
    return this.current.mergedInto;
  }

  /**
   * Merges this open, unresolved ticket into `master` (open, unresolved, not itself merged, another
   * ticket) as a duplicate report: its own assignment ends for good, and it takes the master's place in
   * the loop (see `followMaster`). The caller checks the rules of `duplicate-merge.policy`.
   */
  mergeInto(master: TicketState, now: Date, how: MergeCircumstances): void {
    const own = this.current.assignment;
    if (own) this.retire(own.id);
    this.current.assignment = null;
    this.current.mergedInto = master.id;
    this.moveTo(this.current.status, now);
    this.events.record(ticketMergedV1, {
      ticketId: this.current.id,
      ticketNumber: this.current.number,
      masterTicketId: master.id,
      masterTicketNumber: master.number,
      auto: how.auto,
      similarity: how.similarity,
      ...(how.reason ? { reason: how.reason } : {}),
      mergedAt: now.toISOString(),
    });
    this.followMaster(master, now);
  }

  /** Notes that a duplicate report was merged into this ticket: from now on its steps have followers. */
  acceptDuplicate(): void {
    this.current.hasDuplicates = true;
  }

  /**
   * Takes a merged duplicate out of its master: it waits for dispatch again from scratch, and the
   * master's assignment is nothing to it any more.
   */
  unmerge(now: Date, reason: string): void {
    const masterId = this.current.mergedInto;
    if (!masterId || !cancellableTicketStatuses.includes(this.current.status)) {
      throw new TicketTransitionRefusedError('unmerge', this.current.status);
    }
    const followed = this.current.assignment;
    if (followed) this.retire(followed.id);
    this.current.mergedInto = null;
    this.current.assignment = null;
    this.current.escalationLevel = 0;
    this.moveTo('submitted', now);
    this.clearDeadlines();
    this.events.record(ticketUnmergedV1, {
      ticketId: this.current.id,
      masterTicketId: masterId,
      reason,
      unmergedAt: now.toISOString(),
    });
  }

  /**
   * A merged duplicate takes its master's place in the loop: the master's status, assignment and
   * deadlines (no auto-confirmation of its own — the master's closure closes it). A duplicate that is
   * closed or cancelled stays so. Says whether the duplicate changed, and whether it is now closed
   * because the master closed; that closure is published as the duplicate's own automatic
   * confirmation, marked with `duplicateOf` so that it credits no hours.
   */
  followMaster(master: TicketState, at: Date): 'closed' | 'moved' | 'unchanged' {
    const ticket = this.current;
    if (ticket.mergedInto !== master.id || !isOpenStatus(ticket.status)) return 'unchanged';
    if (master.status === 'closed') {
      if (ticket.status !== 'resolved') return 'unchanged';
      this.close(at, null, null, true);
      if (ticket.assignment) {
        this.events.record(ticketConfirmedV1, {
          ticketId: ticket.id,
          assignmentId: ticket.assignment.id,
          rating: null,
          auto: true,
          confirmedBy: 'auto',
          duplicateOf: master.id,
          confirmedAt: at.toISOString(),
        });
      }
      return 'closed';
    }
    if (master.status === 'cancelled') return 'unchanged';
    const sameAssignment = ticket.assignment?.id === master.assignment?.id;
    if (ticket.status === master.status && sameAssignment && ticket.escalationLevel >= master.escalationLevel)
      return 'unchanged';
    if (ticket.assignment && !sameAssignment) this.retire(ticket.assignment.id);
    this.moveTo(master.status, at);
    ticket.assignment = master.assignment
      ? { id: master.assignment.id, assignee: { ...master.assignment.assignee } }
      : null;
    ticket.escalationLevel = Math.max(ticket.escalationLevel, master.escalationLevel);
    ticket.acceptDueAt = master.acceptDueAt;
    ticket.completionDueAt = master.completionDueAt;
    ticket.autoConfirmDueAt = null;
    ticket.resolvedAt = master.status === 'resolved' ? master.resolvedAt : null;
    return 'moved';
  }

  /**
   * Closes a resolved ticket with the resident's rating, given by them or taken by staff on a callback;
   * returns the assignment whose work is confirmed.
   */
  confirm(rating: number, comment: string | null, now: Date, confirmedBy: VerdictSource): string {
    const assignmentId = this.requireResolvedAssignment('confirm');
    this.close(now, rating, comment, false);
    this.events.record(ticketConfirmedV1, {
      ticketId: this.current.id,
      assignmentId,
      rating,
      auto: false,
      confirmedBy,
      // A merged duplicate's verdict is its resident's own; only the master's credits hours.
      ...(this.current.mergedInto ? { duplicateOf: this.current.mergedInto } : {}),
      confirmedAt: now.toISOString(),
    });
    return assignmentId;
  }

  /**
   * Closes a resolved ticket the resident did not confirm in time. Returns the confirmed assignment,
   * or null when the timer is out of date (the ticket was confirmed, reopened or resolved again since).
   */
  autoConfirm(assignmentId: string, now: Date): string | null {
    if (this.current.status !== 'resolved' || this.current.assignment?.id !== assignmentId) return null;
    this.close(now, null, null, true);
    this.events.record(ticketConfirmedV1, {
      ticketId: this.current.id,
      assignmentId,
      rating: null,
      auto: true,
      confirmedBy: 'auto',
      confirmedAt: now.toISOString(),
    });
    return assignmentId;
  }

  /**
   * Sends a resolved or closed ticket back into dispatch, within `window` of its resolution.
   * Returns the state it was reopened from and the assignment whose work did not hold.
   */
  reopen(
    now: Date,
    windowMs: number,
    reason: ReopenReason,
  ): { reopenedFrom: 'resolved' | 'closed'; assignmentId: string } {
    const from = this.current.status;
    if (this.current.mergedInto) throw new MergedDuplicateActionError('reopen');
    if ((from !== 'resolved' && from !== 'closed') || !this.current.assignment || !this.current.resolvedAt) {
      throw new TicketTransitionRefusedError('reopen', from);
    }
    const windowEnd = new Date(this.current.resolvedAt.getTime() + windowMs);
    if (now.getTime() > windowEnd.getTime()) throw new ReopenWindowClosedError(windowEnd);
    const assignmentId = this.current.assignment.id;
    this.retire(assignmentId);
    this.moveTo('reopened', now);
    this.current.reopenCount += 1;
    this.current.assignment = null;
    this.current.resolvedAt = null;
    this.current.closedAt = null;
    this.current.rating = null;
    this.current.confirmationComment = null;
    this.current.autoConfirmed = false;
    this.clearDeadlines();
    this.events.record(ticketReopenedV1, {
      ticketId: this.current.id,
      assignmentId,
      reopenedFrom: from,
      reasonCode: reason.reasonCode,
      reasonText: reason.reasonText,
      reopenCount: this.current.reopenCount,
      reopenedAt: now.toISOString(),
    });
    return { reopenedFrom: from, assignmentId };
  }

  /** Records when an unconfirmed resolution will be confirmed automatically. */
  awaitConfirmationUntil(dueAt: Date): void {
    this.current.autoConfirmDueAt = dueAt;
  }

  /**
   * Applies a dispatch fact. A return (decline, expiry, hand-back) ends its assignment for good, even
   * when it overtakes the offer it ends; facts of ended assignments change nothing. Otherwise a fact
   * older than the one that set the current status is stale; within one assignment a status only moves
   * forward; closed, cancelled and resolved tickets wait for the resident, not for dispatch. Escalation
   * only ever raises the level. A queue notice never changes the status: it gives a ticket waiting for
   * dispatch the deadlines it waits against.
   */
  apply(fact: DispatchFact): ProjectionOutcome {
    const ticket = this.current;
    if (!isOpenStatus(ticket.status)) return 'not-applicable';
    // A merged duplicate follows its master; its own case was withdrawn, so its own facts change nothing.
    if (ticket.mergedInto) return 'not-applicable';
    if (fact.kind === 'escalated') {
      if (fact.level <= ticket.escalationLevel) return 'not-applicable';
      ticket.escalationLevel = fact.level;
      return 'applied';
    }
    if (isReturn(fact)) return this.returnWork(fact);
    if (fact.kind === 'queued') return this.awaitDispatch(fact);
    if (ticket.retiredAssignmentIds.includes(fact.assignmentId)) return 'not-applicable';
    if (fact.occurredAt.getTime() < ticket.statusChangedAt.getTime()) return 'stale';
    return this.advance(fact);
  }

  private advance(fact: Extract<DispatchFact, { assignee: Assignee }>): ProjectionOutcome {
    const ticket = this.current;
    const target = targetStatus[fact.kind];
    if (ticket.status === 'resolved') return 'stale';
    const sameAssignment = ticket.assignment?.id === fact.assignmentId;
    // Within one assignment only a later step counts; a different assignment that is newer than the
    // current status has superseded it (a re-dispatch), so it is taken as it comes.
    if (sameAssignment && statusRank(target) <= statusRank(ticket.status)) return 'stale';
    this.moveTo(target, fact.occurredAt);
    ticket.assignment = { id: fact.assignmentId, assignee: fact.assignee };
    if (fact.kind === 'dispatched') {
      ticket.acceptDueAt = fact.offerExpiresAt;
      ticket.completionDueAt = fact.completionDueAt;
    } else if (fact.kind === 'accepted') {
      ticket.acceptDueAt = null;
      ticket.completionDueAt = fact.completionDueAt;
    } else if (fact.kind === 'completed') {
      ticket.acceptDueAt = null;
      ticket.completionDueAt = null;
      ticket.resolvedAt = fact.occurredAt;
    } else {
      ticket.acceptDueAt = null;
    }
    return 'applied';
  }

  // The ticket waits for the community's staff: it keeps its status and gains the deadlines it waits
  // against. A notice older than the current status (e.g. overtaken by an offer) moves nothing back; one
  // that finds the work still held means its return has not arrived yet, and the return decides.
  private awaitDispatch(fact: Extract<DispatchFact, { kind: 'queued' }>): ProjectionOutcome {
    const ticket = this.current;
    if (fact.occurredAt.getTime() < ticket.statusChangedAt.getTime()) return 'stale';
    if (ticket.status !== 'submitted' && ticket.status !== 'reopened') return 'not-applicable';
    ticket.acceptDueAt = fact.acceptDueAt;
    ticket.completionDueAt = fact.completionDueAt;
    return 'applied';
  }

  private returnWork(fact: { assignmentId: string; occurredAt: Date }): ProjectionOutcome {
    const ticket = this.current;
    this.retire(fact.assignmentId);
    const holdsWork = ['dispatched', 'accepted', 'in_progress'].includes(ticket.status);
    if (ticket.assignment?.id !== fact.assignmentId || !holdsWork) return 'not-applicable';
    // The current assignment has ended whatever the order of arrival; the status time never goes back.
    const at = Math.max(fact.occurredAt.getTime(), ticket.statusChangedAt.getTime());
    this.moveTo('submitted', new Date(at));
    ticket.assignment = null;
    this.clearDeadlines();
    return 'applied';
  }

  private retire(assignmentId: string): void {
    const retired = this.current.retiredAssignmentIds;
    if (!retired.includes(assignmentId)) retired.push(assignmentId);
  }

  private requireResolvedAssignment(action: 'confirm'): string {
    if (this.current.status !== 'resolved' || !this.current.assignment) {
      throw new TicketTransitionRefusedError(action, this.current.status);
    }
    return this.current.assignment.id;
  }

  private close(now: Date, rating: number | null, comment: string | null, auto: boolean): void {
    this.moveTo('closed', now);
    this.current.closedAt = now;
    this.current.rating = rating;
    this.current.confirmationComment = comment;
    this.current.autoConfirmed = auto;
    this.current.autoConfirmDueAt = null;
  }

  private moveTo(status: TicketStatus, at: Date): void {
    this.current.status = status;
    this.current.statusChangedAt = at;
  }

  private clearDeadlines(): void {
    this.current.acceptDueAt = null;
    this.current.completionDueAt = null;
    this.current.autoConfirmDueAt = null;
  }
}

type SubmittedDefaults =
  | 'status'
  | 'statusChangedAt'
  | 'escalationLevel'
  | 'assignment'
  | 'retiredAssignmentIds'
  | 'acceptDueAt'
  | 'completionDueAt'
  | 'autoConfirmDueAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'cancelledAt'
  | 'rating'
  | 'confirmationComment'
  | 'autoConfirmed'
  | 'reopenCount'
  | 'mergedInto'
  | 'hasDuplicates';

/** What ticket.submitted tells of a new ticket; the resident's contact stays in this service. */
function submittedPayload(state: TicketState) {
  const { location } = state;
  return {
    ticketId: state.id,
    ticketNumber: state.number,
    residentId: state.residentId,
    filedBy: { role: state.filedBy.role as ActorRole, id: state.filedBy.id },
    source: state.source,
    categoryCode: state.categoryCode,
    urgency: state.urgency,
    communityId: location.communityId,
    gridId: location.gridId,
    ...(location.compoundId ? { compoundId: location.compoundId } : {}),
    ...(location.buildingId ? { buildingId: location.buildingId } : {}),
    ...(location.householdId ? { householdId: location.householdId } : {}),
    submittedAt: state.submittedAt.toISOString(),
  };
}

/**
 * The deadline the ticket is currently held to, if any: acceptance (of the offer, or by anyone while it
 * waits for dispatch), completion or auto-confirmation.
 */
export function nextDeadline(ticket: TicketState): Date | null {
  switch (ticket.status) {
    case 'submitted':
    case 'reopened':
    case 'dispatched':
      return ticket.acceptDueAt;
    case 'accepted':
    case 'in_progress':
      return ticket.completionDueAt;
    case 'resolved':
      return ticket.autoConfirmDueAt;
    default:
      return null;
  }
}

/** Who must take the next step: the assignee, the community's staff, or the resident. */
export function currentOwner(ticket: TicketState): { kind: string; id: string } | null {
  switch (ticket.status) {
    case 'dispatched':
    case 'accepted':
    case 'in_progress':
      return ticket.assignment
        ? { kind: ticket.assignment.assignee.kind, id: ticket.assignment.assignee.id }
        : null;
    case 'submitted':
    case 'reopened':
      return { kind: 'community', id: ticket.location.communityId };
    case 'resolved':
      return ticket.residentId
        ? { kind: 'resident', id: ticket.residentId }
        : { kind: 'community', id: ticket.location.communityId };
    default:
      return null;
  }
}
