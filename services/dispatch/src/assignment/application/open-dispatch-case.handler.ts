// Intake: a submitted ticket opens a dispatch case with its deadlines armed, and — where the community
// dispatches automatically — an offer to the top candidate, or else ticket.queued for staff, all in the
// transaction of the inbox entry.
import { Injectable } from '@nestjs/common';
import { TicketSubmittedV1 } from '@loop/contracts';
import { UnitOfWork } from '@loop/messaging';
import { DispatchCase } from '../domain/dispatch-case.aggregate';
import { SlaPolicy } from '../domain/sla.policy';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { AssignmentDirectory } from './assignment-directory';
import { OfferWorkflow } from './offer-workflow';
import { armDeadline, armQueueReminder } from './sla-timers';

/** Opens the dispatch case of a submitted ticket (idempotent per ticket). */
@Injectable()
export class OpenDispatchCaseHandler {
  constructor(
    private readonly cases: DispatchCaseRepository,
    private readonly directory: AssignmentDirectory,
    private readonly workflow: OfferWorkflow,
    private readonly policy: SlaPolicy,
  ) {}

  /** Opens the case; a ticket that already has one (a repeated submission) changes nothing. */
  async execute(unit: UnitOfWork, ticket: TicketSubmittedV1): Promise<void> {
    const { manager, now, cause } = unit;
    const submittedAt = new Date(ticket.submittedAt);
    const time = await this.directory.workingTimeOf(ticket.communityId);
    // The clock starts at submission and is never reset by declines or hand-backs.
    const deadlines = this.policy.deadlinesFor(ticket.categoryCode, ticket.urgency, submittedAt, time);
    const dispatchCase = DispatchCase.open({
      ticketId: ticket.ticketId,
      ticketNumber: ticket.ticketNumber,
      communityId: ticket.communityId,
      gridId: ticket.gridId,
      compoundId: ticket.compoundId ?? null,
      householdId: ticket.householdId ?? null,
      residentId: ticket.residentId,
      categoryCode: ticket.categoryCode,
      urgency: ticket.urgency,
      submittedAt,
      ...deadlines,
    });
    if (!(await this.cases.insertIfAbsent(manager, dispatchCase))) return;
    await armDeadline(
      manager,
      'accept',
      ticket.ticketId,
      submittedAt,
      deadlines.acceptDueAt,
      now,
      cause.correlationId,
    );
    await armDeadline(
      manager,
      'complete',
      ticket.ticketId,
      submittedAt,
      deadlines.completeDueAt,
      now,
      cause.correlationId,
    );
    // Armed whether or not the ticket is offered now: it checks the queue when it fires.
    await armQueueReminder(
      manager,
      ticket.ticketId,
      this.policy.queueReminderAt(ticket.categoryCode, ticket.urgency, submittedAt, time),
      deadlines.acceptDueAt,
      now,
      cause.correlationId,
    );
    if (await this.directory.autoDispatches(ticket.communityId)) {
      await this.workflow.offerToNextCandidate(unit, dispatchCase);
      await this.cases.save(manager, dispatchCase);
    }
    // Left for staff (no auto-dispatch, or nobody to offer it to): the loop must still see its deadline.
    await this.workflow.announceIfQueued(unit, dispatchCase, 'submitted', submittedAt);
  }
}
