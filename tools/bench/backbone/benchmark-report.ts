import { ScenarioResult, ScenarioSettings } from './backbone-scenario';
import { MachineDescription, machineTableRows } from './machine-description';

/** Everything one benchmark run produced. */
export interface BenchmarkRun {
  date: Date;
  command: string;
  settings: Omit<ScenarioSettings, 'brokers' | 'postgresAdminUrl' | 'runId'>;
  machine: MachineDescription;
  backbone: ScenarioResult;
  baseline: ScenarioResult;
}

/** backbone ÷ baseline: below 1 for throughput and above 1 for latency is the cost of the guarantees. */
export function ratios(run: BenchmarkRun): { throughput: number; p50: number; p95: number; p99: number } {
  return {
    throughput: run.backbone.throughputPerSecond / run.baseline.throughputPerSecond,
    p50: run.backbone.latency.p50 / run.baseline.latency.p50,
    p95: run.backbone.latency.p95 / run.baseline.latency.p95,
    p99: run.backbone.latency.p99 / run.baseline.latency.p99,
  };
}

const number = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The console summary. */
export function renderSummary(run: BenchmarkRun): string {
  const ratio = ratios(run);
  const row = (name: string, result: ScenarioResult) =>
    `${name.padEnd(10)} ${number(result.throughputPerSecond, 0).padStart(9)} ev/s   p50 ${number(result.latency.p50).padStart(7)} ms   p95 ${number(result.latency.p95).padStart(7)} ms   p99 ${number(result.latency.p99).padStart(7)} ms`;
  return [
    row('backbone', run.backbone),
    row('baseline', run.baseline),
    `ratio      throughput ${number(ratio.throughput, 3)} of the baseline; latency ×${number(ratio.p50, 1)} (p50), ×${number(ratio.p95, 1)} (p95), ×${number(ratio.p99, 1)} (p99)`,
  ].join('\n');
}

/** docs/benchmarks/backbone.md: the figures, the machine, and how they were measured. */
export function renderMarkdown(run: BenchmarkRun): string {
  const ratio = ratios(run);
  const { machine, settings } = run;
  const line = (name: string, result: ScenarioResult) =>
    `| ${name} | ${number(result.throughputPerSecond, 0)} | ${number(result.latency.p50)} | ${number(result.latency.p95)} | ${number(result.latency.p99)} | ${number(result.latency.max)} |`;
  return `# Event backbone benchmark

Written by \`${run.command}\` on ${run.date.toISOString()}.

Run it again to replace these figures; compare runs on the same machine only.

## Results

| pipeline | throughput (events/s) | latency p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |
|---|---:|---:|---:|---:|---:|
${line('outbox → relay → Kafka → consumer with inbox', run.backbone)}
${line('raw kafkajs produce → consume (baseline)', run.baseline)}
| **backbone ÷ baseline** | **${number(ratio.throughput, 3)}** | **×${number(ratio.p50)}** | **×${number(ratio.p95)}** | **×${number(ratio.p99)}** | |

Throughput phase: ${settings.throughputEvents.toLocaleString('en-US')} events (the backbone drained them in ${number(run.backbone.throughputSeconds, 2)} s, the baseline in ${number(run.baseline.throughputSeconds, 2)} s). Latency phase: ${settings.latencyEvents.toLocaleString('en-US')} events at a steady ${settings.latencyRate} events/s. Events are \`ticket.submitted\` v1 envelopes (the contracts fixture, about 0.9 kB) spread over ${settings.keys} keys on a 12-partition topic.

${
  run.backbone.stages
    ? `Backbone latency by stage (medians): writer transaction ${number(run.backbone.stages.writerTransaction)} ms, outbox commit → Kafka acknowledgement (relay) ${number(run.backbone.stages.relayToKafka)} ms, acknowledgement → consumer's effect ${number(run.backbone.stages.kafkaToEffect)} ms.`
    : ''
}

## Machine

| | |
|---|---|
${machineTableRows(machine)}
| PostgreSQL commit of a one-row insert (median, synchronous_commit=on) | ${number(machine.commitMs, 1)} ms |
| load average (1 min) at start | ${machine.loadAverage} |

Kafka, PostgreSQL and the benchmark process share the machine, so the figures include their contention
for the same cores.

## What is measured

- **Backbone, throughput**: the outbox is filled first (not timed); the clock starts when the relay
  starts and stops when the consumer has written the last effect. Every event goes through the whole
  path services use: relay batch (500 rows, idempotent producer, acks=all) → Kafka → consumer
  (kafkajs, 6 partitions in parallel) → envelope and payload validation → PostgreSQL transactions
  holding each message's inbox entry and effect row (up to 50 messages of a partition per transaction
  while a backlog lasts) → offsets committed after the database commit.
- **Backbone, latency**: each event is added in a transaction of its own, as a request handler does;
  latency runs from the envelope's \`occurredAt\` (just before the writer's transaction) to the
  consumer's effect write (the commit that follows, one WAL flush, is not included). It includes the
  relay's wake-up by LISTEN/NOTIFY.
- **Baseline**: the same envelopes through a plain kafkajs producer with the same settings
  (idempotent, acks=all; batches of 500 for throughput, one message per send for latency) and a plain
  kafkajs consumer (6 partitions in parallel, auto-commit) doing nothing with them.
- The ratio is the price of the guarantees: no event lost or published without its state change, no
  effect applied twice, every message validated, failures parked instead of dropped.
`;
}
