// The loop benchmark's figures: a console summary, and a section of docs/benchmarks/loop.md per arrival
// rate — a new run replaces the section of its own rate and keeps the others and the written analysis.
import type { BurstRecovery } from './burst-recovery';
import type { DatabaseActivity } from './database-activity';
import type { ScenarioResult } from '../backbone/backbone-scenario';
import type { LatencySummary } from '../backbone/latency-summary';
import { MachineDescription, machineTableRows } from '../backbone/machine-description';
import { closedExactlyOnce, ExactlyOnceVerdict } from './chaos-plan';
import type { InflictedDisruption } from './chaos-monkey';
import type { CpuProfileSummary } from './cpu-profile-summary';
import type { LoopAuditOutcome } from './loop-audit-poll';
import type { LoopBenchOptions } from './loop-options';
import { hopDefinitions, HopName, hopNames } from './loop-traces';
import type { PostgresBaseline } from './postgres-baseline';
import type { MemoryPeaks } from './rss-sampler';

/** Everything one loop benchmark run produced. */
export interface LoopBenchRun {
  date: Date;
  command: string;
  options: LoopBenchOptions;
  machine: MachineDescription;
  /** What else ran on the machine: the figures are only as quiet as it was. */
  conditions: {
    loadAverageAtEnd: number;
    otherTestRunsSeen: number;
    /** p99 delay of the benchmark's own event loop: high values mean the driver, not the services, lagged. */
    driverLagP99Ms: number;
  };
  submitted: number;
  /** Seconds from the first to the last submission. */
  arrivalSeconds: number;
  closed: number;
  /** Loops that did not close, by the step that failed. */
  failures: Record<string, number>;
  /** Closed loops per second over the steady phase (after the warm-up, until the last submission). */
  steadyLoopsPerSecond: number;
  steadySeconds: number;
  /** Seconds from the last submission until the last loop closed. */
  drainSeconds: number;
  hops: Record<HopName, LatencySummary>;
  memory: MemoryPeaks;
  notifications: number;
  confirmRetries: number;
  /** Requests tried again after a 503 (load shed) or 429, as Retry-After asked. */
  overloadRetries: number;
  unexpectedEvents: Record<string, number>;
  baselines?: { kafka: ScenarioResult; postgres: PostgresBaseline };
  profiles?: Record<string, CpuProfileSummary>;
  /** Transactions and rows written per closed loop, by service, from PostgreSQL's counters. */
  databaseActivity?: DatabaseActivity;
  /** What `--chaos` inflicted and how the loop came out of it. */
  chaos?: ChaosOutcome;
  /** With `--after-rate`: how the loop came back from the burst the main arrivals were. */
  recovery?: BurstRecovery;
}

/** A chaos run's disruptions and the proof that every ticket still closed exactly once. */
export interface ChaosOutcome {
  disruptions: InflictedDisruption[];
  verdict: ExactlyOnceVerdict;
  audit: LoopAuditOutcome;
  /** Requests tried again because no service answered (it was being restarted). */
  networkRetries: number;
}

/** The targets of the issue, each met or not (undefined: this run does not test it). */
export interface TargetVerdicts {
  throughput?: boolean;
  submitToOffered?: boolean;
  memory: boolean;
}

/** Memory ceiling per service. */
export const memoryCeilingBytes = 250 * 1024 * 1024;

/** Which targets the run met; throughput needs 4 minutes of arrivals at 50/s, the latency target 30 tickets/s. */
export function targetVerdicts(run: LoopBenchRun): TargetVerdicts {
  const everyLoopClosed = run.closed === run.submitted;
  return {
    throughput:
      run.arrivalSeconds >= 235 && run.options.rate >= 50
        ? everyLoopClosed && run.steadyLoopsPerSecond >= 50
        : undefined,
    submitToOffered: run.options.rate >= 30 ? run.hops['submit → offered'].p99 < 1_000 : undefined,
    memory: Object.values(run.memory).every((entry) => entry.peakBytes < memoryCeilingBytes),
  };
}

const fixed = (value: number, digits = 1) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';
const mb = (bytes: number) => fixed(bytes / 1024 ** 2, 0);
const verdict = (met: boolean | undefined, what: string) =>
  met === undefined ? `not tested by this run (${what})` : met ? '**met**' : '**missed**';

/** The console summary. */
export function renderSummary(run: LoopBenchRun): string {
  const lines = [
    `tickets ${run.submitted} at ${run.options.rate}/s over ${fixed(run.arrivalSeconds)} s; closed ${run.closed}; failed ${run.submitted - run.closed}`,
    `sustained ${fixed(run.steadyLoopsPerSecond)} closed loops/s over ${fixed(run.steadySeconds, 0)} s (drain ${fixed(run.drainSeconds)} s after the last submission)`,
    ...hopNames.map((name) => {
      const h = run.hops[name];
      return `${name.padEnd(36)} n ${String(h.count).padStart(6)}  p50 ${fixed(h.p50, 0).padStart(7)}  p95 ${fixed(h.p95, 0).padStart(7)}  p99 ${fixed(h.p99, 0).padStart(7)}  max ${fixed(h.max, 0).padStart(7)} ms`;
    }),
    `peak RSS: ${Object.entries(run.memory)
      .map(([service, entry]) => `${service} ${mb(entry.peakBytes)} MB`)
      .join(', ')}`,
  ];
  if (run.baselines) {
    const { kafka, postgres } = run.baselines;
    lines.push(
      `Kafka produce→consume: p50 ${fixed(kafka.latency.p50)} ms, p99 ${fixed(kafka.latency.p99)} ms, ${fixed(kafka.throughputPerSecond, 0)} msg/s`,
      `PostgreSQL INSERT+COMMIT: ${fixed(postgres.serialCommitsPerSecond, 0)}/s on one connection (p50 ${fixed(postgres.serialCommit.p50, 2)} ms), ${fixed(postgres.concurrentCommitsPerSecond, 0)}/s on ${postgres.connections}`,
    );
  }
  return lines.join('\n');
}

function hopTable(run: LoopBenchRun): string {
  const rows = hopNames.map((name) => {
    const h = run.hops[name];
    return `| ${name} | ${h.count} | ${fixed(h.p50, 0)} | ${fixed(h.p95, 0)} | ${fixed(h.p99, 0)} | ${fixed(h.max, 0)} |`;
  });
  return [
    '| hop | n | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function baselineSection(run: LoopBenchRun): string {
  if (!run.baselines) return 'Baselines were not measured in this run (`--no-baselines`).';
  const { kafka, postgres } = run.baselines;
  const offered = run.hops['submit → offered'];
  // A loop writes about a dozen PostgreSQL transactions (5 HTTP commands, 4 services' consumers, relays).
  return [
    '| baseline on this machine | figure |',
    '|---|---:|',
    `| Kafka produce → consume round trip (raw kafkajs, acks=all), p50 / p99 | ${fixed(kafka.latency.p50)} / ${fixed(kafka.latency.p99)} ms |`,
    `| Kafka raw throughput (batches of 500) | ${fixed(kafka.throughputPerSecond, 0)} msg/s |`,
    `| PostgreSQL single-row INSERT + COMMIT, one connection | ${fixed(postgres.serialCommitsPerSecond, 0)}/s (p50 ${fixed(postgres.serialCommit.p50, 2)} ms, p99 ${fixed(postgres.serialCommit.p99, 2)} ms) |`,
    `| PostgreSQL single-row INSERT + COMMIT, ${postgres.connections} connections | ${fixed(postgres.concurrentCommitsPerSecond, 0)}/s |`,
    '',
    `Ratios: submit → offered p50 is ×${fixed(offered.p50 / kafka.latency.p50)} the raw Kafka round trip (it crosses Kafka twice: requests → dispatch, dispatch → observer); sustained loops/s are ${fixed((run.steadyLoopsPerSecond / postgres.concurrentCommitsPerSecond) * 100, 2)} % of the concurrent commit rate and ${fixed((run.steadyLoopsPerSecond / kafka.throughputPerSecond) * 100, 3)} % of raw Kafka throughput.`,
  ].join('\n');
}

function profileSection(run: LoopBenchRun): string {
  if (!run.profiles) return '';
  const parts = Object.entries(run.profiles).map(([service, profile]) => {
    const packages = profile.byPackage
      .map((share) => `${share.name} ${fixed(share.share * 100, 0)} %`)
      .join(', ');
    const functions = profile.topFunctions
      .slice(0, 6)
      .map((share) => `\`${share.name}\` ${fixed(share.share * 100, 1)} %`)
      .join('; ');
    return `- **${service}**: busy ${fixed(profile.busyMs / 1_000)} s of ${fixed(profile.totalMs / 1_000)} s. By package: ${packages}. Top functions (self time): ${functions}.`;
  });
  return `\n### CPU profiles (\`--profile\`, self time as a share of each service's busy time)\n\n${parts.join('\n')}\n`;
}

function chaosSection(run: LoopBenchRun): string {
  if (!run.chaos) return '';
  const { disruptions, verdict, audit, networkRetries } = run.chaos;
  const rows = disruptions.map(
    (d) =>
      `| ${fixed(d.startedAt, 0)} s | ${d.what === 'kafka' ? 'Kafka broker restarted' : `${d.what} killed with SIGKILL and restarted`} | ${fixed(d.recoveredAt - d.startedAt)} s |`,
  );
  const list = (ids: string[]) =>
    ids.length ? `${ids.length} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ' …' : ''})` : '0';
  const findings = Object.entries(audit.findings)
    .map(([kind, count]) => `${count} × ${kind}`)
    .join(', ');
  return `
### Chaos (\`--chaos\`)

| at | what | back after |
|---:|---|---:|
${rows.join('\n')}

| proof | result |
|---|---|
| **every ticket closed exactly once** | **${closedExactlyOnce(verdict) ? 'yes' : 'no'}**: ${verdict.creditedOnce} of ${verdict.submitted} tickets credited by exactly one ledger entry |
| never credited | ${list(verdict.neverCredited)} |
| credited more than once | ${list(verdict.creditedMoreThanOnce)} |
| credits for tickets not submitted | ${list(verdict.creditedUnknown)} |
| loop auditor | ${audit.clean ? `clean (after ${fixed(audit.waitedSeconds, 0)} s)` : `**${findings}** after ${fixed(audit.waitedSeconds, 0)} s`} |
| requests tried again because no service answered | ${networkRetries} |
`;
}

function recoverySection(run: LoopBenchRun): string {
  const { recovery, options } = run;
  if (!recovery || !options.after) return '';
  const rows = recovery.windows.map(
    (w) =>
      `| ${w.fromSeconds >= 0 ? '+' : ''}${w.fromSeconds} s | ${fixed(w.arrivals / 10)} | ${fixed(w.closed / 10)} | ${w.inFlight} |`,
  );
  return `
### After the burst (\`--after-rate ${options.after.rate} --after-seconds ${options.after.seconds}\`)

${options.tickets} tickets at ${options.rate}/s, then ${options.after.rate}/s for ${options.after.seconds} s with no pause.

| | |
|---|---|
| **the burst's last loop closed** | ${recovery.recoveredAfterSeconds === undefined ? '**never: a loop of the burst did not close**' : `**${fixed(recovery.recoveredAfterSeconds)} s** after the burst's last arrival`} |
| closed loops/s in the first 30 s after the burst | ${fixed(recovery.firstThirtySecondsLoopsPerSecond)} |
| closed loops/s over the last third of the after-phase | ${fixed(recovery.steadyLoopsPerSecond)} (arrivals ${options.after.rate}/s) |
| loops in flight at the end of the after-phase | ${recovery.inFlightAtEnd} |

| window (from the burst's end) | arrivals/s | closed loops/s | in flight at its end |
|---:|---:|---:|---:|
${rows.join('\n')}
`;
}

/** Each service's database work per closed loop, when measured. */
function databaseActivitySection(run: LoopBenchRun): string {
  if (!run.databaseActivity) return '';
  const rows = Object.entries(run.databaseActivity)
    .map(
      ([service, entry]) =>
        `| ${service} | ${fixed(entry.commitsPerLoop)} | ${fixed(entry.rowsWrittenPerLoop)} |`,
    )
    .join('\n');
  return `| service database, per closed loop | transactions committed | rows written |
|---|---:|---:|
${rows}

`;
}

/** The key of a run's section: its rate, its replicas per service when more than one, the after-phase, and chaos. */
function sectionKey(run: LoopBenchRun): string {
  const replicas = run.options.replicas > 1 ? `-x${run.options.replicas}` : '';
  const after = run.options.after ? `-then-${run.options.after.rate}` : '';
  return `${run.options.rate}${replicas}${after}${run.options.chaos ? '-chaos' : ''}`;
}

/** The heading of a run's section, saying what its key says. */
function sectionHeading(run: LoopBenchRun): string {
  const replicas = run.options.replicas > 1 ? `, ${run.options.replicas} replicas per service` : '';
  const after = run.options.after ? `, then ${run.options.after.rate}/s` : '';
  return `## ${run.options.rate} tickets/s${replicas}${after}${run.options.chaos ? ' with chaos' : ''}`;
}

/** The markdown section of one run. */
export function renderRunSection(run: LoopBenchRun): string {
  const targets = targetVerdicts(run);
  const { machine } = run;
  const failures = Object.entries(run.failures)
    .map(([step, count]) => `${count} at ${step}`)
    .join(', ');
  const unexpected = Object.entries(run.unexpectedEvents)
    .map(([type, count]) => `${count} × ${type}`)
    .join(', ');
  return `${sectionHeading(run)}

Written by \`${run.command}\` on ${run.date.toISOString()}.

| | |
|---|---|
| tickets submitted | ${run.submitted} over ${fixed(run.arrivalSeconds)} s (${fixed(run.submitted / run.arrivalSeconds)}/s achieved; at most ${run.options.maxInFlight} loops in flight) |
| loops closed (hours credited) | ${run.closed}${failures ? `; not closed: ${failures}` : ''} |
| **sustained closed loops/s** (steady phase: ${fixed(run.steadySeconds, 0)} s after a ${run.options.warmupSeconds} s warm-up) | **${fixed(run.steadyLoopsPerSecond)}** |
| drain after the last submission | ${fixed(run.drainSeconds)} s |
| notifications delivered | ${run.notifications} |
| confirmations retried (requests had not seen the completion yet) | ${run.confirmRetries} |
| requests tried again after a 503 or 429, as \`Retry-After\` asked | ${run.overloadRetries} |
| events off the smooth path | ${unexpected || 'none'} |
| conditions | load average ${machine.loadAverage} at start, ${run.conditions.loadAverageAtEnd} at end; ${run.conditions.otherTestRunsSeen ? `other test runs were seen on the machine ${run.conditions.otherTestRunsSeen} time(s) during the run` : 'no other test runs seen during the run'}; the benchmark's own event-loop delay p99 ${fixed(run.conditions.driverLagP99Ms, 0)} ms |

${hopTable(run)}

| service | peak RSS (MB) | at end (MB) |
|---|---:|---:|
${Object.entries(run.memory)
  .map(([service, entry]) => `| ${service} | ${mb(entry.peakBytes)} | ${mb(entry.lastBytes)} |`)
  .join('\n')}

${databaseActivitySection(run)}${baselineSection(run)}

Targets: ≥ 50 closed loops/s for 4 minutes with every loop closed — ${verdict(targets.throughput, 'needs 4 minutes of arrivals at 50 tickets/s or more')}; p99 submit → offered < 1 s at 30 tickets/s — ${verdict(targets.submitToOffered, 'needs at least 30 tickets/s')}; every service below 250 MB RSS — ${verdict(targets.memory, '')}.
${recoverySection(run)}${chaosSection(run)}${profileSection(run)}
### Machine

| | |
|---|---|
${machineTableRows(machine)}
`;
}

const header = `# Loop benchmark

\`npm run bench\` (tools/bench/loop) starts the four services as separate processes from their build
output, each with its own database, on the local Kafka, PostgreSQL and Redis, and drives tickets round
the whole loop over the public HTTP APIs: residents submit tickets in communities with auto-dispatch
(the benchmark turns it on for every community through the directory's admin API), the offered member
accepts, starts and completes the work, and the resident confirms. A consumer of the loop's topics
(observing, not driving) timestamps each fact. Each run replaces the section of its arrival rate.

Hops:

${hopNames.map((name) => `- **${name}**: ${hopDefinitions[name]}.`).join('\n')}

Kafka, PostgreSQL, Redis, the four services and the benchmark itself share the machine's cores, so
every figure includes their contention for them.
`;

const analysisStart = '<!-- analysis:start -->';
const analysisEnd = '<!-- analysis:end -->';
const placeholderAnalysis = `${analysisStart}\n\n## Where the time goes\n\nNot analysed yet.\n\n${analysisEnd}`;

/** The results file with this run's section put in place of the same rate's, others and the analysis kept. */
export function mergeResults(existing: string | undefined, run: LoopBenchRun): string {
  const key = sectionKey(run);
  const sections = new Map<string, string>();
  let analysis = placeholderAnalysis;
  if (existing) {
    const kept = existing.indexOf(analysisStart);
    const keptEnd = existing.indexOf(analysisEnd);
    if (kept >= 0 && keptEnd > kept) analysis = existing.slice(kept, keptEnd + analysisEnd.length);
    for (const match of existing.matchAll(/<!-- run:(\S+) -->\n([\s\S]*?)\n<!-- \/run:\1 -->/g)) {
      sections.set(match[1], match[2]);
    }
  }
  sections.set(key, renderRunSection(run).trim());
  const runs = [...sections.entries()]
    .sort(([a], [b]) => parseFloat(a) - parseFloat(b) || a.localeCompare(b))
    .map(([rate, body]) => `<!-- run:${rate} -->\n${body}\n<!-- /run:${rate} -->`);
  return `${header}\n${analysis}\n\n${runs.join('\n\n')}\n`;
}
