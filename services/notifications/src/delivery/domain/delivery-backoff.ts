/** How a failing push delivery is retried before it is recorded as failed. */
export interface DeliveryRetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Delay after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** Upper bound of one delay. */
  maxDelayMs: number;
}

/** The delay before the next attempt after `failedAttempts` (≥ 1) failures: exponential, capped. */
export function nextRetryDelayMs(policy: DeliveryRetryPolicy, failedAttempts: number): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1), policy.maxDelayMs);
}

/** Whether a delivery that has failed `failedAttempts` times gets another try. */
export function mayRetryDelivery(policy: DeliveryRetryPolicy, failedAttempts: number): boolean {
  return failedAttempts < policy.maxAttempts;
}
