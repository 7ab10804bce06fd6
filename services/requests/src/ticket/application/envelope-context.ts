import { correlationContext } from '@loop/platform';
import type { EnvelopeContext } from '@loop/contracts';
import type { IdGenerator } from '../../shared/id-generator';

/**
 * The envelope context of an event caused by the current request or timer: actor, correlation and ids.
 * The event occurs exactly at `at`, the instant the state changed, so the timeline and the state agree.
 */
export function envelopeContext(
  actor: { role: string; id: string },
  at: Date,
  ids: IdGenerator,
): EnvelopeContext {
  const current = correlationContext.current();
  return {
    actor: actor as EnvelopeContext['actor'],
    correlationId: current?.correlationId,
    causationId: current?.causationId ?? null,
    clock: { now: () => at },
    idGenerator: ids,
  };
}

/**
 * Ids for an action's event: the id reserved under the request's Idempotency-Key, so that every attempt
 * of the action records the same event and a retry can tell that an earlier attempt took effect; new
 * ids when there is no key.
 */
export function actionEventIds(reservedEventId: string | undefined, ids: IdGenerator): IdGenerator {
  return reservedEventId ? () => reservedEventId : ids;
}
