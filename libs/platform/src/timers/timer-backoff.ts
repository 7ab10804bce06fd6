import { exponentialBackoffMs } from '../retry/exponential-backoff';

/** Delay before retrying a timer whose handler failed `attempts` times: 1 s doubling, at most 5 minutes. */
export function timerRetryDelayMs(attempts: number): number {
  return exponentialBackoffMs(attempts, { initialMs: 1000, maxMs: 5 * 60_000 });
}
