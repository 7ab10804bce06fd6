// A command that locks rows can be chosen as the victim when PostgreSQL breaks a lock cycle (for
// instance between two consumers handling a backlog in one transaction each). The victim's work is
// still valid: it only lost a race. Running the whole transaction again turns what would be a 500 into
// a slightly slower success.
import type { EntityManager } from 'typeorm';
import { exponentialBackoffMs } from '../retry/exponential-backoff';
import { isTransactionConflict } from './postgres-error-codes';

/** Anything that runs work in one database transaction: a DataSource (or a fake in tests). */
export interface TransactionRunner {
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
}

/** How often and how patiently a transaction that lost a conflict is run again. */
export interface TransactionRetryOptions {
  /** Attempts in all, the first included (default 4). */
  attempts?: number;
  /** Upper bound of the pause before the first retry, in ms; it doubles for each later one (default 20). */
  baseDelayMs?: number;
  /** Cap of the pause before any retry, in ms (default 200). */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1) (default Math.random). */
  random?: () => number;
  /** Waits the given ms (default a timer); tests pass one that does not wait. */
  pause?: (ms: number) => Promise<void>;
}

const defaults = { attempts: 4, baseDelayMs: 20, maxDelayMs: 200 };

/**
 * Runs `work` in a transaction of `runner` and, when PostgreSQL aborts it as a deadlock victim or for a
 * serialization failure, runs the whole transaction again, up to `attempts` times in all, with a short
 * jittered pause in between. Any other error, and the last conflict once the attempts run out, is
 * rethrown. `work` may therefore run more than once: it must have no effects outside the transaction.
 */
export async function runTransaction<T>(
  runner: TransactionRunner,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionRetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? defaults.attempts);
  const random = options.random ?? Math.random;
  const pause = options.pause ?? wait;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runner.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      await pause(retryDelayMs(attempt, options, random));
    }
  }
}

/**
 * The pause before retry number `retry` (1-based): full jitter over an exponentially growing bound, so
 * the transactions of one lock cycle do not meet again at the same instant.
 */
export function retryDelayMs(
  retry: number,
  options: Pick<TransactionRetryOptions, 'baseDelayMs' | 'maxDelayMs'> = {},
  random: () => number = Math.random,
): number {
  const base = options.baseDelayMs ?? defaults.baseDelayMs;
  const cap = options.maxDelayMs ?? defaults.maxDelayMs;
  const bound = exponentialBackoffMs(retry, { initialMs: base, maxMs: cap });
  return Math.floor(random() * bound);
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
