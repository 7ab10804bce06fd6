import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@loop/messaging';
import { MemberProfiles } from '../../directory/application/member-profiles.port';
import { dueTicketOutcomes } from '../domain/ticket-crediting.policy';
import { LedgerTypeormRepository } from '../infrastructure/ledger.typeorm-repository';
import {
  StoredTicketLoopFact,
  TicketLoopFactTypeormRepository,
} from '../infrastructure/ticket-loop-fact.typeorm-repository';
import { LedgerAppender } from './ledger-appender';

/**
 * Takes one ticket-loop fact (completion, confirmation, reopen) into the ledger: remembers it, runs the
 * crediting rule over everything known about the assignment, and appends whichever credits and
 * reversals the rule calls for that the ledger does not hold yet. Runs in the consumer's transaction,
 * with the unit of the ledger following the event that brought the fact.
 */
@Injectable()
export class CreditTicketWorkHandler {
  constructor(
    private readonly facts: TicketLoopFactTypeormRepository,
    private readonly ledger: LedgerTypeormRepository,
    private readonly profiles: MemberProfiles,
    private readonly appender: LedgerAppender,
  ) {}

  /** Records `fact` and settles the assignment's ledger entries with `unit`. */
  async handle(unit: UnitOfWork, fact: StoredTicketLoopFact): Promise<void> {
    const { manager } = unit;
    await this.facts.lockAssignment(manager, fact.assignmentId);
    await this.facts.remember(manager, fact);
    const known = await this.facts.factsOf(manager, fact.assignmentId);
    const ticketId = fact.ticketId;
    for (const due of dueTicketOutcomes(known)) {
      if (due.kind === 'credit') {
        const profile = await this.profiles.find(manager, due.memberId);
        await this.appender.append(unit, {
          id: unit.newId(),
          memberId: due.memberId,
          kind: 'credit',
          minutes: due.minutes,
          unitId: profile?.unitId ?? null,
          communityId: profile?.communityId ?? null,
          source: { kind: 'ticket', id: ticketId },
          assignmentId: fact.assignmentId,
          causedByEventId: due.causeEventId,
          causedByEventType: 'ticket.confirmed',
          reversesEntryId: null,
          reason: null,
          verifiedBy: due.verifiedBy,
          occurredAt: due.occurredAt,
        });
      } else {
        if (await this.ledger.findByCause(manager, 'reversal', due.causeEventId)) continue;
        const credit = await this.ledger.findByCause(manager, 'credit', due.reversesCreditCausedBy);
        if (!credit) continue;
        await this.appender.append(
          unit,
          {
            id: unit.newId(),
            memberId: credit.memberId,
            kind: 'reversal',
            minutes: -credit.minutes,
            unitId: credit.unitId,
            communityId: credit.communityId,
            source: credit.source,
            assignmentId: fact.assignmentId,
            causedByEventId: due.causeEventId,
            causedByEventType: 'ticket.reopened',
            reversesEntryId: credit.id,
            reason: 'ticket_reopened',
            verifiedBy: due.verifiedBy,
            occurredAt: due.occurredAt,
          },
          'ticket_reopened',
        );
      }
    }
  }
}
