import { Inject, Injectable } from '@nestjs/common';
import {
  buildEnvelope,
  EventEnvelope,
  followingFrom,
  hoursCreditedV1,
  hoursReversedV1,
  HoursReversalReason,
} from '@loop/contracts';
import { OutboxWriter } from '@loop/messaging';
import { EntityManager } from 'typeorm';
import { Clock, CLOCK, serviceMonthOf } from '@loop/platform';
import { LeaderboardProjector } from '../../leaderboard/application/leaderboard.projector';
import { linkEntry } from '../domain/ledger-chain';
import { LedgerEntry, LedgerEntryDraft } from '../domain/ledger-entry';
import { LedgerInvariantError } from '../domain/ledger.errors';
import { assertValidDraft } from '../domain/ledger-invariants';
import { LedgerTypeormRepository } from '../infrastructure/ledger.typeorm-repository';

/** The outcome of an append: the entry, and whether this call wrote it or found it already there. */
export interface AppendOutcome {
  entry: LedgerEntry;
  appended: boolean;
}

/** The automatic process named as the actor of ledger events. */
const ledgerActor = { role: 'system', id: 'volunteer-hours-ledger' } as const;

/**
 * The only way into the ledger. Inside the caller's transaction it takes the member's chain lock,
 * refuses a second entry for the same cause (returning the first), checks the invariants, links the
 * entry to the member's chain, adds `hours.credited` / `hours.reversed` to the outbox and refreshes the
 * member's leaderboard scores.
 */
@Injectable()
export class LedgerAppender {
  constructor(
    private readonly ledger: LedgerTypeormRepository,
    private readonly outbox: OutboxWriter,
    private readonly leaderboards: LeaderboardProjector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Appends `draft` unless an entry of its kind already has its cause. `cause` is the envelope of the
   * event behind it (for the published event's correlation); `reversalReason` names why a reversal is made.
   */
  async append(
    manager: EntityManager,
    draft: Omit<LedgerEntryDraft, 'recordedAt'>,
    cause?: { envelope?: EventEnvelope; reversalReason?: HoursReversalReason },
  ): Promise<AppendOutcome> {
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
    const complete: LedgerEntryDraft = { ...draft, recordedAt: this.clock.now() };
    assertValidDraft(complete, reversed);
    const entry = linkEntry(head, complete);
    await this.ledger.append(manager, entry);
    const event = this.eventOf(entry, reversed, cause);
    if (event) await this.outbox.add(manager, event);
    await this.leaderboards.refreshMember(manager, entry.memberId, serviceMonthOf(entry.occurredAt));
    return { entry, appended: true };
  }

  private eventOf(
    entry: LedgerEntry,
    reversed: LedgerEntry | null,
    cause?: { envelope?: EventEnvelope; reversalReason?: HoursReversalReason },
  ): EventEnvelope | null {
    const context = {
      actor: ledgerActor,
      clock: this.clock,
      ...(cause?.envelope ? followingFrom(cause.envelope) : {}),
    };
    if (entry.kind === 'credit' && entry.source && entry.causedByEventId) {
      return buildEnvelope(
        hoursCreditedV1,
        {
          entryId: entry.id,
          memberId: entry.memberId,
          minutes: entry.minutes,
          source: { kind: entry.source.kind, id: entry.source.id },
          causedByEventId: entry.causedByEventId,
          creditedAt: entry.recordedAt.toISOString(),
        },
        context,
      );
    }
    if (entry.kind === 'reversal' && reversed?.source && entry.causedByEventId) {
      return buildEnvelope(
        hoursReversedV1,
        {
          entryId: entry.id,
          reversesEntryId: reversed.id,
          memberId: entry.memberId,
          minutes: -entry.minutes,
          source: { kind: reversed.source.kind, id: reversed.source.id },
          reason: cause?.reversalReason ?? 'ticket_reopened',
          causedByEventId: entry.causedByEventId,
          reversedAt: entry.recordedAt.toISOString(),
        },
        context,
      );
    }
    // Adjustments are staff corrections inside this service; no other service acts on them.
    return null;
  }
}
