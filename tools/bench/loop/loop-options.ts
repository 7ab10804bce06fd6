// The command line of `npm run bench`: how many tickets arrive, how fast, for how long, and where the
// results go. Pure, so the defaults and the checks are tested without starting anything.
import { parseArgs } from 'node:util';

/** How one loop benchmark run is shaped. */
export interface LoopBenchOptions {
  /** Tickets submitted per second (open-loop arrival: on schedule, whatever the system's state). */
  rate: number;
  /** Tickets submitted in all; arrivals last tickets ÷ rate seconds. */
  tickets: number;
  /** Seconds at the start of the arrivals left out of the steady phase (connections, JIT, caches warm up). */
  warmupSeconds: number;
  /** Loops in flight at most; arrivals wait beyond it, so an overloaded system is measured, not buried. */
  maxInFlight: number;
  /** Communities with auto-dispatch the tickets are spread over (the demo district has 19). */
  communities: number;
  /** Also measure the raw Kafka round trip and the PostgreSQL commit rate. */
  baselines: boolean;
  /** Run the services with --cpu-prof and summarise where their CPU time went. */
  profile: boolean;
  /** A short smoke run. */
  quick: boolean;
  /** Kill every service with SIGKILL and restart the broker during the arrivals, then judge exactly-once closure. */
  chaos: boolean;
  /** Processes per service, sharing its database and consumer group; requests are spread over them. */
  replicas: number;
  /**
   * Arrivals after the main ones, at a (sustainable) rate, with no pause between: the main arrivals are
   * then a burst, and the run reports how the loop came back from it.
   */
  after?: { rate: number; seconds: number };
  /** Results file, relative to the repository root. */
  out: string;
}

/** Defaults: 50 tickets/s for 4 minutes, which with start-up, baselines and drain stays under 6 minutes. */
export const defaultLoopOptions = {
  rate: 50,
  durationSeconds: 240,
  maxInFlight: 4_000,
  communities: 19,
  out: 'docs/benchmarks/loop.md',
} as const;

/** The quick run: a few tickets, enough to see every hop once, written outside the documentation. */
export const quickLoopOptions = {
  rate: 10,
  durationSeconds: 20,
  out: '.local/benchmarks/loop-quick.md',
} as const;

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`);
  return parsed;
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  const parsed = positiveNumber(name, value);
  if (parsed !== undefined && !Number.isInteger(parsed)) throw new Error(`--${name} must be a whole number`);
  return parsed;
}

/** Parses `--rate --duration --tickets --warmup --max-in-flight --communities --no-baselines --profile --chaos --replicas --after-rate --after-seconds --quick --out`. */
export function parseLoopOptions(argv: readonly string[]): LoopBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      rate: { type: 'string' },
      duration: { type: 'string' },
      tickets: { type: 'string' },
      warmup: { type: 'string' },
      'max-in-flight': { type: 'string' },
      communities: { type: 'string' },
      'no-baselines': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      chaos: { type: 'boolean', default: false },
      replicas: { type: 'string' },
      'after-rate': { type: 'string' },
      'after-seconds': { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const rate =
    positiveNumber('rate', values.rate) ?? (quick ? quickLoopOptions.rate : defaultLoopOptions.rate);
  const duration =
    positiveNumber('duration', values.duration) ??
    (quick ? quickLoopOptions.durationSeconds : defaultLoopOptions.durationSeconds);
  // --tickets wins over --duration: the count is what the run is about, the duration follows from it.
  const tickets = positiveInteger('tickets', values.tickets) ?? Math.max(1, Math.round(rate * duration));
  const arrivalSeconds = tickets / rate;
  const warmupSeconds =
    values.warmup !== undefined ? Number(values.warmup) : Math.min(30, Math.floor(arrivalSeconds * 0.2));
  if (!Number.isFinite(warmupSeconds) || warmupSeconds < 0 || warmupSeconds >= arrivalSeconds) {
    throw new Error('--warmup must be at least 0 and shorter than the arrivals');
  }
  const communities = positiveInteger('communities', values.communities) ?? defaultLoopOptions.communities;
  const afterRate = positiveNumber('after-rate', values['after-rate']);
  const afterSeconds = positiveNumber('after-seconds', values['after-seconds']);
  if ((afterRate === undefined) !== (afterSeconds === undefined)) {
    throw new Error('--after-rate and --after-seconds go together');
  }
  return {
    rate,
    tickets,
    warmupSeconds,
    maxInFlight: positiveInteger('max-in-flight', values['max-in-flight']) ?? defaultLoopOptions.maxInFlight,
    communities,
    baselines: !(values['no-baselines'] ?? false),
    profile: values.profile ?? false,
    chaos: values.chaos ?? false,
    replicas: positiveInteger('replicas', values.replicas) ?? 1,
    ...(afterRate !== undefined && afterSeconds !== undefined
      ? { after: { rate: afterRate, seconds: afterSeconds } }
      : {}),
    quick,
    out: values.out ?? (quick ? quickLoopOptions.out : defaultLoopOptions.out),
  };
}

/** The command line that reproduces a run, for the results file. */
export function commandLineOf(options: LoopBenchOptions): string {
  const parts = ['npm run bench --'];
  if (options.quick) parts.push('--quick');
  parts.push(`--rate ${options.rate}`, `--tickets ${options.tickets}`, `--warmup ${options.warmupSeconds}`);
  if (options.maxInFlight !== defaultLoopOptions.maxInFlight)
    parts.push(`--max-in-flight ${options.maxInFlight}`);
  if (options.communities !== defaultLoopOptions.communities)
    parts.push(`--communities ${options.communities}`);
  if (!options.baselines) parts.push('--no-baselines');
  if (options.profile) parts.push('--profile');
  if (options.chaos) parts.push('--chaos');
  if (options.replicas > 1) parts.push(`--replicas ${options.replicas}`);
  if (options.after)
    parts.push(`--after-rate ${options.after.rate}`, `--after-seconds ${options.after.seconds}`);
  return parts.join(' ');
}
