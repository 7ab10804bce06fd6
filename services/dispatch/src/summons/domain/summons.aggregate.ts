// One functional department summoned to one ticket (吹哨报到): it must check in on site (报到) by its
// arrival deadline, then report what it did — or be released by the community. Until then the ticket's
// work cannot be reported done. A department late to arrive is escalated up the community's chain, one
// level per missed window, like a ticket whose deadline passed; its own level never moves the ticket's.
import { NotYourSummonsError, SummonsOutstandingError, SummonsStateConflictError } from './summons.errors';
import type { SummonsStatus } from './summons-status';

export type { SummonsStatus };

/** One rung of the community's escalation chain (三级包联). */
export interface SummonsEscalationContact {
  level: number;
  role: string;
  userId: string;
}

/** Who acted, as events name them. */
export interface SummonsActor {
  role: string;
  id: string;
}

/** The persisted state of a summons. */
export interface SummonsState {
  id: string;
  ticketId: string;
  communityId: string;
  departmentId: string;
  departmentLabel: string;
  adminIds: string[];
  reason: string;
  urgency: string;
  status: SummonsStatus;
  issuedBy: SummonsActor;
  issuedAt: Date;
  arriveDueAt: Date;
  checkedInAt: Date | null;
  checkedInBy: string | null;
  report: string | null;
  reportedAt: Date | null;
  releaseReason: string | null;
  releasedAt: Date | null;
  escalationLevel: number;
  escalatedToRole: string | null;
  escalatedToId: string | null;
  escalatedAt: Date | null;
  version: number;
}

/** What issuing needs to know about one department. */
export interface NewSummons {
  id: string;
  ticketId: string;
  communityId: string;
  departmentId: string;
  departmentLabel: string;
  adminIds: readonly string[];
  reason: string;
  urgency: string;
  issuedBy: SummonsActor;
  issuedAt: Date;
  arriveDueAt: Date;
}

/** The result of an escalation of a late department. */
export interface SummonsEscalation {
  level: 1 | 2 | 3;
  escalatedTo: SummonsActor;
  escalatedAt: Date;
}

/** A department summoned to a ticket. */
export class Summons {
  private constructor(private readonly state: SummonsState) {}

  /** Summons a department; its arrival deadline is computed beforehand (see `arrivalDeadline`). */
  static issue(input: NewSummons): Summons {
    return new Summons({
      ...input,
      adminIds: [...input.adminIds],
      status: 'issued',
      checkedInAt: null,
      checkedInBy: null,
      report: null,
      reportedAt: null,
      releaseReason: null,
      releasedAt: null,
      escalationLevel: 0,
      escalatedToRole: null,
      escalatedToId: null,
      escalatedAt: null,
      version: 0,
    });
  }

  /** Rebuilds a summons from storage. */
  static restore(state: SummonsState): Summons {
    return new Summons({ ...state, adminIds: [...state.adminIds] });
  }

  /** A copy of the current state. */
  snapshot(): SummonsState {
    return { ...this.state, adminIds: [...this.state.adminIds] };
  }

  get id(): string {
    return this.state.id;
  }
  get ticketId(): string {
    return this.state.ticketId;
  }
  get departmentId(): string {
    return this.state.departmentId;
  }
  get departmentLabel(): string {
    return this.state.departmentLabel;
  }
  get status(): SummonsStatus {
    return this.state.status;
  }
  get arriveDueAt(): Date {
    return this.state.arriveDueAt;
  }
  get escalationLevel(): number {
    return this.state.escalationLevel;
  }

  /** True while the ticket waits for the department: it has neither reported nor been released. */
  isOutstanding(): boolean {
    return this.state.status === 'issued' || this.state.status === 'checked_in';
  }

  /** True when the department has not checked in and its arrival deadline has passed. */
  isOverdue(now: Date): boolean {
    return this.state.status === 'issued' && now.getTime() > this.state.arriveDueAt.getTime();
  }

  /** Refuses a department admin acting for another department. */
  ensureAddressedTo(unitId: string | undefined): void {
    if (unitId !== this.state.departmentId) throw new NotYourSummonsError(this.state.id);
  }

  /** The department arrived on site (报到); says whether it came after its deadline. */
  checkIn(by: string, now: Date): { late: boolean } {
    if (this.state.status !== 'issued')
      throw new SummonsStateConflictError(this.state.id, this.state.status, 'check in');
    this.state.status = 'checked_in';
    this.state.checkedInAt = now;
    this.state.checkedInBy = by;
    return { late: now.getTime() > this.state.arriveDueAt.getTime() };
  }

  /** The department reports what it did; it must have checked in first. */
  reportDone(report: string, now: Date): void {
    if (this.state.status !== 'checked_in')
      throw new SummonsStateConflictError(this.state.id, this.state.status, 'report');
    this.state.status = 'reported';
    this.state.report = report;
    this.state.reportedAt = now;
  }

  /** The community lets the department go before it reported (no longer needed, handled otherwise). */
  release(reason: string, now: Date): void {
    if (!this.isOutstanding())
      throw new SummonsStateConflictError(this.state.id, this.state.status, 'release');
    this.state.status = 'released';
    this.state.releaseReason = reason;
    this.state.releasedAt = now;
  }

  /**
   * The department missed its arrival window: raise the summons one level up the community's chain
   * (secretary → town/street → county). Undefined when it has arrived meanwhile, is no longer
   * outstanding, or nobody is left higher in the chain.
   */
  escalate(chain: readonly SummonsEscalationContact[], now: Date): SummonsEscalation | undefined {
    if (this.state.status !== 'issued') return undefined;
    const next = chain
      .filter((contact) => contact.level > this.state.escalationLevel && contact.level <= 3)
      .sort((a, b) => a.level - b.level || a.userId.localeCompare(b.userId))[0];
    if (!next) return undefined;
    this.state.escalationLevel = next.level;
    this.state.escalatedToRole = next.role;
    this.state.escalatedToId = next.userId;
    this.state.escalatedAt = now;
    return {
      level: next.level as 1 | 2 | 3,
      escalatedTo: { role: next.role, id: next.userId },
      escalatedAt: now,
    };
  }
}

/**
 * The completion gate: the ticket's work may be reported done only once every department summoned to it
 * has reported or been released.
 */
export function ensureNoSummonsOutstanding(ticketId: string, summonses: readonly Summons[]): void {
  const waiting = summonses.filter((summons) => summons.isOutstanding());
  if (waiting.length > 0)
    throw new SummonsOutstandingError(
      ticketId,
      waiting.map((summons) => summons.departmentLabel),
    );
}
