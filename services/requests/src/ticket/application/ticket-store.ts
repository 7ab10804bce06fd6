// Saving a ticket saves what it recorded: its row, one timeline entry per event (the timeline is what
// the reports count) and the events themselves in the unit's outbox, all in the unit's transaction.
import type { EventEnvelope } from '@loop/contracts';
import type { Actor, UnitOfWork } from '@loop/messaging';
import type { Ticket } from '../domain/ticket.aggregate';
import { TicketRepository, TimelineEntry } from '../infrastructure/ticket.typeorm-repository';

/** How the events of a save differ from the unit's defaults. */
export interface TicketSaveOptions {
  /** When the ticket changed, if not at the unit's instant (at a consumed fact's own time, say). */
  at?: Date;
  /** Who acted, if not the unit's actor (on this ticket, or an automatic process reacting to it). */
  actor?: Actor;
  /** The id reserved under an Idempotency-Key for the first event, so every attempt records the same. */
  eventId?: string;
}

/** Loads, adds and saves tickets within one unit of work. */
export class TicketStore {
  private readonly repository: TicketRepository;

  constructor(private readonly unit: UnitOfWork) {
    this.repository = new TicketRepository(unit.manager);
  }

  /** The ticket, locked for the rest of the unit's transaction. */
  lockById(id: string): Promise<Ticket | undefined> {
    return this.repository.lockById(id);
  }

  /** Whether the event is on a timeline already (a command under an Idempotency-Key that took effect). */
  hasRecorded(eventId: string): Promise<boolean> {
    return this.repository.hasRecorded(eventId);
  }

  /**
   * Inserts a new ticket with its events unless one with its id exists (an earlier attempt under the
   * same Idempotency-Key); returns the events' envelopes, or undefined when it inserted nothing.
   */
  async add(ticket: Ticket): Promise<EventEnvelope[] | undefined> {
    if (!(await this.repository.addUnlessPresent(ticket, this.unit.now))) {
      ticket.events.take();
      return undefined;
    }
    return this.publish(ticket, {});
  }

  /** Writes a ticket loaded with `lockById` and publishes what it recorded; returns the envelopes. */
  async save(ticket: Ticket, options: TicketSaveOptions = {}): Promise<EventEnvelope[]> {
    await this.repository.save(ticket, options.at ?? this.unit.now);
    return this.publish(ticket, options);
  }

  /** Appends an entry to a timeline (a fact consumed, or a copy on a related ticket's timeline). */
  record(entry: TimelineEntry): Promise<boolean> {
    return this.repository.record(entry);
  }

  private async publish(ticket: Ticket, options: TicketSaveOptions): Promise<EventEnvelope[]> {
    const envelopes = ticket.events.take().map((event, index) =>
      this.unit.record(event.definition, event.payload, {
        actor: options.actor,
        eventId: index === 0 ? options.eventId : undefined,
      }),
    );
    for (const envelope of envelopes) await this.repository.record(timelineEntryOf(envelope, 'applied'));
    return envelopes;
  }
}

/** The timeline entry of an event about a ticket: its payload without the ticket id. */
export function timelineEntryOf(
  envelope: EventEnvelope<object>,
  outcome: string,
  ticketId?: string,
): TimelineEntry {
  const { ticketId: payloadTicketId, ...details } = envelope.payload as Record<string, unknown>;
  const assignmentId = typeof details.assignmentId === 'string' ? details.assignmentId : null;
  return {
    eventId: envelope.eventId,
    ticketId: ticketId ?? (payloadTicketId as string),
    type: envelope.type,
    occurredAt: new Date(envelope.occurredAt),
    actor: { role: envelope.actor.role, id: envelope.actor.id },
    assignmentId,
    details,
    outcome,
  };
}
