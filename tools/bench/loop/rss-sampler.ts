// Peak resident memory of each service process, read from /proc every quarter second during the run.

/** A process whose resident set can be read. */
export interface MeasuredProcess {
  service: string;
  residentSetBytes(): number | undefined;
}

/** Peak and last resident set size of each service, in bytes. */
export type MemoryPeaks = Record<string, { peakBytes: number; lastBytes: number }>;

/** Samples the processes every `intervalMs` until stopped; `stop` returns the peaks. */
export function sampleResidentSets(
  processes: readonly MeasuredProcess[],
  intervalMs = 250,
): { stop(): MemoryPeaks } {
  const peaks: MemoryPeaks = {};
  const sample = () => {
    for (const process of processes) {
      const bytes = process.residentSetBytes();
      if (bytes === undefined) continue;
      const entry = (peaks[process.service] ??= { peakBytes: 0, lastBytes: 0 });
      entry.peakBytes = Math.max(entry.peakBytes, bytes);
      entry.lastBytes = bytes;
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
