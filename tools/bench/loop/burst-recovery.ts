// How the loop comes back after a burst: arrivals at a rate above the knee, then at the sustainable
// rate. Pure, over the loops' traces, so the rule is tested without a cluster.
import type { LoopTrace } from './loop-traces';

/** Ten seconds of the run after the burst began. */
export interface RecoveryWindow {
  /** Seconds after the burst ended at which the window starts (negative: during the burst). */
  fromSeconds: number;
  arrivals: number;
  closed: number;
  /** Loops submitted and not yet closed at the window's end. */
  inFlight: number;
}

/** The return to the steady state after the burst. */
export interface BurstRecovery {
  windows: RecoveryWindow[];
  /**
   * Seconds after the burst's last arrival until the last loop submitted during the burst closed, while
   * arrivals went on at the after-phase's rate: the burst's queue is gone. Undefined if one never closed.
   */
  recoveredAfterSeconds?: number;
  /** The loops in flight at the end of the after-phase (its own steady queue, if it recovered). */
  inFlightAtEnd: number;
  /** Closed loops per second in the first 30 s after the burst: is the loop still at full rate? */
  firstThirtySecondsLoopsPerSecond: number;
  /** Closed loops per second over the last third of the after-phase. */
  steadyLoopsPerSecond: number;
}

/** When the phases ran (epoch milliseconds). */
export interface PhaseTimes {
  burstStartedAt: number;
  burstEndedAt: number;
  afterEndedAt: number;
}

const windowMs = 10_000;

function inFlightAt(traces: readonly LoopTrace[], at: number): number {
  let count = 0;
  for (const trace of traces) {
    if (trace.submitSentAt <= at && !(trace.creditSeenAt !== undefined && trace.creditSeenAt <= at)) count++;
  }
  return count;
}

/**
 * The windows of the run from the burst's start to the end of the after-phase, and how long after the
 * burst its last loop closed. A loop that never closed counts as in flight to the end.
 */
export function burstRecovery(traces: Iterable<LoopTrace>, phases: PhaseTimes): BurstRecovery {
  const all = [...traces];
  const closedWithin = (from: number, to: number) =>
    all.filter(
      (trace) => trace.creditSeenAt !== undefined && trace.creditSeenAt >= from && trace.creditSeenAt < to,
    ).length;
  const windows: RecoveryWindow[] = [];
  for (let from = phases.burstStartedAt; from < phases.afterEndedAt; from += windowMs) {
    const to = Math.min(from + windowMs, phases.afterEndedAt);
    windows.push({
      fromSeconds: Math.round((from - phases.burstEndedAt) / 1_000),
      arrivals: all.filter((trace) => trace.submitSentAt >= from && trace.submitSentAt < to).length,
      closed: closedWithin(from, to),
      inFlight: inFlightAt(all, to),
    });
  }
  const lastThirdFrom = phases.afterEndedAt - (phases.afterEndedAt - phases.burstEndedAt) / 3;
  const ofBurst = all.filter((trace) => trace.submitSentAt <= phases.burstEndedAt);
  const burstClosed = ofBurst.every((trace) => trace.creditSeenAt !== undefined);
  const lastBurstCredit = Math.max(phases.burstEndedAt, ...ofBurst.map((trace) => trace.creditSeenAt ?? 0));
  return {
    windows,
    recoveredAfterSeconds: burstClosed ? (lastBurstCredit - phases.burstEndedAt) / 1_000 : undefined,
    inFlightAtEnd: inFlightAt(all, phases.afterEndedAt),
    firstThirtySecondsLoopsPerSecond: closedWithin(phases.burstEndedAt, phases.burstEndedAt + 30_000) / 30,
    steadyLoopsPerSecond:
      closedWithin(lastThirdFrom, phases.afterEndedAt) / ((phases.afterEndedAt - lastThirdFrom) / 1_000),
  };
}
