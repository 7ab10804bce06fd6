// Merging a duplicate report into its master and taking it out again, inside the caller's transaction:
// the state change, the event (with who, when and why) on both tickets' timelines, and the proposal's
// decision, all committing together.
import { Injectable } from '@nestjs/common';
import { buildEnvelope, ticketMergedV1, ticketUnmergedV1 } from '@loop/contracts';
import { EntityManager } from 'typeorm';
import type { IdGenerator } from '../../shared/id-generator';
import { envelopeContext } from '../../ticket/application/envelope-context';
import { TicketEventRecorder, timelineEntryOf } from '../../ticket/application/ticket-event-recorder';
import type { Ticket } from '../../ticket/domain/ticket.aggregate';
import { TicketRepository } from '../../ticket/infrastructure/ticket.typeorm-repository';
import { decideMerge, MergeDecision } from '../domain/duplicate-merge.policy';
import { reportText } from '../domain/duplicate-matching.policy';
import { NotMergedError } from '../domain/duplicate.errors';
import { textSimilarity } from '../domain/text-similarity';
import { DuplicateRepository } from '../infrastructure/duplicate.typeorm-repository';
import { followerEntryId } from './duplicate-followers';

/** Who merges or unmerges, and how the event gets its id. */
export interface MergeActor {
  actor: { role: string; id: string };
  at: Date;
  ids: IdGenerator;
}

/** Merges and unmerges tickets within a transaction the caller holds (both tickets locked by it). */
@Injectable()
export class TicketMerges {
  constructor(private readonly events: TicketEventRecorder) {}

  /**
   * Merges `duplicate` into `master` (both locked, master first) and publishes ticket.merged; the same
   * merge again changes nothing and says so.
   */
  async merge(
    manager: EntityManager,
    duplicate: Ticket,
    master: Ticket,
    how: MergeActor & { reason?: string; auto: boolean },
  ): Promise<MergeDecision> {
    const duplicates = new DuplicateRepository(manager);
    const d = duplicate.state;
    const m = master.state;
    const decision = decideMerge(d, m, (await duplicates.duplicatesOf(d.id)).length > 0);
    if (decision === 'merged-already') return decision;
    const similarity = textSimilarity(reportText(d), reportText(m));
    duplicate.mergeInto(m, how.at);
    const tickets = new TicketRepository(manager);
    await tickets.save(duplicate, how.at);
    const envelope = buildEnvelope(
      ticketMergedV1,
      {
        ticketId: d.id,
        ticketNumber: d.number,
        masterTicketId: m.id,
        masterTicketNumber: m.number,
        auto: how.auto,
        similarity,
        ...(how.reason ? { reason: how.reason } : {}),
        mergedAt: how.at.toISOString(),
      },
      envelopeContext(how.actor, how.at, how.ids),
    );
    await this.events.publish(manager, envelope);
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
      { status: 'merged', by: how.actor, at: how.at, reason: how.reason },
    );
    return decision;
  }

  /**
   * Takes `duplicate` (locked) out of its master and publishes ticket.unmerged: it is dispatched again
   * from scratch, and the pair is kept apart from then on (never proposed again).
   */
  async unmerge(
    manager: EntityManager,
    duplicate: Ticket,
    how: MergeActor & { reason: string },
  ): Promise<void> {
    const masterId = duplicate.mergedInto;
    if (!masterId) throw new NotMergedError();
    duplicate.unmerge(how.at);
    const tickets = new TicketRepository(manager);
    await tickets.save(duplicate, how.at);
    const d = duplicate.state;
    const envelope = buildEnvelope(
      ticketUnmergedV1,
      { ticketId: d.id, masterTicketId: masterId, reason: how.reason, unmergedAt: how.at.toISOString() },
      envelopeContext(how.actor, how.at, how.ids),
    );
    await this.events.publish(manager, envelope);
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
    await new DuplicateRepository(manager).decide(
      { duplicateId: d.id, masterId, communityId: d.location.communityId, similarity: 0 },
      { status: 'kept_apart', by: how.actor, at: how.at, reason: how.reason },
    );
  }
}
