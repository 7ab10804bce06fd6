// What dispatch does when the requests service says a ticket was cancelled, confirmed or reopened:
// withdraw whatever is live, stop (or restart) the deadline timers.
import { Inject, Injectable } from '@nestjs/common';
import { TicketReopenedV1 } from '@loop/contracts';
import { CLOCK, Clock } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { DispatchCase } from '../domain/dispatch-case.aggregate';
import { SlaPolicy } from '../domain/sla.policy';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { AssignmentDirectory } from './assignment-directory';
import { Cause } from './cause';
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The ticket was cancelled: the live offer or assignment is withdrawn and every timer stops. */
  async cancel(manager: EntityManager, ticketId: string): Promise<void> {
    const dispatchCase = await this.cases.lock(manager, ticketId);
    if (!dispatchCase || dispatchCase.status === 'cancelled' || dispatchCase.status === 'closed') return;
    await this.stopEverything(manager, dispatchCase, 'ticket_cancelled');
    dispatchCase.cancel();
    await this.cases.save(manager, dispatchCase);
  }

  /** The ticket was confirmed (closed): every timer stops. */
  async close(manager: EntityManager, ticketId: string): Promise<void> {
    const dispatchCase = await this.cases.lock(manager, ticketId);
    if (!dispatchCase || dispatchCase.status === 'cancelled' || dispatchCase.status === 'closed') return;
    await this.stopEverything(manager, dispatchCase, 'ticket_closed');
    dispatchCase.close();
    await this.cases.save(manager, dispatchCase);
  }

  /** The ticket was reopened: it goes back to dispatch against fresh deadlines. */
  async reopen(manager: EntityManager, reopened: TicketReopenedV1, cause: Cause): Promise<void> {
    const dispatchCase = await this.cases.lock(manager, reopened.ticketId);
    if (!dispatchCase || (dispatchCase.status !== 'resolved' && dispatchCase.status !== 'closed')) return;
    const s = dispatchCase.snapshot();
    const reopenedAt = new Date(reopened.reopenedAt);
    const time = await this.directory.workingTimeOf(s.communityId);
    const deadlines = this.policy.deadlinesFor(s.categoryCode, s.urgency, reopenedAt, time);
    dispatchCase.reopen(deadlines.acceptDueAt, deadlines.completeDueAt);
    const now = this.clock.now();
    await armDeadline(
      manager,
      'accept',
      s.ticketId,
      reopenedAt,
      deadlines.acceptDueAt,
      now,
      cause.correlationId,
    );
    await armDeadline(
      manager,
      'complete',
      s.ticketId,
      reopenedAt,
      deadlines.completeDueAt,
      now,
      cause.correlationId,
    );
    await armQueueReminder(
      manager,
      s.ticketId,
      this.policy.queueReminderAt(s.categoryCode, s.urgency, reopenedAt, time),
      deadlines.acceptDueAt,
      now,
      cause.correlationId,
    );
    if (await this.directory.autoDispatches(s.communityId)) {
      await this.workflow.offerToNextCandidate(manager, dispatchCase, cause);
    }
    await this.workflow.announceIfQueued(manager, dispatchCase, 'reopened', cause, reopenedAt);
    await this.cases.save(manager, dispatchCase);
  }

  private async stopEverything(
    manager: EntityManager,
    dispatchCase: DispatchCase,
    reason: string,
  ): Promise<void> {
    const currentId = dispatchCase.currentAssignmentId;
    if (currentId) {
      const assignment = await this.assignments.find(manager, currentId);
      if (assignment?.isLive()) {
        assignment.withdraw(this.clock.now(), reason);
        await this.assignments.save(manager, assignment);
      }
      await disarmOfferExpiry(manager, currentId);
    }
    await disarmDeadline(manager, 'accept', dispatchCase.ticketId);
    await disarmDeadline(manager, 'complete', dispatchCase.ticketId);
    await disarmQueueReminder(manager, dispatchCase.ticketId);
  }
}
