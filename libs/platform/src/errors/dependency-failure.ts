// One reading of "this failed because a dependency is away or busy, not because of the request or the
// message", shared by every HTTP command (answered 503 with Retry-After) and every Kafka consumer
// (which waits and retries instead of dead-lettering). docs/adr/0006-dependency-failures.md has the
// reasoning for each entry.
import { databaseErrorCode, TRANSACTION_CONFLICT_SQLSTATES } from '../database/postgres-error-codes';

/**
 * What a dependency's failure says about trying the same work again:
 * - `unavailable`: PostgreSQL, Redis or Kafka cannot be reached or is restarting — the work is fine and
 *   succeeds once the dependency is back;
 * - `conflict`: PostgreSQL aborted the transaction to break a deadlock or a serialization conflict —
 *   the work is fine and succeeds when run again;
 * - `busy`: a statement or lock wait ran out of time — probably load, but possibly a query that will
 *   always be too slow, so retries are worth a bounded number of attempts only.
 */
export type DependencyFailure = 'unavailable' | 'conflict' | 'busy';

// Connection exceptions (class 08), insufficient resources such as too many connections (class 53),
// and the server shutting down, crashing or still starting (57P01 admin shutdown, 57P02 crash shutdown,
// 57P03 cannot connect now).
const unavailableSqlStates = /^(08...|53...|57P0[123])$/;

// 55P03 lock_not_available (lock_timeout), 57014 query_canceled (statement_timeout).
const busySqlStates: ReadonlySet<string> = new Set(['55P03', '57014']);

// Node's socket errors, whichever client (pg, ioredis, kafkajs) met them.
const networkErrorCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// Errors recognised by class name: TypeORM's query runner released under a transaction when its
// connection broke, or the data source closed; ioredis giving up a command while reconnecting; kafkajs
// losing or not finding a broker.
const unavailableErrorNames: ReadonlySet<string> = new Set([
  'QueryRunnerProviderAlreadyReleasedError',
  // TypeORM's name when the session ended while the transaction sat idle before its COMMIT.
  'QueryRunnerAlreadyReleasedError',
  'CannotExecuteNotConnectedError',
  'ConnectionIsNotSetError',
  'MaxRetriesPerRequestError',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSLockTimeout',
]);

// What node-postgres and ioredis say without a code when a connection dies or cannot be had.
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Connection is closed\.|Stream isn't writeable/i;

/** How many causes deep an error is searched (TypeORM, kafkajs and our own wrappers nest them). */
const MAX_CAUSE_DEPTH = 5;

/**
 * Whether `error` — or any error it wraps (`driverError`, `cause`, kafkajs' `originalError`) — is a
 * dependency being away, losing a conflict or running out of time; `undefined` when it is none of
 * these (a bug, a broken rule, bad input), which retrying would not change.
 */
export function dependencyFailureOf(error: unknown): DependencyFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && typeof current === 'object' && current !== null; depth++) {
    const kind = ownDependencyFailure(current);
    if (kind) return kind;
    current = wrappedError(current);
  }
  return undefined;
}

function ownDependencyFailure(error: object): DependencyFailure | undefined {
  const code = databaseErrorCode(error);
  if (code !== undefined) {
    if (TRANSACTION_CONFLICT_SQLSTATES.has(code)) return 'conflict';
    if (busySqlStates.has(code)) return 'busy';
    if (unavailableSqlStates.test(code) || networkErrorCodes.has(code)) return 'unavailable';
  }
  const { name, message, retriable } = error as { name?: unknown; message?: unknown; retriable?: unknown };
  if (typeof name === 'string') {
    if (unavailableErrorNames.has(name)) return 'unavailable';
    // kafkajs marks the protocol errors that go away by themselves (leader moved, coordinator loading).
    if (name.startsWith('KafkaJS') && retriable === true) return 'unavailable';
  }
  if (typeof message === 'string' && unavailableMessages.test(message)) return 'unavailable';
  return undefined;
}

function wrappedError(error: object): unknown {
  const { driverError, cause, originalError } = error as Record<string, unknown>;
  return driverError ?? originalError ?? cause;
}

/** Seconds a client is asked to wait before trying again after a dependency failure. */
export function retryAfterSeconds(failure: DependencyFailure): number {
  // A lost conflict clears at once; a restarting database or broker takes a few seconds.
  return failure === 'conflict' ? 1 : 5;
}

/** Anything that logs like Nest's Logger. */
interface WarnAndErrorLogger {
  warn(message: unknown, ...rest: unknown[]): unknown;
  error(message: unknown, ...rest: unknown[]): unknown;
}

/**
 * Logs a failed round of background work (a poller, a worker): one warning line when a dependency is
 * away — expected during a restart, and the next round retries — an error with its stack otherwise.
 */
export function logBackgroundFailure(logger: WarnAndErrorLogger, activity: string, error: unknown): void {
  if (dependencyFailureOf(error)) {
    logger.warn(`${activity} paused, a dependency is away: ${String(error)}`);
  } else {
    logger.error({ err: error }, `${activity} failed`);
  }
}
