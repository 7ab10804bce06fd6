import { Injectable } from '@nestjs/common';
import { UnitsOfWork } from '@loop/messaging';
import { callerActor, callerCause } from '../../ticket/application/cancel-ticket.handler';
import { TicketStore } from '../../ticket/application/ticket-store';
import type { Ticket } from '../../ticket/domain/ticket.aggregate';
import { TicketNotFoundError } from '../../ticket/domain/ticket.errors';
import { actsForCommunity, canView, Viewer } from '../../ticket/domain/ticket-visibility.policy';
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
    private readonly units: UnitsOfWork,
    private readonly merges: TicketMerges,
    private readonly proposals: DuplicateProposals,
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
    return this.units.run(callerCause(caller), async (unit) => {
      const tickets = new TicketStore(unit);
      const master = this.actedOn(
        caller,
        command.masterTicketId,
        await tickets.lockById(command.masterTicketId),
      );
      const duplicate = this.actedOn(caller, duplicateId, await tickets.lockById(duplicateId));
      return this.merges.merge(unit, duplicate, master, {
        actor: callerActor(caller, duplicate.state),
        auto: false,
        reason: command.reason,
      });
    });
  }

  /** Takes ticket `duplicateId` out of its master: it goes back to dispatch on its own. */
  async unmerge(caller: Viewer, duplicateId: string, command: { reason: string }): Promise<void> {
    await this.units.run(callerCause(caller), async (unit) => {
      const duplicate = this.actedOn(caller, duplicateId, await new TicketStore(unit).lockById(duplicateId));
      await this.merges.unmerge(unit, duplicate, {
        actor: callerActor(caller, duplicate.state),
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
    await this.units.run(callerCause(caller), async (unit) => {
      const tickets = new TicketStore(unit);
      const duplicates = new DuplicateRepository(unit.manager);
      const orientation = await duplicates.orientationOf(ticketId, command.otherTicketId);
      const [reportId, masterId] = orientation ?? [ticketId, command.otherTicketId];
      const report = this.actedOn(caller, reportId, await tickets.lockById(reportId));
      const master = this.actedOn(caller, masterId, await tickets.lockById(masterId));
      await duplicates.decide(
        { duplicateId: reportId, masterId, communityId: report.state.location.communityId, similarity: 0 },
        { status: 'kept_apart', by: callerActor(caller, master.state), at: unit.now, reason: command.reason },
      );
      await this.proposals.proposeFor(unit, report, false);
    });
  }

  // A ticket the caller cannot see does not exist for them; one they see but do not act for is refused.
  private actedOn(caller: Viewer, ticketId: string, ticket: Ticket | undefined): Ticket {
    if (!ticket || !canView(caller, ticket.state)) throw new TicketNotFoundError(ticketId);
    if (!actsForCommunity(caller, ticket.state)) throw new DuplicateActionForbiddenError();
    return ticket;
  }
}
