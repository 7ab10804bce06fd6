import { Injectable } from '@nestjs/common';
import { HoursReversalReason } from '@loop/contracts';
import { Actor, UnitOfWork } from '@loop/messaging';
import { serviceMonthOf } from '@loop/platform';
import { LeaderboardProjector } from '../../leaderboard/application/leaderboard.projector';
import { linkEntry } from '../domain/ledger-chain';
import { LedgerEntry, LedgerEntryDraft } from '../domain/ledger-entry';
import { ledgerEventOf } from '../domain/ledger-event';
import { LedgerInvariantError } from '../domain/ledger.errors';
import { assertValidDraft } from '../domain/ledger-invariants';
import { LedgerTypeormRepository } from '../infrastructure/ledger.typeorm-repository';

/** The outcome of an append: the entry, and whether this call wrote it or found it already there. */
export interface AppendOutcome {
  entry: LedgerEntry;
  appended: boolean;
}

/** The automatic process named as the actor of ledger events. */
export const ledgerActor: Actor = { role: 'system', id: 'volunteer-hours-ledger' };

/**
 * The only way into the ledger. Inside the unit's transaction it takes the member's chain lock,
 * refuses a second entry for the same cause (returning the first), checks the invariants, links the
 * entry to the member's chain, records `hours.credited` / `hours.reversed` with the unit and refreshes
 * the member's leaderboard scores.
 */
@Injectable()
export class LedgerAppender {
  constructor(
    private readonly ledger: LedgerTypeormRepository,
    private readonly leaderboards: LeaderboardProjector,
  ) {}

  /**
   * Appends `draft`, recorded at the unit's instant, unless an entry of its kind already has its cause.
   * The unit's cause gives the published event its correlation; `reversalReason` names why a reversal
   * is made.
   */
  async append(
    unit: UnitOfWork,
    draft: Omit<LedgerEntryDraft, 'recordedAt'>,
    reversalReason?: HoursReversalReason,
  ): Promise<AppendOutcome> {
    const { manager } = unit;
    const head = await this.ledger.lockHead(manager, draft.memberId);
    if (draft.causedByEventId) {
      const existing = await this.ledger.findByCause(manager, draft.kind, draft.causedByEventId);
      if (existing) return { entry: existing, appended: false };
    }
    let reversed: LedgerEntry | null = null;
    if (draft.kind === 'reversal' && draft.reversesEntryId) {
      reversed = await this.ledger.findById(manager, draft.reversesEntryId);
      if (reversed && (await this.ledger.isReversed(manager, reversed.id))) {
        throw new LedgerInvariantError('a credit is reversed only once');
      }
    }
    const complete: LedgerEntryDraft = { ...draft, recordedAt: unit.now };
    assertValidDraft(complete, reversed);
    const entry = linkEntry(head, complete);
    await this.ledger.append(manager, entry);
    const event = ledgerEventOf(entry, reversed, reversalReason);
    if (event) unit.recordAll([event], { actor: ledgerActor });
    await this.leaderboards.refreshMember(manager, entry.memberId, serviceMonthOf(entry.occurredAt));
    return { entry, appended: true };
  }
}
