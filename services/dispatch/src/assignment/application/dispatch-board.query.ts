// The community's dispatch board, one case in detail, and the escalations at an official's level.
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@loop/platform';
import { DataSource } from 'typeorm';
import { Assignee, AssignmentState, liveAssignmentStatuses } from '../domain/assignment.aggregate';
import { DispatchCaseNotFoundError, OutsideYourScopeError } from '../domain/assignment.errors';
import { DispatchCaseState } from '../domain/dispatch-case.aggregate';
import { mayManageCase, mayReadBoard, ScopeActor } from '../domain/dispatch-scope.policy';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { BoardFilter, DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';

/** The views of the dispatch board. */
export const boardViews = ['unassigned', 'offered', 'in_hand', 'overdue', 'escalated', 'open'] as const;
/** A view of the dispatch board. */
export type BoardView = (typeof boardViews)[number];

/** A case as the board shows it: who holds it, whether it is overdue, what deadline it works against. */
export interface CaseView {
  state: DispatchCaseState;
  /** The member or property company holding the live offer or assignment, if any. */
  assignee: Assignee | null;
  overdue: boolean;
  /** The deadline the ticket works against now: acceptance until accepted, then completion. */
  nextDeadline: { kind: 'accept' | 'complete'; at: Date } | null;
}

/** The board: the cases of one view and the open cases per grid. */
export interface DispatchBoard {
  communityId: string;
  view: BoardView;
  cases: CaseView[];
  byGrid: Array<{ gridId: string; status: string; count: number }>;
}

const openStatuses = ['awaiting_dispatch', 'offered', 'accepted', 'in_progress'];

/** Reads for staff and officials. */
@Injectable()
export class DispatchBoardQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: DispatchCaseRepository,
    private readonly assignments: AssignmentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The community's board in one view, optionally for one grid. */
  async board(
    actor: ScopeActor,
    communityId: string,
    view: BoardView,
    gridId?: string,
  ): Promise<DispatchBoard> {
    if (!mayReadBoard(actor, communityId)) throw new OutsideYourScopeError();
    const filter: BoardFilter = { communityIds: [communityId], gridId, limit: 500 };
    if (view === 'unassigned') filter.statuses = ['awaiting_dispatch'];
    if (view === 'offered') filter.statuses = ['offered'];
    if (view === 'in_hand') filter.statuses = ['accepted', 'in_progress'];
    if (view === 'overdue') filter.overdueAt = this.clock.now();
    if (view === 'escalated' || view === 'open') filter.statuses = openStatuses;
    if (view === 'escalated') filter.escalatedOnly = true;
    const manager = this.dataSource.manager;
    const [cases, byGrid] = await Promise.all([
      this.cases.board(manager, filter),
      this.cases.countsByGrid(manager, [communityId]),
    ]);
    return { communityId, view, cases: await this.views(cases), byGrid };
  }

  /** One case with its offers, for someone who may manage it. */
  async caseDetail(
    actor: ScopeActor,
    ticketId: string,
  ): Promise<{ dispatchCase: CaseView; offers: AssignmentState[] }> {
    const manager = this.dataSource.manager;
    const dispatchCase = await this.cases.find(manager, ticketId);
    if (!dispatchCase) throw new DispatchCaseNotFoundError(ticketId);
    const state = dispatchCase.snapshot();
    if (!mayManageCase(actor, state) && !mayReadBoard(actor, state.communityId))
      throw new OutsideYourScopeError();
    const offers = await this.assignments.ofTicket(manager, ticketId);
    return { dispatchCase: this.view(state, offers), offers };
  }

  /** Open tickets escalated to exactly the caller's level, in the caller's communities. */
  async escalationsAt(level: number, communityIds: readonly string[]): Promise<CaseView[]> {
    const cases = await this.cases.board(this.dataSource.manager, {
      communityIds,
      statuses: openStatuses,
      escalationLevel: level,
      limit: 500,
    });
    return this.views(cases);
  }

  private async views(cases: DispatchCaseState[]): Promise<CaseView[]> {
    const ids = cases.flatMap((state) => (state.currentAssignmentId ? [state.currentAssignmentId] : []));
    const assignments = await this.assignments.findMany(this.dataSource.manager, ids);
    return cases.map((state) => this.view(state, assignments));
  }

  private view(state: DispatchCaseState, assignments: readonly AssignmentState[]): CaseView {
    const current = assignments.find(
      (assignment) =>
        assignment.id === state.currentAssignmentId && liveAssignmentStatuses.includes(assignment.status),
    );
    const awaiting = state.status === 'awaiting_dispatch' || state.status === 'offered';
    const nextDeadline = awaiting
      ? { kind: 'accept' as const, at: state.acceptDueAt }
      : openStatuses.includes(state.status)
        ? { kind: 'complete' as const, at: state.completeDueAt }
        : null;
    return {
      state,
      assignee: current ? { ...current.assignee } : null,
      overdue: this.isOverdue(state),
      nextDeadline,
    };
  }

  /** Whether the case is overdue now. */
  isOverdue(state: DispatchCaseState): boolean {
    const now = this.clock.now().getTime();
    const awaiting = state.status === 'awaiting_dispatch' || state.status === 'offered';
    return (
      (awaiting && now > state.acceptDueAt.getTime()) ||
      (openStatuses.includes(state.status) && now > state.completeDueAt.getTime())
    );
  }
}
