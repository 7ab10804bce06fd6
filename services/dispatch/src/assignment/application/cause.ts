// Who or what caused a change, carried into every event it emits so the timeline and the correlation
// chain stay intact across HTTP, Kafka and timers.
import type { ActorRole } from '@loop/contracts';
import { correlationContext } from '@loop/platform';

/** The actor, correlation and causation of a command. */
export interface Cause {
  actor: { role: ActorRole; id: string };
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

/** The name the system acts under for auto-dispatch. */
export const AUTO_DISPATCHER = 'auto-dispatch';
/** The name the system acts under for deadline timers. */
export const SLA_TIMER = 'sla-timer';
/** The name the system acts under when it puts a ticket in the community's queue for staff. */
export const DISPATCH_QUEUE = 'dispatch-queue';
