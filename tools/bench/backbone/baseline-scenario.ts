// The floor the backbone is compared with: the same messages produced and consumed with plain kafkajs
// on the same broker — same producer settings (idempotent, acks=all), no database on either side.
import { createIdempotentProducer, createKafkaClient, provisionTopics } from '@loop/messaging';
import { Kafka, logLevel, Message } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';
import { benchEnvelope, benchKeys, ScenarioResult, ScenarioSettings } from './backbone-scenario';
import { summariseLatencies } from './latency-summary';
import { pacedLoad } from './paced-load';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs both phases with a raw producer and a raw consumer. */
export async function runBaselineScenario(
  settings: ScenarioSettings,
  log: (line: string) => void,
): Promise<ScenarioResult> {
  const kafka: Kafka = createKafkaClient({
    brokers: settings.brokers,
    clientId: `bench-baseline-${settings.runId}`,
    logLevel: logLevel.ERROR,
  });
  const topic = `bench.${settings.runId}.baseline`;
  const admin = kafka.admin();
  await admin.connect();
  // As many partitions as the loop's stream topics, so both sides spread the same way.
  await provisionTopics(admin, [{ name: topic, numPartitions: 12 }], quiet);
  const producer = createIdempotentProducer(kafka);
  const consumer = kafka.consumer({ groupId: `bench.${settings.runId}.baseline`, maxWaitTimeInMs: 1_000 });
  const keys = benchKeys(settings.keys);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let consumed = 0;
  let lastConsumedAt = 0;
  let joined = false;

  try {
    await producer.connect();
    await consumer.connect();
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 6,
      eachMessage: async ({ message }) => {
        const key = message.headers?.['bench-id']?.toString();
        const sent = key ? sentAt.get(key) : undefined;
        if (sent !== undefined) latencies.push(performance.now() - sent);
        consumed++;
        lastConsumedAt = Date.now();
      },
    });
    while (!joined) await delay(20);

    // Throughput: the same envelopes, produced in batches of 500 as the relay does.
    log(`baseline: producing ${settings.throughputEvents} messages`);
    const messages: Message[] = Array.from({ length: settings.throughputEvents }, (_, i) => {
      const envelope = benchEnvelope(keys[i % keys.length], 'TPUT', i);
      return { key: envelope.aggregateId, value: JSON.stringify(envelope) };
    });
    const started = Date.now();
    for (let start = 0; start < messages.length; start += 500) {
      await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 500) });
    }
    await waitForCount(() => consumed, settings.throughputEvents);
    const throughputSeconds = (lastConsumedAt - started) / 1_000;

    // Latency: one message per send at the same steady rate as the backbone's writers.
    log(`baseline: ${settings.latencyEvents} messages at ${settings.latencyRate}/s`);
    await pacedLoad(
      settings.latencyEvents,
      settings.latencyRate,
      async (i) => {
        const envelope = benchEnvelope(keys[i % keys.length], 'LAT', i);
        // Same process on both ends: the monotonic clock gives sub-millisecond latencies.
        sentAt.set(envelope.eventId, performance.now());
        await producer.send({
          topic,
          acks: -1,
          messages: [
            {
              key: envelope.aggregateId,
              value: JSON.stringify(envelope),
              headers: { 'bench-id': envelope.eventId },
            },
          ],
        });
      },
      16,
    );
    await waitForCount(() => latencies.length, settings.latencyEvents);

    return {
      throughputPerSecond: settings.throughputEvents / throughputSeconds,
      throughputSeconds,
      latency: summariseLatencies(latencies),
    };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.deleteGroups([`bench.${settings.runId}.baseline`]).catch(() => undefined);
    await admin.disconnect();
  }
}

async function waitForCount(count: () => number, expected: number): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while (count() < expected) {
    if (Date.now() > deadline)
      throw new Error(`only ${count()} of ${expected} messages consumed in 10 minutes`);
    await delay(20);
  }
}
