import { EventDefinition, EventEnvelope, eventLabel } from '@loop/contracts';
import { EntityManager } from 'typeorm';
import { MessagePosition } from '../inbox/inbox';
import type { OutboxBuffer } from '../unit-of-work/outbox-buffer';

/** What a handler gets besides the envelope. */
export interface HandlingContext {
  /**
   * The transaction the handler's effects commit in, together with the inbox entry that makes the
   * handling idempotent. Write through it (repositories from `manager.getRepository`, outbox events
   * through a unit of work from `UnitsOfWork.following`), never through another connection.
   */
  manager: EntityManager;
  /**
   * The outbox of that transaction: events added here are written, with those of the rest of the
   * batch, in one statement just before it commits. `UnitsOfWork.following` wraps both.
   */
  outbox: OutboxBuffer;
  /** Where the message was read. */
  position: MessagePosition;
  /** 1 on the first attempt, higher on retries after a RetriableError. */
  attempt: number;
}

/** Handles one event type at one version; throws RetriableError for transient faults. */
export type EventHandlerFunction<P extends object = object> = (
  envelope: EventEnvelope<P>,
  context: HandlingContext,
) => Promise<void>;

/** One handler for one declared event. */
export interface EventHandlerRegistration<P extends object = object> {
  definition: EventDefinition<P>;
  // Method syntax on purpose: a handler of one payload type then fits a list of registrations of any.
  handle(envelope: EventEnvelope<P>, context: HandlingContext): Promise<void>;
  /** How logs name the handler, e.g. `TicketSubmittedKafkaConsumer.onTicketSubmitted`. */
  name: string;
}

/** The handlers of one consumer group, by event type and version. */
export class HandlerTable {
  private readonly byLabel = new Map<string, EventHandlerRegistration>();

  /** Builds the table; two handlers for one event in one group are refused (which would win is arbitrary). */
  constructor(registrations: readonly EventHandlerRegistration[]) {
    for (const registration of registrations) {
      const label = eventLabel(registration.definition);
      const existing = this.byLabel.get(label);
      if (existing)
        throw new Error(
          `${label} has two handlers in one consumer group: ${existing.name} and ${registration.name}`,
        );
      this.byLabel.set(label, registration);
    }
  }

  /** The handler of an event type at a version, if this group handles it. */
  find(type: string, version: number): EventHandlerRegistration | undefined {
    return this.byLabel.get(eventLabel({ type, version }));
  }

  /** The logical topics the handled events are published to (unprefixed), each once. */
  topics(): string[] {
    return [...new Set([...this.byLabel.values()].map((registration) => registration.definition.topic))];
  }

  /** Labels (`type@vN`) of the handled events. */
  labels(): string[] {
    return [...this.byLabel.keys()];
  }
}
