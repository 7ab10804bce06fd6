// The ticket as dispatch sees it: who holds it now, its deadlines, its escalation level and how often
// it came back. Its clock starts when the ticket is submitted and is never reset by a decline or a
// hand-back — a ticket bounced between members still breaches on time.
import { CaseAlreadyDispatchedError, CaseNotOpenError } from './assignment.errors';

/** Where a ticket stands in dispatch. */
export type DispatchCaseStatus =
  | 'awaiting_dispatch'
  | 'offered'
  | 'accepted'
  | 'in_progress'
  | 'resolved'
  | 'closed'
  | 'cancelled';

/** The levels a ticket can be escalated to: 1 secretary, 2 town/street, 3 county. */
export type EscalationLevel = 1 | 2 | 3;

/** Why a ticket was escalated. */
export type EscalationReason = 'accept_deadline' | 'completion_deadline' | 'no_candidates';

/** One rung of a community's escalation chain (三级包联). */
export interface EscalationContact {
  level: number;
  role: string;
  userId: string;
}

/** How a live offer or assignment ended and sent the ticket back to dispatch. */
export type ReturnKind = 'declined' | 'expired' | 'handed_back' | 'withdrawn';

/** The persisted state of a dispatch case. */
export interface DispatchCaseState {
  ticketId: string;
  ticketNumber: string;
  communityId: string;
  gridId: string;
  compoundId: string | null;
  householdId: string | null;
  residentId: string | null;
  categoryCode: string;
  urgency: string;
  status: DispatchCaseStatus;
  submittedAt: Date;
  acceptDueAt: Date;
  completeDueAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  attempts: number;
  returns: number;
  excludedAssigneeIds: string[];
  currentAssignmentId: string | null;
  escalationLevel: number;
  escalationReason: EscalationReason | null;
  escalatedToRole: string | null;
  escalatedToId: string | null;
  escalatedAt: Date | null;
  reopenCount: number;
  version: number;
}

/** What intake knows about a new ticket. */
export interface NewDispatchCase {
  ticketId: string;
  ticketNumber: string;
  communityId: string;
  gridId: string;
  compoundId: string | null;
  householdId: string | null;
  residentId: string | null;
  categoryCode: string;
  urgency: string;
  submittedAt: Date;
  acceptDueAt: Date;
  completeDueAt: Date;
}

/** Why a ticket is waiting in its community's queue: new, back after a return, or reopened. */
export type QueueReason = 'submitted' | 'returned' | 'reopened';

/** What the loop is told when a ticket waits for the community's staff: its deadlines and since when. */
export interface QueueNotice {
  ticketId: string;
  communityId: string;
  reason: QueueReason;
  acceptDueAt: Date;
  completeDueAt: Date;
  queuedAt: Date;
}

/** The result of an escalation: the new level and who now answers for the ticket. */
export interface Escalation {
  level: EscalationLevel;
  reason: EscalationReason;
  escalatedTo: { role: string; id: string };
  escalatedAt: Date;
}

const openStatuses: readonly DispatchCaseStatus[] = [
  'awaiting_dispatch',
  'offered',
  'accepted',
  'in_progress',
];

/** A submitted ticket being dispatched, with its deadlines and escalation. */
export class DispatchCase {
  private constructor(private readonly state: DispatchCaseState) {}

  /** Opens the case for a submitted ticket, with deadlines already computed from the SLA policy. */
  static open(ticket: NewDispatchCase): DispatchCase {
    return new DispatchCase({
      ...ticket,
      status: 'awaiting_dispatch',
      acceptedAt: null,
      resolvedAt: null,
      attempts: 0,
      returns: 0,
      excludedAssigneeIds: [],
      currentAssignmentId: null,
      escalationLevel: 0,
      escalationReason: null,
      escalatedToRole: null,
      escalatedToId: null,
      escalatedAt: null,
      reopenCount: 0,
      version: 0,
    });
  }

  /** Rebuilds a case from storage. */
  static restore(state: DispatchCaseState): DispatchCase {
    return new DispatchCase({ ...state, excludedAssigneeIds: [...state.excludedAssigneeIds] });
  }

  /** A copy of the current state. */
  snapshot(): DispatchCaseState {
    return { ...this.state, excludedAssigneeIds: [...this.state.excludedAssigneeIds] };
  }

  get ticketId(): string {
    return this.state.ticketId;
  }
  get communityId(): string {
    return this.state.communityId;
  }
  get status(): DispatchCaseStatus {
    return this.state.status;
  }
  get escalationLevel(): number {
    return this.state.escalationLevel;
  }
  get currentAssignmentId(): string | null {
    return this.state.currentAssignmentId;
  }
  get attempts(): number {
    return this.state.attempts;
  }
  get returns(): number {
    return this.state.returns;
  }
  get acceptDueAt(): Date {
    return this.state.acceptDueAt;
  }
  get completeDueAt(): Date {
    return this.state.completeDueAt;
  }
  /** Assignees who already declined, let the offer expire or handed the work back in this round. */
  get excludedAssigneeIds(): readonly string[] {
    return this.state.excludedAssigneeIds;
  }

  /** True until the work is resolved, or the ticket is closed or cancelled. */
  isOpen(): boolean {
    return openStatuses.includes(this.state.status);
  }

  /** True when the ticket still waits for acceptance. */
  isAwaitingAcceptance(): boolean {
    return this.state.status === 'awaiting_dispatch' || this.state.status === 'offered';
  }

  /** True when a deadline the ticket is still working against has passed. */
  isOverdue(now: Date): boolean {
    if (this.isAwaitingAcceptance() && now.getTime() > this.state.acceptDueAt.getTime()) return true;
    return this.isOpen() && now.getTime() > this.state.completeDueAt.getTime();
  }

  /** Refuses a dispatch unless the ticket waits for one; says whether someone was quicker. */
  ensureDispatchable(): void {
    if (this.state.status === 'awaiting_dispatch') return;
    if (this.isOpen()) throw new CaseAlreadyDispatchedError(this.state.ticketId);
    throw new CaseNotOpenError(this.state.ticketId, this.state.status);
  }

  /** Records a new offer and returns its attempt number (1 for the first, counting every re-offer). */
  recordOffer(assignmentId: string): number {
    this.ensureDispatchable();
    this.state.attempts += 1;
    this.state.status = 'offered';
    this.state.currentAssignmentId = assignmentId;
    return this.state.attempts;
  }

  /** The current offer was accepted. */
  recordAcceptance(now: Date): void {
    this.state.status = 'accepted';
    this.state.acceptedAt = now;
  }

  /** The assignee started the work. */
  recordStart(): void {
    this.state.status = 'in_progress';
  }

  /** The assignee reported the work done; the ticket waits for the resident's confirmation. */
  recordCompletion(now: Date): void {
    this.state.status = 'resolved';
    this.state.resolvedAt = now;
  }

  /**
   * The live offer or assignment ended without the work being done; the ticket goes back to dispatch.
   * Declines and hand-backs are returns (退单) and are counted; the deadlines stay as they are.
   */
  recordReturn(assigneeId: string, kind: ReturnKind): void {
    if (kind === 'declined' || kind === 'handed_back') this.state.returns += 1;
    if (kind !== 'withdrawn' && !this.state.excludedAssigneeIds.includes(assigneeId)) {
      this.state.excludedAssigneeIds.push(assigneeId);
    }
    this.state.status = 'awaiting_dispatch';
    this.state.currentAssignmentId = null;
    this.state.acceptedAt = null;
  }

  /**
   * Raises the ticket one level (secretary → town/street → county) and names who now answers for it,
   * from the community's chain. Undefined when it is already at the top or the chain has nobody higher.
   */
  escalate(reason: EscalationReason, chain: readonly EscalationContact[], now: Date): Escalation | undefined {
    const above = chain
      .filter((contact) => contact.level > this.state.escalationLevel && contact.level <= 3)
      .sort((a, b) => a.level - b.level || a.userId.localeCompare(b.userId));
    const next = above[0];
    if (!next) return undefined;
    this.state.escalationLevel = next.level;
    this.state.escalationReason = reason;
    this.state.escalatedToRole = next.role;
    this.state.escalatedToId = next.userId;
    this.state.escalatedAt = now;
    return {
      level: next.level as EscalationLevel,
      reason,
      escalatedTo: { role: next.role, id: next.userId },
      escalatedAt: now,
    };
  }

  /**
   * What to announce when the ticket is left waiting for the community's staff (no offer live), or
   * undefined while someone holds an offer or the work. `enteredAt` is the fact that sent it to the queue
   * (submission, return, reopening): the notice is never dated before it, whatever the clocks say.
   */
  queueNotice(reason: QueueReason, now: Date, enteredAt: Date = now): QueueNotice | undefined {
    if (this.state.status !== 'awaiting_dispatch') return undefined;
    return {
      ticketId: this.state.ticketId,
      communityId: this.state.communityId,
      reason,
      acceptDueAt: this.state.acceptDueAt,
      completeDueAt: this.state.completeDueAt,
      queuedAt: new Date(Math.max(now.getTime(), enteredAt.getTime())),
    };
  }

  /** The resident cancelled the ticket. */
  cancel(): void {
    this.state.status = 'cancelled';
    this.state.currentAssignmentId = null;
  }

  /** The resident (or auto-confirmation) closed the ticket. */
  close(): void {
    this.state.status = 'closed';
  }

  /**
   * The ticket was taken out of the master it had been merged into (its case was withdrawn then, as for
   * a cancellation): its own loop starts again from scratch — no attempts, returns, exclusions or
   * escalation carried over — against fresh deadlines. Only a withdrawn (cancelled) case restarts.
   */
  restartAfterUnmerge(acceptDueAt: Date, completeDueAt: Date): boolean {
    if (this.state.status !== 'cancelled') return false;
    this.state.status = 'awaiting_dispatch';
    this.state.currentAssignmentId = null;
    this.state.acceptedAt = null;
    this.state.resolvedAt = null;
    this.state.attempts = 0;
    this.state.returns = 0;
    this.state.excludedAssigneeIds = [];
    this.state.escalationLevel = 0;
    this.state.escalationReason = null;
    this.state.escalatedToRole = null;
    this.state.escalatedToId = null;
    this.state.escalatedAt = null;
    this.state.acceptDueAt = acceptDueAt;
    this.state.completeDueAt = completeDueAt;
    return true;
  }

  /** The ticket was reopened: it is dispatched again against fresh deadlines, by anyone. */
  reopen(acceptDueAt: Date, completeDueAt: Date): void {
    this.state.status = 'awaiting_dispatch';
    this.state.currentAssignmentId = null;
    this.state.acceptedAt = null;
    this.state.resolvedAt = null;
    this.state.excludedAssigneeIds = [];
    this.state.acceptDueAt = acceptDueAt;
    this.state.completeDueAt = completeDueAt;
    this.state.reopenCount += 1;
  }
}
