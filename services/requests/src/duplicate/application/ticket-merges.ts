// Merging a duplicate report into its master and taking it out again, inside the caller's transaction:
// the state change, the event (with who, when and why) on both tickets' timelines, and the proposal's
// decision, all committing together.
import { Injectable } from '@nestjs/common';
import { Actor, UnitOfWork } from '@loop/messaging';
import { TicketStore, timelineEntryOf } from '../../ticket/application/ticket-store';
import type { Ticket } from '../../ticket/domain/ticket.aggregate';
import { decideMerge, MergeDecision } from '../domain/duplicate-merge.policy';
import { reportText } from '../domain/duplicate-matching.policy';
import { NotMergedError } from '../domain/duplicate.errors';
import { textSimilarity } from '../domain/text-similarity';
import { DuplicateRepository } from '../infrastructure/duplicate.typeorm-repository';
import { followerEntryId } from './duplicate-followers';

/** Who merges or unmerges: staff in the role they act in, or the community's auto-merge. */
export interface MergeActor {
  actor: Actor;
}

/** Merges and unmerges tickets within a unit of work the caller holds (both tickets locked by it). */
@Injectable()
export class TicketMerges {
  /**
   * Merges `duplicate` into `master` (both locked, master first) and publishes ticket.merged; the same
   * merge again changes nothing and says so.
   */
  async merge(
    unit: UnitOfWork,
    duplicate: Ticket,
    master: Ticket,
    how: MergeActor & { reason?: string; auto: boolean },
  ): Promise<MergeDecision> {
    const duplicates = new DuplicateRepository(unit.manager);
    const d = duplicate.state;
    const m = master.state;
    const decision = decideMerge(d, m, (await duplicates.duplicatesOf(d.id)).length > 0);
    if (decision === 'merged-already') return decision;
    const similarity = textSimilarity(reportText(d), reportText(m));
    duplicate.mergeInto(m, unit.now, { auto: how.auto, similarity, reason: how.reason });
    const tickets = new TicketStore(unit);
    const [envelope] = await tickets.save(duplicate, { actor: how.actor });
    if (!m.hasDuplicates) {
      master.acceptDuplicate();
      await tickets.save(master, { actor: how.actor });
    }
    // The master's timeline says which report joined it, so staff reading it see every reporter.
    await tickets.record({
      ...timelineEntryOf(envelope, 'applied', m.id),
      eventId: followerEntryId(envelope.eventId, m.id),
      details: {
        copyOf: envelope.eventId,
        duplicateTicketId: d.id,
        duplicateTicketNumber: d.number,
        auto: how.auto,
        similarity,
        ...(how.reason ? { reason: how.reason } : {}),
      },
    });
    await duplicates.decide(
      { duplicateId: d.id, masterId: m.id, communityId: d.location.communityId, similarity },
      { status: 'merged', by: how.actor, at: unit.now, reason: how.reason },
    );
    return decision;
  }

  /**
   * Takes `duplicate` (locked) out of its master and publishes ticket.unmerged: it is dispatched again
   * from scratch, and the pair is kept apart from then on (never proposed again).
   */
  async unmerge(unit: UnitOfWork, duplicate: Ticket, how: MergeActor & { reason: string }): Promise<void> {
    const masterId = duplicate.mergedInto;
    if (!masterId) throw new NotMergedError();
    duplicate.unmerge(unit.now, how.reason);
    const tickets = new TicketStore(unit);
    const [envelope] = await tickets.save(duplicate, { actor: how.actor });
    const d = duplicate.state;
    await tickets.record({
      ...timelineEntryOf(envelope, 'applied', masterId),
      eventId: followerEntryId(envelope.eventId, masterId),
      details: {
        copyOf: envelope.eventId,
        duplicateTicketId: d.id,
        duplicateTicketNumber: d.number,
        reason: how.reason,
      },
    });
    await new DuplicateRepository(unit.manager).decide(
      { duplicateId: d.id, masterId, communityId: d.location.communityId, similarity: 0 },
      { status: 'kept_apart', by: how.actor, at: unit.now, reason: how.reason },
    );
  }
}
