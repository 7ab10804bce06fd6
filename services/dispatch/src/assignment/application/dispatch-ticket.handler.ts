// Staff (or the escalated owner) dispatching by hand: to a member, or for property categories to a
// property company; and re-dispatching a ticket whose offer or assignment should go to someone else.
import { Injectable } from '@nestjs/common';
import { ticketCategory } from '@loop/contracts';
import { UnitOfWork, UnitsOfWork } from '@loop/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { Assignee, Assignment } from '../domain/assignment.aggregate';
import {
  DispatchCaseNotFoundError,
  NothingToRedispatchError,
  OutsideYourScopeError,
  PropertyCompanyNotAllowedError,
  RedispatchedMeanwhileError,
  SameAssigneeError,
  UnknownAssigneeError,
} from '../domain/assignment.errors';
import { DispatchCase } from '../domain/dispatch-case.aggregate';
import { dispatchingRole, mayManageCase, ScopeActor } from '../domain/dispatch-scope.policy';
import { WorkingTime } from '../domain/sla.policy';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { AssignmentDirectory } from './assignment-directory';
import { Cause } from './cause';
import { OfferWorkflow } from './offer-workflow';
import { armDeadline, disarmOfferExpiry } from './sla-timers';

/** The person dispatching, with the scope their token gives them. */
export interface Dispatcher extends ScopeActor {
  id: string;
  cause: Cause;
}

/** Manual dispatch and re-dispatch, serialised per ticket by the case lock. */
@Injectable()
export class DispatchTicketHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsOfWork,
    private readonly cases: DispatchCaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly directory: AssignmentDirectory,
    private readonly workflow: OfferWorkflow,
  ) {}

  /** Offers a waiting ticket to the chosen assignee; a second dispatcher arriving late gets a 409. */
  async dispatch(ticketId: string, assignee: Assignee, dispatcher: Dispatcher): Promise<Assignment> {
    const time = await this.checkBeforeLocking(ticketId, assignee, dispatcher);
    return this.units.run(dispatcher.cause, async (unit) => {
      const dispatchCase = await this.lockInScope(unit.manager, ticketId, dispatcher);
      dispatchCase.ensureDispatchable();
      return this.offerTo(unit, dispatchCase, assignee, dispatcher, time);
    });
  }

  /**
   * Withdraws the live offer or assignment `replacesAssignmentId` and offers the work to another
   * assignee. Naming the one replaced makes two concurrent re-dispatches end with one winner.
   */
  async redispatch(
    ticketId: string,
    replacesAssignmentId: string,
    assignee: Assignee,
    dispatcher: Dispatcher,
  ): Promise<Assignment> {
    const time = await this.checkBeforeLocking(ticketId, assignee, dispatcher);
    return this.units.run(dispatcher.cause, async (unit) => {
      const { manager, now } = unit;
      const dispatchCase = await this.lockInScope(manager, ticketId, dispatcher);
      const currentId = dispatchCase.currentAssignmentId;
      const current = currentId ? await this.assignments.find(manager, currentId) : undefined;
      if (!current || !current.isLive()) {
        if (!dispatchCase.isOpen()) dispatchCase.ensureDispatchable();
        throw new NothingToRedispatchError(ticketId);
      }
      if (current.id !== replacesAssignmentId) throw new RedispatchedMeanwhileError(ticketId);
      if (current.assignee.kind === assignee.kind && current.assignee.id === assignee.id)
        throw new SameAssigneeError();
      const wasAccepted = current.status !== 'offered';
      current.withdraw(now, 'redispatched');
      await this.assignments.save(unit, current);
      await disarmOfferExpiry(manager, current.id);
      dispatchCase.recordReturn(current.assignee.id, 'withdrawn');
      const s = dispatchCase.snapshot();
      if (wasAccepted && s.acceptDueAt.getTime() > now.getTime()) {
        // Acceptance had disarmed the accept deadline; the new assignee works against the same one.
        await armDeadline(
          manager,
          'accept',
          s.ticketId,
          s.submittedAt,
          s.acceptDueAt,
          now,
          unit.cause.correlationId,
        );
      }
      return this.offerTo(unit, dispatchCase, assignee, dispatcher, time);
    });
  }

  // Directory reads happen before the case lock: dispatchers queued on one ticket's lock must not also
  // hold the pool connections the winner needs to read the directory.
  private async checkBeforeLocking(
    ticketId: string,
    assignee: Assignee,
    dispatcher: Dispatcher,
  ): Promise<WorkingTime> {
    const dispatchCase = await this.cases.find(this.dataSource.manager, ticketId);
    if (!dispatchCase) throw new DispatchCaseNotFoundError(ticketId);
    if (!mayManageCase(dispatcher, dispatchCase)) throw new OutsideYourScopeError();
    const s = dispatchCase.snapshot();
    if (assignee.kind === 'property_company' && !ticketCategory(s.categoryCode)?.propertyCompanyAssignable) {
      throw new PropertyCompanyNotAllowedError(s.categoryCode);
    }
    if (!(await this.directory.canServe(assignee, s))) throw new UnknownAssigneeError(assignee.id);
    return this.directory.workingTimeOf(s.communityId);
  }

  private async lockInScope(
    manager: EntityManager,
    ticketId: string,
    dispatcher: Dispatcher,
  ): Promise<DispatchCase> {
    const dispatchCase = await this.cases.lock(manager, ticketId);
    if (!dispatchCase) throw new DispatchCaseNotFoundError(ticketId);
    if (!mayManageCase(dispatcher, dispatchCase)) throw new OutsideYourScopeError();
    return dispatchCase;
  }

  private async offerTo(
    unit: UnitOfWork,
    dispatchCase: DispatchCase,
    assignee: Assignee,
    dispatcher: Dispatcher,
    time: WorkingTime,
  ): Promise<Assignment> {
    const assignment = await this.workflow.offer(
      unit,
      dispatchCase,
      assignee,
      { mode: 'manual', dispatchedBy: { role: dispatchingRole(dispatcher), id: dispatcher.id } },
      time,
    );
    await this.cases.save(unit.manager, dispatchCase);
    return assignment;
  }
}
