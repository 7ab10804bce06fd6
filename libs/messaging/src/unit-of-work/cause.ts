// Who or what caused a change, carried into every event it emits so the timeline and the correlation
// chain stay intact across HTTP, Kafka and timers.
import type { ActorRole, EventEnvelope } from '@loop/contracts';
import { correlationContext } from '@loop/platform';

/** The actor of a change: an account in a role, or `system` with the name of an automatic process. */
export interface Actor {
  role: ActorRole;
  id: string;
}

/** The actor, correlation and causation of a change. */
export interface Cause {
  actor: Actor;
  correlationId?: string;
  causationId?: string | null;
}

/** A cause from an HTTP request by the given actor, correlated with the request. */
export function requestCause(role: ActorRole, id: string): Cause {
  const current = correlationContext.current();
  return { actor: { role, id }, correlationId: current?.correlationId };
}

/** A cause for an automatic decision (auto-dispatch, a timer), following from `parent` when given. */
export function systemCause(
  id: string,
  parent?: { correlationId?: string; causationId?: string | null },
): Cause {
  return {
    actor: { role: 'system', id },
    correlationId: parent?.correlationId,
    causationId: parent?.causationId ?? null,
  };
}

/** The cause of a reaction to a consumed event: `actor` acting on it, in its correlation. */
export function causeFollowing(
  envelope: Pick<EventEnvelope, 'eventId' | 'correlationId'>,
  actor: Actor,
): Cause {
  return { actor, correlationId: envelope.correlationId, causationId: envelope.eventId };
}
