// `tsx tools/bench/backbone/run-backbone-benchmark.ts [--events 20000] [--latency-events 3000] [--rate 100] [--keys 1000] [--out file]`
// Measures the event backbone (outbox → relay → Kafka → consumer with inbox) against raw kafkajs on the
// same broker, prints both and their ratio, and writes docs/benchmarks/backbone.md with the machine
// description. Uses the running infrastructure (tools/infra starts what is missing).
import { pinnedKafkaVersion } from '../../infra/kafka-artifacts';
import { ensureInfrastructure, stopInfrastructure } from '../../infra';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { runBackboneScenario, ScenarioSettings } from './backbone-scenario';
import { runBaselineScenario } from './baseline-scenario';
import { BenchmarkRun, renderMarkdown, renderSummary } from './benchmark-report';
import { summariseLatencies } from './latency-summary';
import { describeMachine } from './machine-description';
import { runAsCommand, writeMarkdownResults } from '../bench-output';

const repositoryRoot = path.resolve(__dirname, '../../..');

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive integer`);
  return parsed;
}

/** The server's version and the median time of a durable one-row commit on it. */
async function probePostgres(adminUrl: string): Promise<{ version: string; commitMs: number }> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    // A regular table: commits that touch only temporary tables skip the WAL flush being measured.
    const table = `bench_commit_probe_${process.pid}`;
    await client.query(`CREATE TABLE ${table} (n integer)`);
    const times: number[] = [];
    try {
      for (let n = 0; n < 50; n++) {
        const started = performance.now();
        await client.query('BEGIN');
        await client.query(`INSERT INTO ${table} VALUES ($1)`, [n]);
        await client.query('COMMIT');
        times.push(performance.now() - started);
      }
    } finally {
      await client.query(`DROP TABLE ${table}`);
    }
    return { version: `PostgreSQL ${rows[0].server_version}`, commitMs: summariseLatencies(times).p50 };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string' },
      'latency-events': { type: 'string' },
      rate: { type: 'string' },
      keys: { type: 'string' },
      out: { type: 'string', default: 'docs/benchmarks/backbone.md' },
    },
  });
  const infrastructure = await ensureInfrastructure({ log: (line) => console.log(`  ${line}`) });
  const machineAtStart = describeMachine('', '');
  const settings: ScenarioSettings = {
    brokers: infrastructure.kafkaBrokers,
    postgresAdminUrl: infrastructure.postgresUrl,
    throughputEvents: positiveInteger('events', values.events, 20_000),
    latencyEvents: positiveInteger('latency-events', values['latency-events'], 3_000),
    latencyRate: positiveInteger('rate', values.rate, 100),
    keys: positiveInteger('keys', values.keys, 1_000),
    runId: `${Date.now().toString(36)}`,
  };
  try {
    const log = (line: string) => console.log(line);
    const backbone = await runBackboneScenario(settings, log);
    const baseline = await runBaselineScenario(settings, log);
    const postgres = await probePostgres(settings.postgresAdminUrl);
    const kafka = process.env.KAFKA_BROKERS
      ? `external broker(s) ${settings.brokers.join(', ')}`
      : `Apache Kafka ${pinnedKafkaVersion()}, single KRaft node (tools/infra)`;
    const run: BenchmarkRun = {
      date: new Date(),
      command: 'npx tsx tools/bench/backbone/run-backbone-benchmark.ts',
      settings: {
        throughputEvents: settings.throughputEvents,
        latencyEvents: settings.latencyEvents,
        latencyRate: settings.latencyRate,
        keys: settings.keys,
      },
      machine: { ...machineAtStart, kafka, postgres: postgres.version, commitMs: postgres.commitMs },
      backbone,
      baseline,
    };
    console.log(`\n${renderSummary(run)}`);
    const out = path.resolve(repositoryRoot, values.out);
    await writeMarkdownResults(out, renderMarkdown(run), repositoryRoot);
  } finally {
    if (infrastructure.started.length > 0) await stopInfrastructure();
  }
}

runAsCommand(main);
