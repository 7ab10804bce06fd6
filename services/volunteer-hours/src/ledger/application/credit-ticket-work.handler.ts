import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope } from '@loop/contracts';
import { EntityManager } from 'typeorm';
import { MemberProfileTypeormRepository } from '../../directory/infrastructure/member-profile.typeorm-repository';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
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
 * reversals the rule calls for that the ledger does not hold yet. Runs in the consumer's transaction.
 */
@Injectable()
export class CreditTicketWorkHandler {
  constructor(
    private readonly facts: TicketLoopFactTypeormRepository,
    private readonly ledger: LedgerTypeormRepository,
    private readonly profiles: MemberProfileTypeormRepository,
    private readonly appender: LedgerAppender,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  /** Records `fact` (heard in `envelope`) and settles the assignment's ledger entries. */
  async handle(manager: EntityManager, fact: StoredTicketLoopFact, envelope: EventEnvelope): Promise<void> {
    await this.facts.lockAssignment(manager, fact.assignmentId);
    await this.facts.remember(manager, fact);
    const known = await this.facts.factsOf(manager, fact.assignmentId);
    const ticketId = fact.ticketId;
    for (const due of dueTicketOutcomes(known)) {
      if (due.kind === 'credit') {
        const profile = await this.profiles.find(manager, due.memberId);
        await this.appender.append(
          manager,
          {
            id: this.newId(),
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
          },
          { envelope },
        );
      } else {
        if (await this.ledger.findByCause(manager, 'reversal', due.causeEventId)) continue;
        const credit = await this.ledger.findByCause(manager, 'credit', due.reversesCreditCausedBy);
        if (!credit) continue;
        await this.appender.append(
          manager,
          {
            id: this.newId(),
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
          { envelope, reversalReason: 'ticket_reopened' },
        );
      }
    }
  }
}
