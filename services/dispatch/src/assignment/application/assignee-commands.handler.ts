// What a member (or property company) does with a task: accept, decline, start, complete, hand back.
// Each command locks the ticket's case first, so it is serialised with the expiry timer, with staff
// re-dispatching and with a second click: exactly one outcome wins, the others get a 409 saying why.
import { Injectable } from '@nestjs/common';
import { DeclineReason, HandBackReason } from '@loop/contracts';
import { UnitOfWork, UnitsOfWork } from '@loop/messaging';
import { Assignment } from '../domain/assignment.aggregate';
import { alreadyDone, AssigneeCommand } from '../domain/assignment-status';
import { AssignmentNotFoundError } from '../domain/assignment.errors';
import { DispatchCase } from '../domain/dispatch-case.aggregate';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { Cause } from './cause';
import { CompletionGate } from './completion-gate';
import { OfferWorkflow, serviceMonthOf } from './offer-workflow';
import { armDeadline, disarmDeadline, disarmOfferExpiry } from './sla-timers';

/** The assignee acting, as the token says. */
export interface ActingAssignee {
  id: string;
  cause: Cause;
}

type Step = (context: {
  unit: UnitOfWork;
  assignment: Assignment;
  dispatchCase: DispatchCase;
  now: Date;
}) => Promise<void | FollowUp>;

// What happens after the assignment is saved: a re-offer must not meet the old offer still live.
type FollowUp = () => Promise<void>;

/** Accept, decline, start, complete and hand back, each in one transaction with its event. */
@Injectable()
export class AssigneeCommandsHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly cases: DispatchCaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly workflow: OfferWorkflow,
    private readonly completionGate: CompletionGate,
  ) {}

  /** Accepts the offer; refused once it expired, was withdrawn or was already answered. */
  accept(assignmentId: string, actor: ActingAssignee): Promise<Assignment> {
    return this.run(assignmentId, actor, 'accept', async ({ unit, assignment, dispatchCase, now }) => {
      assignment.accept(now, dispatchCase.completeDueAt);
      dispatchCase.recordAcceptance(now);
      await disarmOfferExpiry(unit.manager, assignment.id);
      await disarmDeadline(unit.manager, 'accept', dispatchCase.ticketId);
    });
  }

  /** Declines the offer with a reason (a return, 退单); the work goes to the next candidate. */
  decline(
    assignmentId: string,
    actor: ActingAssignee,
    reasonCode: DeclineReason,
    reasonText?: string,
  ): Promise<Assignment> {
    return this.run(assignmentId, actor, 'decline', async ({ unit, assignment, dispatchCase, now }) => {
      assignment.decline(now, reasonCode, reasonText);
      dispatchCase.recordReturn(assignment.assignee.id, 'declined');
      await disarmOfferExpiry(unit.manager, assignment.id);
      return () => this.reofferOrQueue(unit, dispatchCase, now);
    });
  }

  /** Starts the accepted work. */
  start(assignmentId: string, actor: ActingAssignee): Promise<Assignment> {
    return this.run(assignmentId, actor, 'start', async ({ assignment, dispatchCase, now }) => {
      assignment.start(now);
      dispatchCase.recordStart();
    });
  }

  /** Reports the work done with the minutes spent; the ticket is resolved and its completion deadline met. */
  complete(
    assignmentId: string,
    actor: ActingAssignee,
    minutesSpent: number,
    note?: string,
  ): Promise<Assignment> {
    return this.run(assignmentId, actor, 'complete', async ({ unit, assignment, dispatchCase, now }) => {
      // Summoned departments (吹哨报到) must all have reported or been released first (ADR 0026).
      await this.completionGate.ensureCompletable(unit.manager, dispatchCase.ticketId);
      assignment.complete(now, minutesSpent, note);
      dispatchCase.recordCompletion(now);
      await disarmDeadline(unit.manager, 'complete', dispatchCase.ticketId);
      if (assignment.assignee.kind === 'member') {
        await this.assignments.addServiceMinutes(
          unit.manager,
          assignment.assignee.id,
          serviceMonthOf(now),
          minutesSpent,
        );
      }
    });
  }

  /** Gives accepted work back with a reason (a return, 退单); it re-enters dispatch, the clock running on. */
  handBack(
    assignmentId: string,
    actor: ActingAssignee,
    reasonCode: HandBackReason,
    reasonText?: string,
  ): Promise<Assignment> {
    return this.run(assignmentId, actor, 'hand back', async ({ unit, assignment, dispatchCase, now }) => {
      assignment.handBack(now, reasonCode, reasonText);
      dispatchCase.recordReturn(assignment.assignee.id, 'handed_back');
      // The ticket needs accepting again; its original accept deadline still holds if it is ahead.
      const s = dispatchCase.snapshot();
      if (s.acceptDueAt.getTime() > now.getTime()) {
        await armDeadline(
          unit.manager,
          'accept',
          s.ticketId,
          s.submittedAt,
          s.acceptDueAt,
          now,
          unit.cause.correlationId,
        );
      }
      return () => this.reofferOrQueue(unit, dispatchCase, now);
    });
  }

  // After a return: the next candidate gets the offer, or — with nobody left — the ticket waits for staff.
  private async reofferOrQueue(
    unit: UnitOfWork,
    dispatchCase: DispatchCase,
    returnedAt: Date,
  ): Promise<void> {
    await this.workflow.offerToNextCandidate(unit, dispatchCase);
    await this.workflow.announceIfQueued(unit, dispatchCase, 'returned', returnedAt);
  }

  // Load (404, 403 before any lock), lock the case, reload the assignment under the lock, apply, save.
  // A repeat of a command that already took effect answers with the assignment as it stands.
  private run(
    assignmentId: string,
    actor: ActingAssignee,
    command: AssigneeCommand,
    step: Step,
  ): Promise<Assignment> {
    return this.units.run(actor.cause, async (unit) => {
      const { manager } = unit;
      const unlocked = await this.assignments.find(manager, assignmentId);
      if (!unlocked) throw new AssignmentNotFoundError(assignmentId);
      unlocked.ensureBelongsTo(actor.id);
      const dispatchCase = await this.cases.lock(manager, unlocked.ticketId);
      const assignment = await this.assignments.find(manager, assignmentId);
      if (!dispatchCase || !assignment) throw new AssignmentNotFoundError(assignmentId);
      if (alreadyDone(command, assignment.status)) return assignment;
      const followUp = await step({ unit, assignment, dispatchCase, now: unit.now });
      await this.assignments.save(unit, assignment);
      if (followUp) await followUp();
      await this.cases.save(manager, dispatchCase);
      return assignment;
    });
  }
}
