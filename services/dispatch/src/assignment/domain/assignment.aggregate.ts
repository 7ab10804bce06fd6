// One offer of a ticket's work to one assignee, and — once accepted — the assignment it becomes.
// The state machine lives here; handlers only load it, call a command and save it.
//
//   offered ─accept─▶ accepted ─start─▶ in_progress ─complete─▶ completed
//      │                  │                  │
//      ├─decline─▶ declined   └──hand back──┴─▶ handed_back
//      ├─expire──▶ expired
//      └─withdraw (re-dispatch, cancellation; also from accepted / in_progress) ─▶ withdrawn
import {
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  assignmentExpiredV1,
  assignmentHandedBackV1,
  DeclineReason,
  HandBackReason,
  RecordedEvents,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import type { AssignmentStatus } from './assignment-status';
import { AssignmentStateConflictError, NotYourAssignmentError, OfferExpiredError } from './assignment.errors';

export type { AssignmentStatus } from './assignment-status';

/** Statuses in which the assignee still holds the work (it counts as their open load). */
export const liveAssignmentStatuses: readonly AssignmentStatus[] = ['offered', 'accepted', 'in_progress'];

/** Statuses that count as a return (退单) of the ticket. */
export const returnedAssignmentStatuses: readonly AssignmentStatus[] = ['declined', 'handed_back'];

/** A party member or a property company. */
export interface Assignee {
  kind: 'member' | 'property_company';
  id: string;
}

/** Who dispatched: a staff member, secretary or official, or the system for auto-dispatch. */
export interface Dispatcher {
  role: string;
  id: string;
}

/** The persisted state of an offer/assignment. */
export interface AssignmentState {
  id: string;
  ticketId: string;
  communityId: string;
  gridId: string;
  assignee: Assignee;
  status: AssignmentStatus;
  mode: 'manual' | 'auto';
  dispatchedBy: Dispatcher;
  attempt: number;
  offeredAt: Date;
  offerExpiresAt: Date;
  acceptedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  reasonCode: string | null;
  reasonText: string | null;
  note: string | null;
  minutesSpent: number | null;
  version: number;
}

/** What a new offer needs. */
export interface NewOffer {
  id: string;
  ticketId: string;
  communityId: string;
  gridId: string;
  assignee: Assignee;
  mode: 'manual' | 'auto';
  dispatchedBy: Dispatcher;
  attempt: number;
  offeredAt: Date;
  offerExpiresAt: Date;
}

/** An offer of a ticket's work and, once accepted, the assignment. */
export class Assignment {
  /** The events of the commands applied since it was loaded; saving it publishes them. */
  readonly events = new RecordedEvents();

  private constructor(private readonly state: AssignmentState) {}

  /** Makes a new offer. */
  static offer(offer: NewOffer): Assignment {
    return new Assignment({
      ...offer,
      status: 'offered',
      acceptedAt: null,
      startedAt: null,
      completedAt: null,
      closedAt: null,
      reasonCode: null,
      reasonText: null,
      note: null,
      minutesSpent: null,
      version: 0,
    });
  }

  /** Rebuilds an assignment from storage. */
  static restore(state: AssignmentState): Assignment {
    return new Assignment({
      ...state,
      assignee: { ...state.assignee },
      dispatchedBy: { ...state.dispatchedBy },
    });
  }

  /** A copy of the current state, for saving and for responses. */
  snapshot(): AssignmentState {
    return {
      ...this.state,
      assignee: { ...this.state.assignee },
      dispatchedBy: { ...this.state.dispatchedBy },
    };
  }

  get id(): string {
    return this.state.id;
  }
  get ticketId(): string {
    return this.state.ticketId;
  }
  get status(): AssignmentStatus {
    return this.state.status;
  }
  get assignee(): Assignee {
    return { ...this.state.assignee };
  }
  get offerExpiresAt(): Date {
    return this.state.offerExpiresAt;
  }

  /** True while the assignee holds the work (offered, accepted or in progress). */
  isLive(): boolean {
    return liveAssignmentStatuses.includes(this.state.status);
  }

  /** True when this offer or assignment belongs to the given account. */
  belongsTo(accountId: string): boolean {
    return this.state.assignee.id === accountId;
  }

  /** Refuses anyone but the assignee. */
  ensureBelongsTo(accountId: string): void {
    if (!this.belongsTo(accountId)) throw new NotYourAssignmentError(this.state.id);
  }

  /**
   * The assignee takes the work; refused once the acceptance window has passed, even before the timer
   * runs. `completionDueAt` is the ticket's, announced with the acceptance.
   */
  accept(now: Date, completionDueAt: Date): void {
    this.require('offered', 'accept');
    if (now.getTime() >= this.state.offerExpiresAt.getTime()) throw new OfferExpiredError(this.state.id);
    this.state.status = 'accepted';
    this.state.acceptedAt = now;
    this.events.record(assignmentAcceptedV1, {
      ...this.eventSubject(),
      completionDueAt: completionDueAt.toISOString(),
      acceptedAt: now.toISOString(),
    });
  }

  /** The assignee refuses the offer with a reason (a return, 退单). */
  decline(now: Date, reasonCode: DeclineReason, reasonText?: string): void {
    this.require('offered', 'decline');
    this.close('declined', now, reasonCode, reasonText);
    this.events.record(assignmentDeclinedV1, {
      ...this.eventSubject(),
      reasonCode,
      ...(reasonText ? { reasonText } : {}),
      declinedAt: now.toISOString(),
    });
  }

  /** The acceptance window passed with no answer (the expiry timer). */
  expire(now: Date): void {
    this.require('offered', 'expire');
    this.close('expired', now, null, undefined);
    this.events.record(assignmentExpiredV1, {
      ...this.eventSubject(),
      offerExpiresAt: this.state.offerExpiresAt.toISOString(),
      expiredAt: now.toISOString(),
    });
  }

  /** The assignee starts the work. */
  start(now: Date): void {
    this.require('accepted', 'start');
    this.state.status = 'in_progress';
    this.state.startedAt = now;
    this.events.record(workStartedV1, { ...this.eventSubject(), startedAt: now.toISOString() });
  }

  /** The assignee reports the work done, with the minutes it took and an optional note. */
  complete(now: Date, minutesSpent: number, note?: string): void {
    this.require('in_progress', 'complete');
    this.state.status = 'completed';
    this.state.completedAt = now;
    this.state.closedAt = now;
    this.state.minutesSpent = minutesSpent;
    this.state.note = note ?? null;
    this.events.record(workCompletedV1, {
      ...this.eventSubject(),
      minutesSpent,
      ...(note ? { note } : {}),
      completedAt: now.toISOString(),
    });
  }

  /** The assignee gives accepted work back with a reason (a return, 退单). */
  handBack(now: Date, reasonCode: HandBackReason, reasonText?: string): void {
    if (this.state.status !== 'accepted' && this.state.status !== 'in_progress') {
      throw new AssignmentStateConflictError(this.state.id, this.state.status, 'hand back');
    }
    this.close('handed_back', now, reasonCode, reasonText);
    this.events.record(assignmentHandedBackV1, {
      ...this.eventSubject(),
      reasonCode,
      ...(reasonText ? { reasonText } : {}),
      handedBackAt: now.toISOString(),
    });
  }

  /** The community takes the work away (re-dispatch, cancellation of the ticket). */
  withdraw(now: Date, reasonCode: string): void {
    if (!this.isLive()) throw new AssignmentStateConflictError(this.state.id, this.state.status, 'withdraw');
    this.close('withdrawn', now, reasonCode, undefined);
  }

  // What every assignee event names first: the ticket, this assignment and its assignee.
  private eventSubject() {
    return { ticketId: this.state.ticketId, assignmentId: this.state.id, assignee: this.assignee };
  }

  private require(expected: AssignmentStatus, command: string): void {
    if (this.state.status !== expected) {
      throw new AssignmentStateConflictError(this.state.id, this.state.status, command);
    }
  }

  private close(
    status: AssignmentStatus,
    now: Date,
    reasonCode: string | null,
    reasonText: string | undefined,
  ): void {
    this.state.status = status;
    this.state.closedAt = now;
    this.state.reasonCode = reasonCode;
    this.state.reasonText = reasonText ?? null;
  }
}
