// What happens when a deadline timer fires. Each handler runs in the poller's transaction (which also
// deletes the timer), locks the case, and does nothing when the state has moved on — a timer that lost
// the race to an acceptance or a cancellation is simply spent.
import { Inject, Injectable } from '@nestjs/common';
import { ActorRef, assignmentExpiredV1, slaReminderDueV1, SlaDeadlineKind } from '@loop/contracts';
import { CLOCK, Clock, DueTimer, scheduleTimer, TimerHandler } from '@loop/platform';
import { slaBreaches } from './sla-metrics';
import { EntityManager } from 'typeorm';
import { DispatchCase } from '../domain/dispatch-case.aggregate';
import { SlaPolicy } from '../domain/sla.policy';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { AssignmentDirectory } from './assignment-directory';
import { AssignmentEvents } from './assignment-events';
import { Cause, SLA_TIMER, systemCause } from './cause';
import { OfferWorkflow } from './offer-workflow';
import { SlaTimerKinds } from './sla-timers';

/** Offer expiry, deadline breaches and reminders. */
@Injectable()
export class SlaTimersHandler {
  constructor(
    private readonly cases: DispatchCaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly directory: AssignmentDirectory,
    private readonly workflow: OfferWorkflow,
    private readonly events: AssignmentEvents,
    private readonly policy: SlaPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The offer was not answered in time: it expires and the work goes to the next candidate. */
  @TimerHandler(SlaTimerKinds.offerExpiry)
  async onOfferExpired(timer: DueTimer, manager: EntityManager): Promise<void> {
    const ticketId = String(timer.payload.ticketId);
    const dispatchCase = await this.cases.lock(manager, ticketId);
    const assignment = await this.assignments.find(manager, timer.key);
    if (!dispatchCase || !assignment || assignment.status !== 'offered') return;
    const now = this.clock.now();
    const cause = causeOf(timer);
    assignment.expire(now);
    await this.assignments.save(manager, assignment);
    dispatchCase.recordReturn(assignment.assignee.id, 'expired');
    await this.events.add(
      manager,
      assignmentExpiredV1,
      {
        ticketId,
        assignmentId: assignment.id,
        assignee: assignment.assignee,
        offerExpiresAt: assignment.offerExpiresAt.toISOString(),
        expiredAt: now.toISOString(),
      },
      cause,
    );
    await this.workflow.offerToNextCandidate(manager, dispatchCase, cause);
    await this.workflow.announceIfQueued(manager, dispatchCase, 'returned', cause, now);
    await this.cases.save(manager, dispatchCase);
  }

  /** Nobody accepted in time: escalate one level, and check again one window later. */
  @TimerHandler(SlaTimerKinds.acceptDeadline)
  async onAcceptDeadline(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.lock(manager, timer.key);
    if (!dispatchCase || !dispatchCase.isAwaitingAcceptance()) return;
    await this.breach(manager, dispatchCase, 'accept', timer);
  }

  /** The work was not completed in time: escalate one level, and check again one window later. */
  @TimerHandler(SlaTimerKinds.completionDeadline)
  async onCompletionDeadline(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.lock(manager, timer.key);
    if (!dispatchCase || !dispatchCase.isOpen()) return;
    await this.breach(manager, dispatchCase, 'complete', timer);
  }

  /** The accept deadline is near: remind whoever holds the offer. */
  @TimerHandler(SlaTimerKinds.acceptReminder)
  async onAcceptReminder(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.find(manager, timer.key);
    if (!dispatchCase || dispatchCase.status !== 'offered') return;
    await this.remind(manager, dispatchCase, 'accept', timer);
  }

  /** The completion deadline is near: remind the assignee doing the work. */
  @TimerHandler(SlaTimerKinds.completionReminder)
  async onCompletionReminder(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.find(manager, timer.key);
    if (!dispatchCase || !['offered', 'accepted', 'in_progress'].includes(dispatchCase.status)) return;
    await this.remind(manager, dispatchCase, 'complete', timer);
  }

  private async breach(
    manager: EntityManager,
    dispatchCase: DispatchCase,
    deadline: 'accept' | 'complete',
    timer: DueTimer,
  ): Promise<void> {
    const reason = deadline === 'accept' ? 'accept_deadline' : 'completion_deadline';
    if (timer.attempts === 0)
      slaBreaches().inc({ deadline: deadline === 'accept' ? 'acceptance' : 'completion' });
    const escalated = await this.workflow.escalate(manager, dispatchCase, reason, causeOf(timer));
    await this.cases.save(manager, dispatchCase);
    if (!escalated || dispatchCase.escalationLevel >= 3) return;
    // Re-arming the same timer moves it (its version changes), so the poller keeps it for the next level.
    const s = dispatchCase.snapshot();
    const time = await this.directory.workingTimeOf(s.communityId);
    const nextCheck = this.policy.nextEscalationCheck(
      s.categoryCode,
      s.urgency,
      deadline,
      this.clock.now(),
      time,
    );
    await scheduleTimer(manager, {
      kind: timer.kind,
      key: timer.key,
      dueAt: nextCheck,
      payload: timer.payload,
    });
  }

  private async remind(
    manager: EntityManager,
    dispatchCase: DispatchCase,
    kind: SlaDeadlineKind,
    timer: DueTimer,
  ): Promise<void> {
    const assignmentId = dispatchCase.currentAssignmentId;
    const assignment = assignmentId ? await this.assignments.find(manager, assignmentId) : undefined;
    if (!assignment || !assignment.isLive()) return;
    const recipient: ActorRef = { role: assignment.assignee.kind, id: assignment.assignee.id };
    const deadlineAt = kind === 'accept' ? dispatchCase.acceptDueAt : dispatchCase.completeDueAt;
    await this.events.add(
      manager,
      slaReminderDueV1,
      {
        ticketId: dispatchCase.ticketId,
        assignmentId: assignment.id,
        deadlineKind: kind,
        deadlineAt: deadlineAt.toISOString(),
        recipient,
        dueAt: this.clock.now().toISOString(),
      },
      causeOf(timer),
    );
  }
}

// Timers carry the correlation id of the request or event that armed them.
function causeOf(timer: DueTimer): Cause {
  const correlationId =
    typeof timer.payload.correlationId === 'string' ? timer.payload.correlationId : undefined;
  return systemCause(SLA_TIMER, { correlationId });
}
