// A service replica's outbox relay in a process of its own, frozen right after Kafka acknowledged its
// first batch and before it marks the rows published — so that the test can SIGKILL it in exactly
// that window, as a crash or an OOM kill would.
import { resolveTopicName } from '@loop/contracts';
import {
  createIdempotentProducer,
  createKafkaClient,
  dedicatedConnectionsFromUrl,
  OutboxRelay,
} from '../../../src';

async function main(): Promise<void> {
  const environment = process.env;
  const kafka = createKafkaClient({
    brokers: environment.KAFKA_BROKERS!.split(','),
    clientId: 'relay-process',
  });
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({
    service: environment.RELAY_SERVICE!,
    connect: dedicatedConnectionsFromUrl(environment.DATABASE_URL!, 'relay-process'),
    producer,
    resolveTopic: (topic) => resolveTopicName(topic, environment.KAFKA_TOPIC_PREFIX),
    pollIntervalMs: 100,
    faults: {
      afterPublishBeforeMark: async (rows) => {
        process.stdout.write(`acknowledged ${rows.map((row) => row.id).join(',')}\n`);
        await new Promise<never>(() => undefined);
      },
    },
  });
  relay.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
