/** How a delay grows from one retry to the next. */
export interface ExponentialBackoff {
  /** Delay after the first failed attempt, in ms. */
  initialMs: number;
  /** Upper bound of any delay, in ms. */
  maxMs: number;
  /** Growth factor per retry (default 2). */
  multiplier?: number;
}

/**
 * The delay after `failedAttempts` (≥ 1) failed attempts: `initialMs`, multiplied for each further
 * attempt, never above `maxMs`. Callers add their own jitter on top.
 */
export function exponentialBackoffMs(failedAttempts: number, backoff: ExponentialBackoff): number {
  const growth = (backoff.multiplier ?? 2) ** Math.max(0, failedAttempts - 1);
  return Math.min(backoff.initialMs * growth, backoff.maxMs);
}
