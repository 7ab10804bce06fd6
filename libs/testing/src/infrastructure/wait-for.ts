// Tests poll with a deadline instead of sleeping: fast when the system is fast, and a clear failure
// naming what never happened when it is not.

/** How long and how often to poll, and what is awaited (for the failure message). */
export interface WaitForOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 100 ms). */
  intervalMs?: number;
  /** What is being waited for, e.g. 'the offer to be accepted'. */
  description: string;
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/**
 * Calls `predicate` until it returns a truthy value and resolves with that value. A predicate that
 * throws counts as "not yet"; its last error is part of the timeout message.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitForOptions,
): Promise<Truthy<T>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as Truthy<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.description}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
