import { exponentialBackoffMs } from '@loop/platform';

/** How often and how patiently a transient failure is retried before the message is dead-lettered. */
export interface RetryPolicy {
  /** Attempts in total, the first one included (1 means no retry). */
  maxAttempts: number;
  /** Delay before the second attempt. */
  initialDelayMs: number;
  /** Growth factor of the delay from one retry to the next. */
  multiplier: number;
  /** Upper bound of any single delay. */
  maxDelayMs: number;
  /** Fraction of the delay randomised (0..1) so that many consumers do not retry in lockstep. */
  jitter: number;
}

/**
 * Five attempts over about three seconds: long enough to ride out a lock timeout or a restart of a
 * dependency, short enough that one partition is not held up for long behind a poison message.
 */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  multiplier: 2,
  maxDelayMs: 5_000,
  jitter: 0.2,
};

/** Whether another attempt is allowed after `attemptsMade` attempts failed. */
export function mayRetry(policy: RetryPolicy, attemptsMade: number): boolean {
  return attemptsMade < policy.maxAttempts;
}

/**
 * The delay before the next attempt, after `attemptsMade` (≥ 1) failed ones: exponential, capped,
 * with symmetric jitter. `random` returns a number in [0, 1) and is injected so tests control it.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attemptsMade: number,
  random: () => number = Math.random,
): number {
  const capped = exponentialBackoffMs(attemptsMade, {
    initialMs: policy.initialDelayMs,
    maxMs: policy.maxDelayMs,
    multiplier: policy.multiplier,
  });
  const spread = capped * policy.jitter;
  return Math.max(0, Math.round(capped - spread + 2 * spread * random()));
}

/** Checks a policy for values that would retry forever or never wait. */
export function assertValidRetryPolicy(policy: RetryPolicy): void {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`retry policy: maxAttempts must be a positive integer, got ${policy.maxAttempts}`);
  }
  if (policy.initialDelayMs < 0 || policy.maxDelayMs < policy.initialDelayMs) {
    throw new Error('retry policy: delays must satisfy 0 ≤ initialDelayMs ≤ maxDelayMs');
  }
  if (policy.multiplier < 1) throw new Error('retry policy: multiplier must be at least 1');
  if (policy.jitter < 0 || policy.jitter > 1) throw new Error('retry policy: jitter must be within 0..1');
}
