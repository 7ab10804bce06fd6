// Every event this service publishes about a ticket also goes on the ticket's own timeline, in the
// same transaction — the timeline is what the reports count.
import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@loop/contracts';
import { OutboxWriter } from '@loop/messaging';
import { EntityManager } from 'typeorm';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';

/** Adds a ticket event to the outbox and to the ticket's timeline in one transaction. */
@Injectable()
export class TicketEventRecorder {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Publishes (via the outbox) and records the event. */
  async publish(manager: EntityManager, envelope: EventEnvelope<{ ticketId: string }>): Promise<void> {
    await new TicketRepository(manager).record(timelineEntryOf(envelope, 'applied'));
    await this.outbox.add(manager, envelope);
  }
}

/** The timeline entry of an event about a ticket: its payload without the ticket id. */
export function timelineEntryOf(envelope: EventEnvelope<object>, outcome: string, ticketId?: string) {
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
