// What dispatch does when the requests service says a ticket was cancelled, confirmed or reopened:
// withdraw whatever is live, stop (or restart) the deadline timers.
import { Injectable } from '@nestjs/common';
import { TicketReopenedV1, TicketUnmergedV1 } from '@loop/contracts';
import { UnitOfWork } from '@loop/messaging';
import { DispatchCase } from '../domain/dispatch-case.aggregate';
import { SlaPolicy } from '../domain/sla.policy';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { AssignmentDirectory } from './assignment-directory';
import { OfferWorkflow } from './offer-workflow';
import {
  armDeadline,
  armQueueReminder,
  disarmDeadline,
  disarmOfferExpiry,
  disarmQueueReminder,
} from './sla-timers';

/** Applies cancellations, confirmations and reopenings of tickets to their dispatch cases. */
@Injectable()
export class TicketLifecycleHandler {
  constructor(
    private readonly cases: DispatchCaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly directory: AssignmentDirectory,
    private readonly workflow: OfferWorkflow,
    private readonly policy: SlaPolicy,
  ) {}

  /** The ticket was cancelled: the live offer or assignment is withdrawn and every timer stops. */
  async cancel(unit: UnitOfWork, ticketId: string): Promise<void> {
    const dispatchCase = await this.cases.lock(unit.manager, ticketId);
    if (!dispatchCase || dispatchCase.status === 'cancelled' || dispatchCase.status === 'closed') return;
    await this.stopEverything(unit, dispatchCase, 'ticket_cancelled');
    dispatchCase.cancel();
    await this.cases.save(unit.manager, dispatchCase);
  }

  /**
   * The ticket was merged into another report of the same problem: like a withdrawn ticket, its live
   * offer or assignment is withdrawn and every timer stops; the master's case does the work.
   */
  async merge(unit: UnitOfWork, ticketId: string): Promise<void> {
    const dispatchCase = await this.cases.lock(unit.manager, ticketId);
    if (!dispatchCase || dispatchCase.status === 'cancelled' || dispatchCase.status === 'closed') return;
    await this.stopEverything(unit, dispatchCase, 'ticket_merged');
    dispatchCase.cancel();
    await this.cases.save(unit.manager, dispatchCase);
  }

  /** The ticket was unmerged: it is dispatched again on its own, from scratch, against fresh deadlines. */
  async unmerge(unit: UnitOfWork, unmerged: TicketUnmergedV1): Promise<void> {
    const dispatchCase = await this.cases.lock(unit.manager, unmerged.ticketId);
    if (!dispatchCase) return;
    const s = dispatchCase.snapshot();
    const unmergedAt = new Date(unmerged.unmergedAt);
    const time = await this.directory.workingTimeOf(s.communityId);
    const deadlines = this.policy.deadlinesFor(s.categoryCode, s.urgency, unmergedAt, time);
    if (!dispatchCase.restartAfterUnmerge(deadlines.acceptDueAt, deadlines.completeDueAt)) return;
    await this.armAndOffer(unit, dispatchCase, unmergedAt, deadlines, 'submitted');
    await this.cases.save(unit.manager, dispatchCase);
  }

  /** The ticket was confirmed (closed): every timer stops. */
  async close(unit: UnitOfWork, ticketId: string): Promise<void> {
    const dispatchCase = await this.cases.lock(unit.manager, ticketId);
    if (!dispatchCase || dispatchCase.status === 'cancelled' || dispatchCase.status === 'closed') return;
    await this.stopEverything(unit, dispatchCase, 'ticket_closed');
    dispatchCase.close();
    await this.cases.save(unit.manager, dispatchCase);
  }

  /** The ticket was reopened: it goes back to dispatch against fresh deadlines. */
  async reopen(unit: UnitOfWork, reopened: TicketReopenedV1): Promise<void> {
    const dispatchCase = await this.cases.lock(unit.manager, reopened.ticketId);
    if (!dispatchCase || (dispatchCase.status !== 'resolved' && dispatchCase.status !== 'closed')) return;
    const s = dispatchCase.snapshot();
    const reopenedAt = new Date(reopened.reopenedAt);
    const time = await this.directory.workingTimeOf(s.communityId);
    const deadlines = this.policy.deadlinesFor(s.categoryCode, s.urgency, reopenedAt, time);
    dispatchCase.reopen(deadlines.acceptDueAt, deadlines.completeDueAt);
    await this.armAndOffer(unit, dispatchCase, reopenedAt, deadlines, 'reopened');
    await this.cases.save(unit.manager, dispatchCase);
  }

  // A case back in the queue: its deadline timers and queue reminder are armed, it is offered at once in
  // a community that dispatches automatically, and announced as queued otherwise.
  private async armAndOffer(
    unit: UnitOfWork,
    dispatchCase: DispatchCase,
    from: Date,
    deadlines: { acceptDueAt: Date; completeDueAt: Date },
    reason: 'reopened' | 'submitted',
  ): Promise<void> {
    const s = dispatchCase.snapshot();
    const time = await this.directory.workingTimeOf(s.communityId);
    const { manager, now, cause } = unit;
    await armDeadline(manager, 'accept', s.ticketId, from, deadlines.acceptDueAt, now, cause.correlationId);
    await armDeadline(
      manager,
      'complete',
      s.ticketId,
      from,
      deadlines.completeDueAt,
      now,
      cause.correlationId,
    );
    await armQueueReminder(
      manager,
      s.ticketId,
      this.policy.queueReminderAt(s.categoryCode, s.urgency, from, time),
      deadlines.acceptDueAt,
      now,
      cause.correlationId,
    );
    if (await this.directory.autoDispatches(s.communityId)) {
      await this.workflow.offerToNextCandidate(unit, dispatchCase);
    }
    await this.workflow.announceIfQueued(unit, dispatchCase, reason, from);
  }

  private async stopEverything(unit: UnitOfWork, dispatchCase: DispatchCase, reason: string): Promise<void> {
    const { manager } = unit;
    const currentId = dispatchCase.currentAssignmentId;
    if (currentId) {
      const assignment = await this.assignments.find(manager, currentId);
      if (assignment?.isLive()) {
        assignment.withdraw(unit.now, reason);
        await this.assignments.save(unit, assignment);
      }
      await disarmOfferExpiry(manager, currentId);
    }
    await disarmDeadline(manager, 'accept', dispatchCase.ticketId);
    await disarmDeadline(manager, 'complete', dispatchCase.ticketId);
    await disarmQueueReminder(manager, dispatchCase.ticketId);
  }
}
