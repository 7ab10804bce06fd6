import { AsyncLocalStorage } from 'node:async_hooks';

/** The ids that tie one unit of work (an HTTP request, a Kafka message) to the flow it belongs to. */
export interface CorrelationIds {
  /** Shared by everything one user action causes, across services, HTTP and Kafka. */
  correlationId: string;
  /** The HTTP request being handled, when there is one. */
  requestId?: string;
  /** The id of the event that caused this work (the Kafka message being handled), when there is one. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<CorrelationIds>();

/**
 * Carries correlation ids through async code without passing them by hand. HTTP requests enter it in
 * the correlation middleware; Kafka handlers (libs/messaging) enter it with the envelope's ids. Log lines
 * pick the ids up automatically, and code that emits events reads them from here for the envelope.
 */
export const correlationContext = {
  /** Runs `work` with `ids` as the current correlation ids (nested runs replace them for their duration). */
  run<R>(ids: CorrelationIds, work: () => R): R {
    return storage.run(Object.freeze({ ...ids }), work);
  },
  /** The ids of the work in progress, or undefined outside any request or message. */
  current(): CorrelationIds | undefined {
    return storage.getStore();
  },
};
