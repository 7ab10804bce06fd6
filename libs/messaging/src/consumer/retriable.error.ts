/**
 * Thrown by a handler for a transient fault (a dependency briefly unavailable, a lock timeout): the
 * consumer retries the message with backoff, and dead-letters it only once the retries run out.
 * Anything else a handler throws is treated as permanent and dead-letters the message at once.
 */
export class RetriableError extends Error {
  override readonly name = 'RetriableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
