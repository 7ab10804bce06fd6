import { burstRecovery } from './burst-recovery';
import type { LoopTrace } from './loop-traces';

const second = 1_000;

/** Loops arriving `perSecond` each second over [from, to) seconds, each closing `latency(at)` seconds later. */
function loops(from: number, to: number, perSecond: number, latency: (at: number) => number): LoopTrace[] {
  const traces: LoopTrace[] = [];
  for (let at = from; at < to; at += 1 / perSecond) {
    traces.push({ submitSentAt: at * second, creditSeenAt: (at + latency(at)) * second });
  }
  return traces;
}

describe('burstRecovery', () => {
  const phases = { burstStartedAt: 0, burstEndedAt: 60 * second, afterEndedAt: 150 * second };

  it('finds when the last loop of the burst closed while arrivals went on', () => {
    // A queue that grows during the burst and drains by 40 s after it; then loops take 2 s.
    const burst = loops(0, 60, 16, (at) => 2 + at * 0.6);
    const after = loops(60, 150, 8, (at) => Math.max(2, 38 - (at - 60)));

    const recovery = burstRecovery([...burst, ...after], phases);

    // The last burst loop arrives just before 60 s and takes 2 + 0.6 × 60 = 38 s.
    expect(recovery.recoveredAfterSeconds).toBeCloseTo(38, 0);
    // Eight a second, each open 2 s: about sixteen.
    expect(recovery.inFlightAtEnd).toBeGreaterThanOrEqual(15);
    expect(recovery.inFlightAtEnd).toBeLessThanOrEqual(16);
    expect(recovery.steadyLoopsPerSecond).toBeCloseTo(8, 0);
    // The burst's queue drains for 38 s after it: the loop closes at its full rate meanwhile.
    expect(recovery.firstThirtySecondsLoopsPerSecond).toBeGreaterThan(8);
    expect(recovery.windows[0]).toEqual({
      fromSeconds: -60,
      arrivals: 160,
      closed: expect.any(Number),
      inFlight: expect.any(Number),
    });
    expect(recovery.windows).toHaveLength(15);
  });

  it('does not recover while a loop of the burst stays open', () => {
    const burst = loops(0, 60, 16, () => 2);
    const lost: LoopTrace = { submitSentAt: 30 * second };
    const after = loops(60, 150, 8, () => 2);

    const recovery = burstRecovery([...burst, lost, ...after], phases);

    expect(recovery.recoveredAfterSeconds).toBeUndefined();
    // About sixteen of the after-phase, and the lost one.
    expect(recovery.inFlightAtEnd).toBeGreaterThanOrEqual(16);
    expect(recovery.inFlightAtEnd).toBeLessThanOrEqual(17);
  });
});
