/** Delay before retrying a timer whose handler failed `attempts` times: 1 s doubling, at most 5 minutes. */
export function timerRetryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(attempts - 1, 0), 5 * 60_000);
}
