import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, runTransaction } from '@loop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import { actorRoleOf } from '../../ticket/application/cancel-ticket.handler';
import type { Ticket } from '../../ticket/domain/ticket.aggregate';
import { TicketNotFoundError } from '../../ticket/domain/ticket.errors';
import { actsForCommunity, canView, Viewer } from '../../ticket/domain/ticket-visibility.policy';
import { TicketRepository } from '../../ticket/infrastructure/ticket.typeorm-repository';
import { MergeDecision } from '../domain/duplicate-merge.policy';
import { DuplicateActionForbiddenError, MergeIntoItselfError } from '../domain/duplicate.errors';
import { DuplicateRepository } from '../infrastructure/duplicate.typeorm-repository';
import { DuplicateProposals } from './duplicate-proposals';
import { TicketMerges } from './ticket-merges';

/**
 * What the community's staff (or a district admin) decide about duplicate reports: merge a ticket into
 * its master, unmerge it, or keep two tickets apart for good.
 */
@Injectable()
export class DuplicateCommandsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly merges: TicketMerges,
    private readonly proposals: DuplicateProposals,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /**
   * Merges ticket `duplicateId` into `masterTicketId`. The master is locked first, then the duplicate —
   * the order in which a dispatch fact about the master reaches its duplicates — so two staff merging
   * the same pair at once queue one behind the other, and the second finds the merge made.
   */
  async merge(
    caller: Viewer,
    duplicateId: string,
    command: { masterTicketId: string; reason?: string },
  ): Promise<MergeDecision> {
    if (duplicateId === command.masterTicketId) throw new MergeIntoItselfError();
    return runTransaction(this.dataSource, async (manager) => {
      const tickets = new TicketRepository(manager);
      const master = this.actedOn(
        caller,
        command.masterTicketId,
        await tickets.lockById(command.masterTicketId),
      );
      const duplicate = this.actedOn(caller, duplicateId, await tickets.lockById(duplicateId));
      return this.merges.merge(manager, duplicate, master, {
        actor: { role: actorRoleOf(caller, duplicate.state), id: caller.id },
        at: this.clock.now(),
        ids: this.ids,
        auto: false,
        reason: command.reason,
      });
    });
  }

  /** Takes ticket `duplicateId` out of its master: it goes back to dispatch on its own. */
  async unmerge(caller: Viewer, duplicateId: string, command: { reason: string }): Promise<void> {
    await runTransaction(this.dataSource, async (manager) => {
      const duplicate = this.actedOn(
        caller,
        duplicateId,
        await new TicketRepository(manager).lockById(duplicateId),
      );
      await this.merges.unmerge(manager, duplicate, {
        actor: { role: actorRoleOf(caller, duplicate.state), id: caller.id },
        at: this.clock.now(),
        ids: this.ids,
        reason: command.reason,
      });
    });
  }

  /**
   * Keeps `ticketId` and `otherTicketId` apart: the pair is never proposed again, and the report is
   * compared once more with the other open tickets (the next oldest match, if any, is proposed).
   */
  async keepApart(
    caller: Viewer,
    ticketId: string,
    command: { otherTicketId: string; reason?: string },
  ): Promise<void> {
    if (ticketId === command.otherTicketId) throw new MergeIntoItselfError();
    await runTransaction(this.dataSource, async (manager: EntityManager) => {
      const tickets = new TicketRepository(manager);
      const duplicates = new DuplicateRepository(manager);
      const orientation = await duplicates.orientationOf(ticketId, command.otherTicketId);
      const [reportId, masterId] = orientation ?? [ticketId, command.otherTicketId];
      const report = this.actedOn(caller, reportId, await tickets.lockById(reportId));
      const master = this.actedOn(caller, masterId, await tickets.lockById(masterId));
      const now = this.clock.now();
      await duplicates.decide(
        { duplicateId: reportId, masterId, communityId: report.state.location.communityId, similarity: 0 },
        {
          status: 'kept_apart',
          by: { role: actorRoleOf(caller, master.state), id: caller.id },
          at: now,
          reason: command.reason,
        },
      );
      await this.proposals.proposeFor(manager, report, now, this.ids, false);
    });
  }

  // A ticket the caller cannot see does not exist for them; one they see but do not act for is refused.
  private actedOn(caller: Viewer, ticketId: string, ticket: Ticket | undefined): Ticket {
    if (!ticket || !canView(caller, ticket.state)) throw new TicketNotFoundError(ticketId);
    if (!actsForCommunity(caller, ticket.state)) throw new DuplicateActionForbiddenError();
    return ticket;
  }
}
