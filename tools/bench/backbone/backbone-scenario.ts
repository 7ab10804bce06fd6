// The event backbone as services use it: events added to the outbox in the writer's transaction, the
// relay publishing them, the consumer handling each in a transaction with its inbox entry and effect.
import { buildEnvelope, EventEnvelope, ticketSubmittedV1, TicketSubmittedV1 } from '@loop/contracts';
import {
  EventHandlerRegistration,
  messagingMigrations,
  MessagingRuntime,
  OutboxWriter,
} from '@loop/messaging';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { LatencySummary, summariseLatencies } from './latency-summary';
import { pacedLoad } from './paced-load';

/** How much load, where. */
export interface ScenarioSettings {
  brokers: string[];
  /** Admin URL of the PostgreSQL server (database `postgres`). */
  postgresAdminUrl: string;
  /** Events of the throughput phase. */
  throughputEvents: number;
  /** Events of the latency phase… */
  latencyEvents: number;
  /** …sent at this steady rate per second. */
  latencyRate: number;
  /** Distinct keys (tickets) the events are spread over. */
  keys: number;
  /** Unique part of topic, group and database names. */
  runId: string;
}

/** What a scenario measured. */
export interface ScenarioResult {
  /** Events per second from the first publish to the last handled, over the throughput phase. */
  throughputPerSecond: number;
  throughputSeconds: number;
  /** From the moment an event is produced to the moment its consumer has handled it. */
  latency: LatencySummary;
  /** Backbone only: median milliseconds spent in each stage of the latency phase. */
  stages?: { writerTransaction: number; relayToKafka: number; kafkaToEffect: number };
}

class BenchEffectsMigration implements MigrationInterface {
  readonly name = 'BenchEffects1700000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bench_effects (
        event_id uuid NOT NULL,
        phase text NOT NULL,
        occurred_at timestamptz NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bench_effects`);
  }
}

const resident = { role: 'resident' as const, id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };

/** A ticket.submitted envelope for the given key; its ticket number names the phase. */
export function benchEnvelope(
  ticketId: string,
  phase: 'TPUT' | 'LAT',
  index: number,
): EventEnvelope<TicketSubmittedV1> {
  const payload = {
    ...(ticketSubmittedV1.fixture as unknown as TicketSubmittedV1),
    ticketId,
    ticketNumber: `${phase}-${index}`,
  };
  return buildEnvelope(ticketSubmittedV1, payload, { actor: resident });
}

/** Distinct ticket ids, so events spread over every partition while each key keeps its order. */
export function benchKeys(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

/** Runs both phases through outbox, relay, Kafka, consumer and inbox. */
export async function runBackboneScenario(
  settings: ScenarioSettings,
  log: (line: string) => void,
): Promise<ScenarioResult> {
  const database = `bench_backbone_${settings.runId.replace(/[^a-z0-9]/g, '_')}`;
  await adminQuery(settings.postgresAdminUrl, `CREATE DATABASE ${database}`);
  const url = new URL(settings.postgresAdminUrl);
  url.pathname = `/${database}`;
  const dataSource = await new DataSource({
    type: 'postgres',
    url: url.toString(),
    migrations: [...messagingMigrations, BenchEffectsMigration],
    migrationsRun: true,
    extra: { max: 20 },
  }).initialize();
  const topicPrefix = `bench.${settings.runId}.`;
  const common = {
    service: 'requests',
    brokers: settings.brokers,
    clientId: `bench-${settings.runId}`,
    topicPrefix,
    groupPrefix: topicPrefix,
  };
  const handler: EventHandlerRegistration<TicketSubmittedV1> = {
    definition: ticketSubmittedV1,
    name: 'Bench.onTicketSubmitted',
    handle: async (envelope, { manager }) => {
      await manager.query(`INSERT INTO bench_effects (event_id, phase, occurred_at) VALUES ($1, $2, $3)`, [
        envelope.eventId,
        envelope.payload.ticketNumber.split('-')[0],
        envelope.occurredAt,
      ]);
    },
  };
  const consumer = new MessagingRuntime({ ...common, relay: false }, dataSource, [
    handler as EventHandlerRegistration,
  ]);
  const relay = new MessagingRuntime({ ...common, consumer: false, provisionTopics: false }, dataSource, []);
  const outbox = new OutboxWriter();
  const keys = benchKeys(settings.keys);

  try {
    await consumer.start();
    await waitUntil(() => consumer.consumer?.hasJoined ?? false);

    // Throughput: a full outbox (written beforehand, not measured) drained by the relay while the
    // consumer keeps up — the pipeline at full speed, with nothing else in the way.
    log(`backbone: writing ${settings.throughputEvents} events to the outbox`);
    const envelopes = Array.from({ length: settings.throughputEvents }, (_, i) =>
      benchEnvelope(keys[i % keys.length], 'TPUT', i),
    );
    for (let start = 0; start < envelopes.length; start += 1_000) {
      await dataSource.transaction((manager) => outbox.add(manager, envelopes.slice(start, start + 1_000)));
    }
    log('backbone: starting the relay and draining');
    const started = Date.now();
    await relay.start();
    await waitForEffects(dataSource, 'TPUT', settings.throughputEvents);
    const [{ last }] = (await dataSource.query(
      `SELECT max(handled_at) AS last FROM bench_effects WHERE phase = 'TPUT'`,
    )) as Array<{ last: Date }>;
    const throughputSeconds = (last.getTime() - started) / 1_000;

    // Latency: a steady load, each event in a transaction of its own as a request handler writes it.
    log(`backbone: ${settings.latencyEvents} events at ${settings.latencyRate}/s`);
    await pacedLoad(
      settings.latencyEvents,
      settings.latencyRate,
      async (i) => {
        const envelope = benchEnvelope(keys[i % keys.length], 'LAT', i);
        await dataSource.transaction((manager) => outbox.add(manager, envelope));
      },
      16,
    );
    await waitForEffects(dataSource, 'LAT', settings.latencyEvents);
    const latencies = (await dataSource.query(
      `SELECT EXTRACT(EPOCH FROM handled_at - occurred_at) * 1000 AS ms FROM bench_effects WHERE phase = 'LAT'`,
    )) as Array<{ ms: string }>;

    // Where the time goes: the outbox row's created_at and published_at split the path in three.
    const [stages] = (await dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM o.created_at - e.occurred_at)) * 1000 AS "writerTransaction",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM o.published_at - o.created_at)) * 1000 AS "relayToKafka",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM e.handled_at - o.published_at)) * 1000 AS "kafkaToEffect"
         FROM bench_effects e JOIN outbox o ON o.id = e.event_id WHERE e.phase = 'LAT'`,
    )) as Array<{ writerTransaction: number; relayToKafka: number; kafkaToEffect: number }>;

    return {
      throughputPerSecond: settings.throughputEvents / throughputSeconds,
      throughputSeconds,
      latency: summariseLatencies(latencies.map((row) => Number(row.ms))),
      stages,
    };
  } finally {
    await relay.stop();
    await consumer.stop();
    await deleteTopicsAndGroups(relay, topicPrefix);
    await dataSource.destroy();
    await adminQuery(settings.postgresAdminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

async function waitForEffects(dataSource: DataSource, phase: string, count: number): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const [{ handled }] = (await dataSource.query(
      `SELECT count(*)::int AS handled FROM bench_effects WHERE phase = $1`,
      [phase],
    )) as Array<{
      handled: number;
    }>;
    if (handled >= count) return;
    if (Date.now() > deadline)
      throw new Error(`only ${handled} of ${count} ${phase} events were handled in 10 minutes`);
    await delay(50);
  }
}

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the consumer did not join its group within a minute');
    await delay(20);
  }
}

async function deleteTopicsAndGroups(runtime: MessagingRuntime, prefix: string): Promise<void> {
  const admin = runtime.kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
  if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
  // Topic and group prefixes are the same in the benchmark.
  const { groups } = await admin.listGroups();
  const ours = groups.map((group) => group.groupId).filter((groupId) => groupId.startsWith(prefix));
  if (ours.length > 0) await admin.deleteGroups(ours).catch(() => undefined);
  await admin.disconnect();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
