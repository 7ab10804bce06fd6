// The PostgreSQL error codes (SQLSTATEs) that more than one part of the system acts on. HTTP command
// handlers and the Kafka consumers both retry a transaction that lost a conflict, so they read the
// codes from here rather than each keeping its own list.

/** SQLSTATE 40001: the transaction could not be serialised with a concurrent one. */
export const SERIALIZATION_FAILURE = '40001';

/** SQLSTATE 40P01: PostgreSQL broke a lock cycle by aborting this transaction. */
export const DEADLOCK_DETECTED = '40P01';

/**
 * SQLSTATEs that mean "this transaction lost a conflict with a concurrent one": nothing is wrong with
 * the work itself, and running the whole transaction again normally succeeds.
 */
export const TRANSACTION_CONFLICT_SQLSTATES: ReadonlySet<string> = new Set([
  SERIALIZATION_FAILURE,
  DEADLOCK_DETECTED,
]);

/**
 * The `code` of a database error — a SQLSTATE from PostgreSQL, or a Node network code such as
 * ECONNREFUSED — looking through TypeORM's QueryFailedError to the driver error it wraps.
 */
export function databaseErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  // TypeORM wraps driver errors in QueryFailedError and keeps the driver's fields on `driverError`.
  const driverError = (error as { driverError?: unknown }).driverError;
  const source = (typeof driverError === 'object' && driverError !== null ? driverError : error) as {
    code?: unknown;
  };
  return typeof source.code === 'string' ? source.code : undefined;
}

/** Whether the error says the transaction lost a conflict (deadlock or serialization failure). */
export function isTransactionConflict(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code !== undefined && TRANSACTION_CONFLICT_SQLSTATES.has(code);
}
