import { setTimeout as delay } from 'node:timers/promises';

/** Arrivals at one rate: `count` calls, `ratePerSecond` of them a second. */
export interface LoadPhase {
  count: number;
  ratePerSecond: number;
}

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
  await pacedPhases([{ count, ratePerSecond }], send, maxInFlight);
}

/** The due times of `phases`' calls, in milliseconds from the start: each phase begins where the last ended. */
export function phaseSchedule(phases: readonly LoadPhase[]): number[] {
  const due: number[] = [];
  let phaseStart = 0;
  for (const { count, ratePerSecond } of phases) {
    for (let index = 0; index < count; index++) due.push(phaseStart + (index * 1_000) / ratePerSecond);
    phaseStart += (count * 1_000) / ratePerSecond;
  }
  return due;
}

/** pacedLoad over phases of different rates, one after the other; the index runs on across phases. */
export async function pacedPhases(
  phases: readonly LoadPhase[],
  send: (index: number) => Promise<void>,
  maxInFlight = 64,
): Promise<void> {
  const schedule = phaseSchedule(phases);
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let index = 0; index < schedule.length; index++) {
    const due = started + schedule[index];
    const wait = due - performance.now();
    if (wait > 1) await delay(wait);
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const sending = send(index).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  await Promise.all(inFlight);
}
