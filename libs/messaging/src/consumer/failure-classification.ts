import { dependencyFailureOf } from '@loop/platform';
import { RetriableError } from './retriable.error';

/**
 * What a failed handling attempt means for the message (docs/adr/0006-dependency-failures.md):
 * - `dependency`: PostgreSQL, Redis or Kafka is away, or the transaction lost a deadlock or
 *   serialization conflict — the message is fine, so it is retried with capped backoff for as long as
 *   that lasts, never dead-lettered;
 * - `transient`: the handler asked for a retry (`RetriableError`) or a statement ran out of time —
 *   retried a bounded number of times, then dead-lettered as `retries_exhausted`;
 * - `permanent`: a bug or a rule the message breaks — dead-lettered at once as `handler_failed`.
 */
export type FailureKind = 'dependency' | 'transient' | 'permanent';

/** Sorts an error thrown while handling a message into dependency, transient or permanent. */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof RetriableError) return 'transient';
  switch (dependencyFailureOf(error)) {
    case 'unavailable':
    case 'conflict':
      return 'dependency';
    case 'busy':
      return 'transient';
    default:
      return 'permanent';
  }
}
