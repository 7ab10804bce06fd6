// Merged duplicates follow their master (ADR 0016): whenever the master's state changes, each duplicate
// takes the master's place in the loop in the same transaction, its timeline tells the master's step,
// and when the master closes, every duplicate still waiting for confirmation closes with it.
import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@loop/contracts';
import { Actor, UnitOfWork } from '@loop/messaging';
import { v5 as uuidv5 } from 'uuid';
import { TicketStore, timelineEntryOf } from '../../ticket/application/ticket-store';
import type { Ticket } from '../../ticket/domain/ticket.aggregate';
import { DuplicateRepository } from '../infrastructure/duplicate.typeorm-repository';

/** The actor of a duplicate's closure caused by its master's. */
export const masterClosedActor: Actor = { role: 'system', id: 'duplicate-follower' };

// A fixed namespace for the ids of the timeline entries a duplicate copies from its master's events:
// the same event copied to the same duplicate always gets the same id, so a redelivery adds nothing.
const followerEntryNamespace = '6f1d3c2e-5b7a-4c9e-8d10-2a4b6c8e0f13';

/** The id of the copy of the event `eventId` on the timeline of `ticketId`. */
export function followerEntryId(eventId: string, ticketId: string): string {
  return uuidv5(`${eventId}/${ticketId}`, followerEntryNamespace);
}

/** Keeps a master's merged duplicates in step with it. */
@Injectable()
export class DuplicateFollowers {
  /** How many open tickets are merged into `masterId` (closed or cancelled duplicates follow nobody). */
  async count(unit: UnitOfWork, master: Ticket): Promise<number> {
    if (!master.state.hasDuplicates) return 0;
    return (await new DuplicateRepository(unit.manager).openDuplicatesOf(master.state.id)).length;
  }

  /**
   * Brings every duplicate of `master` (already changed, in this transaction) in step with it, at `at`.
   * With `cause`, the master's event that changed it is copied onto each duplicate's timeline. A
   * duplicate that closes because the master closed publishes its own ticket.confirmed, marked with
   * `duplicateOf` so that it credits no hours.
   */
  async follow(unit: UnitOfWork, master: Ticket, at: Date, cause?: EventEnvelope<object>): Promise<void> {
    const masterState = master.state;
    // Most tickets never had a duplicate: their steps need no lookup at all.
    if (!masterState.hasDuplicates) return;
    const duplicateIds = await new DuplicateRepository(unit.manager).openDuplicatesOf(masterState.id);
    if (duplicateIds.length === 0) return;
    const tickets = new TicketStore(unit);
    for (const duplicateId of duplicateIds) {
      const duplicate = await tickets.lockById(duplicateId);
      if (!duplicate) continue;
      const outcome = duplicate.followMaster(masterState, at);
      if (cause) {
        const entry = timelineEntryOf(
          cause,
          outcome === 'unchanged' ? 'not-applicable' : 'applied',
          duplicateId,
        );
        await tickets.record({
          ...entry,
          eventId: followerEntryId(cause.eventId, duplicateId),
          details: { ...entry.details, followedTicketId: masterState.id, copyOf: cause.eventId },
        });
      }
      // The copy of the master's step goes on the timeline before what the step made the duplicate publish.
      if (outcome !== 'unchanged') await tickets.save(duplicate, { at, actor: masterClosedActor });
    }
  }
}
