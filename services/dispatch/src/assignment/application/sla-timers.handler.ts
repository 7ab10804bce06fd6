// What happens when a deadline timer fires. Each handler runs in the poller's transaction (which also
// deletes the timer), locks the case, and does nothing when the state has moved on — a timer that lost
// the race to an acceptance or a cancellation is simply spent. Reminders only read the case: they
// change nothing but their own timer, and must not wait behind a command holding the case lock.
import { Injectable } from '@nestjs/common';
import { ActorRef, slaReminderDueV1, SlaDeadlineKind, SlaReminderReason } from '@loop/contracts';
import { UnitOfWork, UnitsOfWork } from '@loop/messaging';
import { DueTimer, scheduleTimer, TimerHandler } from '@loop/platform';
import { slaBreaches } from './sla-metrics';
import { EntityManager } from 'typeorm';
import { DispatchCase } from '../domain/dispatch-case.aggregate';
import { queueReminderRecipients, supervisionRecipients } from '../domain/reminder-recipients.policy';
import { SlaPolicy } from '../domain/sla.policy';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { AssignmentDirectory } from './assignment-directory';
import { Cause, SLA_TIMER, systemCause } from './cause';
import { OfferWorkflow } from './offer-workflow';
import { armSupervision, DeadlineTimerPayload, SlaTimerKinds } from './sla-timers';

/** Offer expiry, deadline breaches and reminders. */
@Injectable()
export class SlaTimersHandler {
  constructor(
    private readonly cases: DispatchCaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly directory: AssignmentDirectory,
    private readonly workflow: OfferWorkflow,
    private readonly policy: SlaPolicy,
    private readonly units: UnitsOfWork,
  ) {}

  /** The offer was not answered in time: it expires and the work goes to the next candidate. */
  @TimerHandler(SlaTimerKinds.offerExpiry)
  async onOfferExpired(timer: DueTimer, manager: EntityManager): Promise<void> {
    const ticketId = String(timer.payload.ticketId);
    const dispatchCase = await this.cases.lock(manager, ticketId);
    const assignment = await this.assignments.find(manager, timer.key);
    if (!dispatchCase || !assignment || assignment.status !== 'offered') return;
    await this.units.within(manager, causeOf(timer), async (unit) => {
      assignment.expire(unit.now);
      await this.assignments.save(unit, assignment);
      dispatchCase.recordReturn(assignment.assignee.id, 'expired');
      await this.workflow.offerToNextCandidate(unit, dispatchCase);
      await this.workflow.announceIfQueued(unit, dispatchCase, 'returned', unit.now);
      await this.cases.save(manager, dispatchCase);
    });
  }

  /** Nobody accepted in time: escalate one level, and check again one window later. */
  @TimerHandler(SlaTimerKinds.acceptDeadline)
  async onAcceptDeadline(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.lock(manager, timer.key);
    if (!dispatchCase || !dispatchCase.isAwaitingAcceptance()) return;
    await this.units.within(manager, causeOf(timer), (unit) =>
      this.breach(unit, dispatchCase, 'accept', timer),
    );
  }

  /** The work was not completed in time: escalate one level, and check again one window later. */
  @TimerHandler(SlaTimerKinds.completionDeadline)
  async onCompletionDeadline(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.lock(manager, timer.key);
    if (!dispatchCase || !dispatchCase.isOpen()) return;
    await this.units.within(manager, causeOf(timer), (unit) =>
      this.breach(unit, dispatchCase, 'complete', timer),
    );
  }

  /** The accept deadline is near: remind whoever holds the offer. */
  @TimerHandler(SlaTimerKinds.acceptReminder)
  async onAcceptReminder(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.find(manager, timer.key);
    if (!dispatchCase || dispatchCase.status !== 'offered') return;
    await this.units.within(manager, causeOf(timer), (unit) => this.remind(unit, dispatchCase, 'accept'));
  }

  /** The completion deadline is near: remind the assignee doing the work. */
  @TimerHandler(SlaTimerKinds.completionReminder)
  async onCompletionReminder(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.find(manager, timer.key);
    if (!dispatchCase || !['offered', 'accepted', 'in_progress'].includes(dispatchCase.status)) return;
    await this.units.within(manager, causeOf(timer), (unit) => this.remind(unit, dispatchCase, 'complete'));
  }

  /** Past the top escalation level and still not accepted: remind the county leader and the secretary (督办). */
  @TimerHandler(SlaTimerKinds.acceptSupervision)
  async onAcceptSupervision(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.find(manager, timer.key);
    if (!dispatchCase || !dispatchCase.isAwaitingAcceptance()) return;
    await this.units.within(manager, causeOf(timer), (unit) =>
      this.supervise(unit, dispatchCase, 'accept', timer),
    );
  }

  /** Past the top escalation level and the work still not done: remind them again (督办). */
  @TimerHandler(SlaTimerKinds.completionSupervision)
  async onCompletionSupervision(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.find(manager, timer.key);
    if (!dispatchCase || !dispatchCase.isOpen()) return;
    await this.units.within(manager, causeOf(timer), (unit) =>
      this.supervise(unit, dispatchCase, 'complete', timer),
    );
  }

  /** A queued ticket nobody holds nears its accept deadline: tell the community's staff, once. */
  @TimerHandler(SlaTimerKinds.queueReminder)
  async onQueueReminder(timer: DueTimer, manager: EntityManager): Promise<void> {
    const dispatchCase = await this.cases.find(manager, timer.key);
    // Offered or taken meanwhile, or already past the deadline (the breach escalates instead): nothing to say.
    if (!dispatchCase || dispatchCase.status !== 'awaiting_dispatch') return;
    await this.units.within(manager, causeOf(timer), async (unit) => {
      if (unit.now.getTime() >= dispatchCase.acceptDueAt.getTime()) return;
      const staff = await this.directory.staffOf(dispatchCase.communityId);
      this.remindAll(unit, dispatchCase, queueReminderRecipients(staff), 'accept', 'waiting_in_queue');
    });
  }

  private async breach(
    unit: UnitOfWork,
    dispatchCase: DispatchCase,
    deadline: 'accept' | 'complete',
    timer: DueTimer,
  ): Promise<void> {
    const { manager, now } = unit;
    const reason = deadline === 'accept' ? 'accept_deadline' : 'completion_deadline';
    if (timer.attempts === 0)
      slaBreaches().inc({ deadline: deadline === 'accept' ? 'acceptance' : 'completion' });
    const escalated = await this.workflow.escalate(unit, dispatchCase, reason);
    await this.cases.save(manager, dispatchCase);
    const s = dispatchCase.snapshot();
    const time = await this.directory.workingTimeOf(s.communityId);
    if (escalated && dispatchCase.escalationLevel < 3) {
      // Re-arming the same timer moves it (its version changes), so the poller keeps it for the next level.
      const nextCheck = this.policy.nextEscalationCheck(s.categoryCode, s.urgency, deadline, now, time);
      await scheduleTimer(manager, {
        kind: timer.kind,
        key: timer.key,
        dueAt: nextCheck,
        payload: timer.payload,
      });
      return;
    }
    // Nobody left to escalate to: the ticket is supervised (督办) every window until it moves on, so it
    // always has a next deadline.
    const nextReminder = this.policy.nextSupervisionAt(s.categoryCode, s.urgency, now, time);
    await armSupervision(manager, deadline, s.ticketId, nextReminder, payloadOf(timer));
  }

  // One supervision round: remind, then move its own timer one window on (the poller keeps a moved row).
  private async supervise(
    unit: UnitOfWork,
    dispatchCase: DispatchCase,
    deadline: 'accept' | 'complete',
    timer: DueTimer,
  ): Promise<void> {
    const s = dispatchCase.snapshot();
    const [chain, staff, time] = await Promise.all([
      this.directory.escalationChain(s.communityId),
      this.directory.staffOf(s.communityId),
      this.directory.workingTimeOf(s.communityId),
    ]);
    const escalatedTo = s.escalatedToId
      ? { role: s.escalatedToRole ?? 'official', id: s.escalatedToId }
      : null;
    const recipients = supervisionRecipients(escalatedTo, chain, staff);
    this.remindAll(unit, dispatchCase, recipients, deadline, 'supervision');
    const nextReminder = this.policy.nextSupervisionAt(s.categoryCode, s.urgency, unit.now, time);
    await armSupervision(unit.manager, deadline, s.ticketId, nextReminder, payloadOf(timer));
  }

  // One sla.reminder_due per recipient, naming the live offer or assignment when somebody holds one.
  private remindAll(
    unit: UnitOfWork,
    dispatchCase: DispatchCase,
    recipients: readonly ActorRef[],
    kind: SlaDeadlineKind,
    reason: SlaReminderReason,
  ): void {
    const assignmentId = dispatchCase.currentAssignmentId;
    const deadlineAt = kind === 'accept' ? dispatchCase.acceptDueAt : dispatchCase.completeDueAt;
    for (const recipient of recipients) {
      unit.record(slaReminderDueV1, {
        ticketId: dispatchCase.ticketId,
        ...(assignmentId ? { assignmentId } : {}),
        deadlineKind: kind,
        deadlineAt: deadlineAt.toISOString(),
        recipient: { role: recipient.role, id: recipient.id },
        dueAt: unit.now.toISOString(),
        reason,
      });
    }
  }

  // The holder of the live offer or assignment, before its deadline.
  private async remind(unit: UnitOfWork, dispatchCase: DispatchCase, kind: SlaDeadlineKind): Promise<void> {
    const assignmentId = dispatchCase.currentAssignmentId;
    const assignment = assignmentId ? await this.assignments.find(unit.manager, assignmentId) : undefined;
    if (!assignment || !assignment.isLive()) return;
    const holder: ActorRef = { role: assignment.assignee.kind, id: assignment.assignee.id };
    this.remindAll(unit, dispatchCase, [holder], kind, 'deadline_near');
  }
}

// A supervision timer keeps the deadline and correlation of the deadline timer it took over from.
function payloadOf(timer: DueTimer): DeadlineTimerPayload {
  return {
    ticketId: String(timer.payload.ticketId ?? timer.key),
    deadlineAt: String(timer.payload.deadlineAt ?? ''),
    correlationId: typeof timer.payload.correlationId === 'string' ? timer.payload.correlationId : undefined,
  };
}

// Timers carry the correlation id of the request or event that armed them.
function causeOf(timer: DueTimer): Cause {
  const correlationId =
    typeof timer.payload.correlationId === 'string' ? timer.payload.correlationId : undefined;
  return systemCause(SLA_TIMER, { correlationId });
}
