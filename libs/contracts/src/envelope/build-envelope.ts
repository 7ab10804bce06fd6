import { v7 as uuidv7 } from 'uuid';
import { EventDefinition, eventLabel } from '../events/event-definition';
import { ActorRef } from '../events/shared/actor-ref';
import { validateContract } from '../schema/validate-contract';
import { EventEnvelope } from './event-envelope';

/** A source of the current time; tests pass a fixed one. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** Who publishes, on whose behalf, in which causal chain; time and ids are injectable. */
export interface EnvelopeContext {
  /** The publishing service or tool; defaults to the event's declared producer. */
  producer?: string;
  /** Who caused the event (role `system` for timers and automatic decisions). */
  actor: ActorRef;
  /** Correlation id of the request or timer this follows from; defaults to the new event's id. */
  correlationId?: string;
  /** Event id of the event this one follows from; defaults to null. */
  causationId?: string | null;
  /** Clock for occurredAt; defaults to the system clock. */
  clock?: Clock;
  /** Generator of the event id (must produce UUIDv7); defaults to uuid's v7. */
  idGenerator?: () => string;
}

/** Thrown when a producer tries to publish something its own contract refuses. */
export class ContractViolationError extends Error {
  /** One line per broken rule, e.g. `payload.urgency: urgency must be one of …`. */
  readonly details: string[];

  constructor(label: string, details: string[]) {
    super(`${label} violates its contract: ${details.join('; ')}`);
    this.name = 'ContractViolationError';
    this.details = details;
  }
}

const systemClock: Clock = { now: () => new Date() };

/**
 * Wraps a payload in a validated envelope ready to publish. The payload is checked strictly (unknown
 * fields refused, so nothing undeclared such as a name leaves the service); throws ContractViolationError.
 */
export function buildEnvelope<P extends object>(
  definition: EventDefinition<P>,
  payload: P,
  context: EnvelopeContext,
): EventEnvelope<P> {
  const label = eventLabel(definition);
  const checkedPayload = validateContract(definition.payloadClass, payload, { unknownFields: 'reject' });
  if (!checkedPayload.ok)
    throw new ContractViolationError(
      label,
      checkedPayload.details.map((line) => `payload.${line}`),
    );

  const eventId = (context.idGenerator ?? uuidv7)();
  const candidate = {
    eventId,
    type: definition.type,
    version: definition.version,
    occurredAt: (context.clock ?? systemClock).now().toISOString(),
    producer: context.producer ?? definition.producer,
    aggregateId: definition.key(checkedPayload.value),
    correlationId: context.correlationId ?? eventId,
    causationId: context.causationId ?? null,
    actor: { role: context.actor.role, id: context.actor.id },
    payload: checkedPayload.value,
  };
  const checkedEnvelope = validateContract(EventEnvelope, candidate, { unknownFields: 'reject' });
  if (!checkedEnvelope.ok) throw new ContractViolationError(label, checkedEnvelope.details);
  // The validated payload instance (a copy) is kept, so later changes to the caller's object cannot
  // alter what is published.
  return Object.assign(checkedEnvelope.value, { payload: checkedPayload.value }) as EventEnvelope<P>;
}

/** The correlation and causation to give events that follow from `cause`, for the envelope context. */
export function followingFrom(cause: Pick<EventEnvelope, 'eventId' | 'correlationId'>): {
  correlationId: string;
  causationId: string;
} {
  return { correlationId: cause.correlationId, causationId: cause.eventId };
}
