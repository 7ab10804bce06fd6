// Merged duplicates follow their master (ADR 0016): whenever the master's state changes, each duplicate
// takes the master's place in the loop in the same transaction, its timeline tells the master's step,
// and when the master closes, every duplicate still waiting for confirmation closes with it.
import { Inject, Injectable } from '@nestjs/common';
import { buildEnvelope, EventEnvelope, ticketConfirmedV1 } from '@loop/contracts';
import { EntityManager } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import { envelopeContext } from '../../ticket/application/envelope-context';
import { TicketEventRecorder, timelineEntryOf } from '../../ticket/application/ticket-event-recorder';
import type { Ticket } from '../../ticket/domain/ticket.aggregate';
import { TicketRepository } from '../../ticket/infrastructure/ticket.typeorm-repository';
import { DuplicateRepository } from '../infrastructure/duplicate.typeorm-repository';

/** The actor of a duplicate's closure caused by its master's. */
export const masterClosedActor = { role: 'system', id: 'duplicate-follower' } as const;

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
  constructor(
    private readonly events: TicketEventRecorder,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** How many open tickets are merged into `masterId` (closed or cancelled duplicates follow nobody). */
  async count(manager: EntityManager, masterId: string): Promise<number> {
    return (await new DuplicateRepository(manager).openDuplicatesOf(masterId)).length;
  }

  /**
   * Brings every duplicate of `master` (already changed, in this transaction) in step with it, at `at`.
   * With `cause`, the master's event that changed it is copied onto each duplicate's timeline. A
   * duplicate that closes because the master closed publishes its own ticket.confirmed, marked with
   * `duplicateOf` so that it credits no hours.
   */
  async follow(
    manager: EntityManager,
    master: Ticket,
    at: Date,
    cause?: EventEnvelope<object>,
  ): Promise<void> {
    const masterState = master.state;
    const duplicateIds = await new DuplicateRepository(manager).openDuplicatesOf(masterState.id);
    if (duplicateIds.length === 0) return;
    const tickets = new TicketRepository(manager);
    for (const duplicateId of duplicateIds) {
      const duplicate = await tickets.lockById(duplicateId);
      if (!duplicate) continue;
      const outcome = duplicate.followMaster(masterState, at);
      if (outcome !== 'unchanged') await tickets.save(duplicate, at);
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
      if (outcome === 'closed') await this.publishClosure(manager, duplicate, masterState.id, at);
    }
  }

  private async publishClosure(manager: EntityManager, duplicate: Ticket, masterId: string, at: Date) {
    const state = duplicate.state;
    if (!state.assignment) return;
    await this.events.publish(
      manager,
      buildEnvelope(
        ticketConfirmedV1,
        {
          ticketId: state.id,
          assignmentId: state.assignment.id,
          rating: null,
          auto: true,
          confirmedBy: 'auto',
          duplicateOf: masterId,
          confirmedAt: at.toISOString(),
        },
        envelopeContext(masterClosedActor, at, this.ids),
      ),
    );
  }
}
