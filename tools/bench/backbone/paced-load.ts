import { setTimeout as delay } from 'node:timers/promises';

/**
 * Calls `send(i)` for i = 0..count-1 at `ratePerSecond`, in ticks of 10 ms, never more than
 * `maxInFlight` unfinished at once (so a slow system is measured, not buried under a queue of ours).
 */
export async function pacedLoad(
  count: number,
  ratePerSecond: number,
  send: (index: number) => Promise<void>,
  maxInFlight = 64,
): Promise<void> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1_000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await delay(wait);
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const sending = send(index).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  await Promise.all(inFlight);
}
