import { databaseErrorCode, TRANSACTION_CONFLICT_SQLSTATES } from '@loop/platform';
import { RetriableError } from './retriable.error';

/**
 * What a failed handling attempt means for the message:
 * - `transient`: retry with backoff, dead-letter when the retries run out;
 * - `infrastructure`: our own database is unreachable — the message is fine, so it is neither
 *   dead-lettered nor committed; the consumer backs off and the message is delivered again;
 * - `permanent`: a bug or a rule the message breaks — dead-letter at once.
 */
export type FailureKind = 'transient' | 'infrastructure' | 'permanent';

// PostgreSQL SQLSTATEs that say "try the same transaction again": a lost conflict (serialization
// failure, deadlock — shared with the HTTP commands' transaction retry), lock timeout, query cancelled
// by statement_timeout.
const transientSqlStates: ReadonlySet<string> = new Set([
  ...TRANSACTION_CONFLICT_SQLSTATES,
  '55P03',
  '57014',
]);

// Connection exceptions (class 08), server shutting down (57P01–57P03), too many connections (53300).
const unavailableSqlStates = /^(08...|57P0[123]|53300)$/;

const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** Sorts an error thrown while handling a message into transient, infrastructure or permanent. */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof RetriableError) return 'transient';
  const code = databaseErrorCode(error);
  if (code !== undefined) {
    if (transientSqlStates.has(code)) return 'transient';
    if (unavailableSqlStates.test(code) || networkErrorCodes.has(code)) return 'infrastructure';
  }
  const message = error instanceof Error ? error.message : '';
  // node-postgres reports a dropped connection without a code.
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) {
    return 'infrastructure';
  }
  return 'permanent';
}
