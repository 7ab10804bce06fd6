// One change of state and the events that announce it: the transaction they share, the instant they
// happened at, the ids they get and the cause they carry. Application code asks the unit for these
// instead of each service wiring a clock, an id generator and an outbox writer of its own.
import { buildEnvelope, EventDefinition, EventEnvelope, RecordedEvent } from '@loop/contracts';
import type { Clock } from '@loop/platform';
import type { EntityManager } from 'typeorm';
import type { Actor, Cause } from './cause';
import { OutboxBuffer } from './outbox-buffer';

/** A source of new UUIDv7 ids. */
export type IdSource = () => string;

/** How one event of the unit differs from the unit's defaults. */
export interface RecordOptions {
  /** Another actor than the cause's (an automatic process reacting to a person's act, say). */
  actor?: Actor;
  /** An id reserved beforehand (under an Idempotency-Key); otherwise a new one. */
  eventId?: string;
}

/** The transaction, instant, ids and cause of one change, and the events it publishes. */
export class UnitOfWork {
  /** The instant of the change: every event of the unit happened at it. */
  readonly now: Date;

  constructor(
    /** The transaction's EntityManager: every write of the unit goes through it. */
    readonly manager: EntityManager,
    /** Who or what caused the change. */
    readonly cause: Cause,
    private readonly outbox: OutboxBuffer,
    clock: Clock,
    private readonly ids: IdSource,
  ) {
    this.now = clock.now();
  }

  /** A new id for a row or an event. */
  newId(): string {
    return this.ids();
  }

  /**
   * Validates the payload against its contract, puts it in an envelope of the unit's cause and instant
   * and adds it to the outbox, published if and only if the transaction commits. Returns the envelope.
   */
  record<P extends object>(
    definition: EventDefinition<P>,
    payload: P,
    options: RecordOptions = {},
  ): EventEnvelope<P> {
    const envelope = buildEnvelope(definition, payload, {
      actor: options.actor ?? this.cause.actor,
      correlationId: this.cause.correlationId,
      causationId: this.cause.causationId ?? null,
      clock: { now: () => this.now },
      idGenerator: options.eventId ? () => options.eventId as string : this.ids,
    });
    this.outbox.add(envelope);
    return envelope;
  }

  /** Records the events an aggregate recorded, in order, and returns their envelopes. */
  recordAll(events: readonly RecordedEvent[], options: Omit<RecordOptions, 'eventId'> = {}): EventEnvelope[] {
    return events.map((event) => this.record(event.definition, event.payload, options));
  }

  /** A unit in the same transaction and outbox for another cause (one consumed event of a batch, say). */
  withCause(cause: Cause): UnitOfWork {
    return new UnitOfWork(this.manager, cause, this.outbox, { now: () => this.now }, this.ids);
  }
}
