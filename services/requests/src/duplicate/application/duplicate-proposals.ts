// Proposing a new ticket as a duplicate report of an earlier one (ADR 0016), inside the transaction that
// files it — or, for a community that switched auto-merge on, merging an exact match at once.
import { Inject, Injectable } from '@nestjs/common';
import { Actor, UnitOfWork } from '@loop/messaging';
import { RequestsConfig } from '../../config/requests.config';
import { TicketReader } from '../../ticket/application/ticket-reader.port';
import { TicketStore } from '../../ticket/application/ticket-store';
import type { Ticket } from '../../ticket/domain/ticket.aggregate';
import { cancellableTicketStatuses } from '../../ticket/domain/ticket-status';
import { mayBeMaster, proposeMaster } from '../domain/duplicate-matching.policy';
import {
  DuplicateRepository,
  DuplicateSettingsRepository,
} from '../infrastructure/duplicate.typeorm-repository';
import { TicketMerges } from './ticket-merges';

/** The actor of merges made by a community's auto-merge. */
export const autoMergeActor: Actor = { role: 'system', id: 'auto-merge' };

/** What became of a report: proposed as a duplicate, merged at once, or neither. */
export type ProposalOutcome = 'proposed' | 'auto-merged' | 'none';

/** Finds the master a report probably duplicates and proposes it (or merges it, when exact and allowed). */
@Injectable()
export class DuplicateProposals {
  constructor(
    private readonly merges: TicketMerges,
    private readonly tickets: TicketReader,
    @Inject(RequestsConfig) private readonly config: RequestsConfig,
  ) {}

  /**
   * Looks for the master of `report` (locked or just inserted by the caller) among the community's open
   * tickets of the same category and place within its window, leaving out tickets kept apart from it.
   * With `mayAutoMerge` and the community's auto-merge on, an exact match is merged at once.
   */
  async proposeFor(unit: UnitOfWork, report: Ticket, mayAutoMerge: boolean): Promise<ProposalOutcome> {
    const manager = unit.manager;
    const state = report.state;
    if (state.mergedInto !== null || !cancellableTicketStatuses.includes(state.status)) return 'none';
    const communityId = state.location.communityId;
    const settings = await new DuplicateSettingsRepository(manager).of(communityId, {
      windowHours: this.config.duplicateWindowHours,
    });
    const windowMs = settings.windowHours * 3_600_000;
    const duplicates = new DuplicateRepository(manager);
    const candidates = await this.tickets.openUnmergedOfCategory(
      manager,
      communityId,
      state.categoryCode,
      new Date(state.submittedAt.getTime() - windowMs),
    );
    const match = proposeMaster(state, candidates, {
      windowMs,
      keptApartIds: await duplicates.keptApartFrom(state.id),
    });
    if (!match) return 'none';
    if (mayAutoMerge && settings.autoMerge && match.exact) {
      // Looked at again under its lock: it may have been merged, resolved or cancelled meanwhile.
      const master = await new TicketStore(unit).lockById(match.masterId);
      if (master && mayBeMaster(master.state)) {
        await this.merges.merge(unit, report, master, { actor: autoMergeActor, auto: true });
        return 'auto-merged';
      }
    }
    await duplicates.propose({
      duplicateId: state.id,
      masterId: match.masterId,
      communityId,
      similarity: match.similarity,
      exact: match.exact,
      at: unit.now,
    });
    return 'proposed';
  }
}
