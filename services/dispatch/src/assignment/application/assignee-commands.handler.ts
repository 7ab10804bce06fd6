// What a member (or property company) does with a task: accept, decline, start, complete, hand back.
// Each command locks the ticket's case first, so it is serialised with the expiry timer, with staff
// re-dispatching and with a second click: exactly one outcome wins, the others get a 409 saying why.
import { Inject, Injectable } from '@nestjs/common';
import {
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  assignmentHandedBackV1,
  DeclineReason,
  HandBackReason,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import { CLOCK, Clock, runTransaction } from '@loop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Assignment } from '../domain/assignment.aggregate';
import { alreadyDone, AssigneeCommand } from '../domain/assignment-status';
import { AssignmentNotFoundError } from '../domain/assignment.errors';
import { DispatchCase } from '../domain/dispatch-case.aggregate';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { AssignmentEvents } from './assignment-events';
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
  manager: EntityManager;
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
    private readonly dataSource: DataSource,
    private readonly cases: DispatchCaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly workflow: OfferWorkflow,
    private readonly events: AssignmentEvents,
    private readonly completionGate: CompletionGate,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Accepts the offer; refused once it expired, was withdrawn or was already answered. */
  accept(assignmentId: string, actor: ActingAssignee): Promise<Assignment> {
    return this.run(assignmentId, actor, 'accept', async ({ manager, assignment, dispatchCase, now }) => {
      assignment.accept(now);
      dispatchCase.recordAcceptance(now);
      await disarmOfferExpiry(manager, assignment.id);
      await disarmDeadline(manager, 'accept', dispatchCase.ticketId);
      await this.events.add(
        manager,
        assignmentAcceptedV1,
        {
          ticketId: dispatchCase.ticketId,
          assignmentId: assignment.id,
          assignee: assignment.assignee,
          completionDueAt: dispatchCase.completeDueAt.toISOString(),
          acceptedAt: now.toISOString(),
        },
        actor.cause,
      );
    });
  }

  /** Declines the offer with a reason (a return, 退单); the work goes to the next candidate. */
  decline(
    assignmentId: string,
    actor: ActingAssignee,
    reasonCode: DeclineReason,
    reasonText?: string,
  ): Promise<Assignment> {
    return this.run(assignmentId, actor, 'decline', async ({ manager, assignment, dispatchCase, now }) => {
      assignment.decline(now, reasonCode, reasonText);
      dispatchCase.recordReturn(assignment.assignee.id, 'declined');
      await disarmOfferExpiry(manager, assignment.id);
      await this.events.add(
        manager,
        assignmentDeclinedV1,
        {
          ticketId: dispatchCase.ticketId,
          assignmentId: assignment.id,
          assignee: assignment.assignee,
          reasonCode,
          ...(reasonText ? { reasonText } : {}),
          declinedAt: now.toISOString(),
        },
        actor.cause,
      );
      return () => this.reofferOrQueue(manager, dispatchCase, actor.cause, now);
    });
  }

  /** Starts the accepted work. */
  start(assignmentId: string, actor: ActingAssignee): Promise<Assignment> {
    return this.run(assignmentId, actor, 'start', async ({ manager, assignment, dispatchCase, now }) => {
      assignment.start(now);
      dispatchCase.recordStart();
      await this.events.add(
        manager,
        workStartedV1,
        {
          ticketId: dispatchCase.ticketId,
          assignmentId: assignment.id,
          assignee: assignment.assignee,
          startedAt: now.toISOString(),
        },
        actor.cause,
      );
    });
  }

  /** Reports the work done with the minutes spent; the ticket is resolved and its completion deadline met. */
  complete(
    assignmentId: string,
    actor: ActingAssignee,
    minutesSpent: number,
    note?: string,
  ): Promise<Assignment> {
    return this.run(assignmentId, actor, 'complete', async ({ manager, assignment, dispatchCase, now }) => {
      // Summoned departments (吹哨报到) must all have reported or been released first (ADR 0026).
      await this.completionGate.ensureCompletable(manager, dispatchCase.ticketId);
      assignment.complete(now, minutesSpent, note);
      dispatchCase.recordCompletion(now);
      await disarmDeadline(manager, 'complete', dispatchCase.ticketId);
      if (assignment.assignee.kind === 'member') {
        await this.assignments.addServiceMinutes(
          manager,
          assignment.assignee.id,
          serviceMonthOf(now),
          minutesSpent,
        );
      }
      await this.events.add(
        manager,
        workCompletedV1,
        {
          ticketId: dispatchCase.ticketId,
          assignmentId: assignment.id,
          assignee: assignment.assignee,
          minutesSpent,
          ...(note ? { note } : {}),
          completedAt: now.toISOString(),
        },
        actor.cause,
      );
    });
  }

  /** Gives accepted work back with a reason (a return, 退单); it re-enters dispatch, the clock running on. */
  handBack(
    assignmentId: string,
    actor: ActingAssignee,
    reasonCode: HandBackReason,
    reasonText?: string,
  ): Promise<Assignment> {
    return this.run(assignmentId, actor, 'hand back', async ({ manager, assignment, dispatchCase, now }) => {
      assignment.handBack(now, reasonCode, reasonText);
      dispatchCase.recordReturn(assignment.assignee.id, 'handed_back');
      await this.events.add(
        manager,
        assignmentHandedBackV1,
        {
          ticketId: dispatchCase.ticketId,
          assignmentId: assignment.id,
          assignee: assignment.assignee,
          reasonCode,
          ...(reasonText ? { reasonText } : {}),
          handedBackAt: now.toISOString(),
        },
        actor.cause,
      );
      // The ticket needs accepting again; its original accept deadline still holds if it is ahead.
      const s = dispatchCase.snapshot();
      if (s.acceptDueAt.getTime() > now.getTime()) {
        await armDeadline(
          manager,
          'accept',
          s.ticketId,
          s.submittedAt,
          s.acceptDueAt,
          now,
          actor.cause.correlationId,
        );
      }
      return () => this.reofferOrQueue(manager, dispatchCase, actor.cause, now);
    });
  }

  // After a return: the next candidate gets the offer, or — with nobody left — the ticket waits for staff.
  private async reofferOrQueue(
    manager: EntityManager,
    dispatchCase: DispatchCase,
    cause: Cause,
    returnedAt: Date,
  ): Promise<void> {
    await this.workflow.offerToNextCandidate(manager, dispatchCase, cause);
    await this.workflow.announceIfQueued(manager, dispatchCase, 'returned', cause, returnedAt);
  }

  // Load (404, 403 before any lock), lock the case, reload the assignment under the lock, apply, save.
  // A repeat of a command that already took effect answers with the assignment as it stands.
  private run(
    assignmentId: string,
    actor: ActingAssignee,
    command: AssigneeCommand,
    step: Step,
  ): Promise<Assignment> {
    return runTransaction(this.dataSource, async (manager) => {
      const unlocked = await this.assignments.find(manager, assignmentId);
      if (!unlocked) throw new AssignmentNotFoundError(assignmentId);
      unlocked.ensureBelongsTo(actor.id);
      const dispatchCase = await this.cases.lock(manager, unlocked.ticketId);
      const assignment = await this.assignments.find(manager, assignmentId);
      if (!dispatchCase || !assignment) throw new AssignmentNotFoundError(assignmentId);
      if (alreadyDone(command, assignment.status)) return assignment;
      const followUp = await step({ manager, assignment, dispatchCase, now: this.clock.now() });
      await this.assignments.save(manager, assignment);
      if (followUp) await followUp();
      await this.cases.save(manager, dispatchCase);
      return assignment;
    });
  }
}
