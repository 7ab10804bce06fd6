// Proves that the broker the project runs (Apache Kafka 4.4.0, KRaft, single node) serves everything
// the services rely on through kafkajs 2.2.4: topic administration, idempotent producers with acks=all,
// consumer groups with committed offsets, and resumption after a restart. See docs/adr/0001.
import { Admin, Consumer, Kafka, KafkaMessage, Partitioners, logLevel } from 'kafkajs';
import { testKafkaBrokers, testNamespace, waitFor } from '@loop/testing';
import { waitForLeaders } from '@loop/messaging';

interface Received {
  partition: number;
  key: string;
  value: string;
}

describe('the Kafka broker', () => {
  const namespace = testNamespace('kafka broker');
  const kafka = new Kafka({
    clientId: namespace.clientId,
    brokers: testKafkaBrokers(),
    logLevel: logLevel.ERROR,
  });
  const admin: Admin = kafka.admin();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumers: Consumer[] = [];
  const topics: string[] = [];

  async function createTopic(name: string): Promise<string> {
    const topic = `${namespace.topicPrefix}${name}`;
    // kafkajs' own leader wait gives up when a busy broker briefly answers "does not host this
    // topic-partition" for a topic it has just created; the backbone's patient wait does not.
    await admin.createTopics({
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
      waitForLeaders: false,
    });
    topics.push(topic);
    await waitForLeaders(admin, [{ name: topic, numPartitions: 3 }], 20_000);
    return topic;
  }

  /** Runs a group consumer that commits each message's offset right after handling it. */
  async function startConsumer(groupId: string, topic: string, received: Received[]): Promise<Consumer> {
    // A short fetch wait keeps disconnects quick: kafkajs lets the in-flight fetch finish first.
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        received.push({ partition, key: text(message.key), value: text(message.value) });
        await consumer.commitOffsets([
          { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
      },
    });
    return consumer;
  }

  async function committedOffsets(groupId: string, topic: string): Promise<Record<number, string>> {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries(committed.partitions.map(({ partition, offset }) => [partition, offset]));
  }

  async function endOffsets(topic: string): Promise<Record<number, string>> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return Object.fromEntries(offsets.map(({ partition, high }) => [partition, high]));
  }

  beforeAll(async () => {
    await admin.connect();
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await producer.disconnect();
    const leftovers = (await admin.listTopics()).filter((topic) => topics.includes(topic));
    if (leftovers.length) await admin.deleteTopics({ topics: leftovers });
    await admin.disconnect();
  });

  it('creates a topic with three partitions and deletes it again', async () => {
    const topic = await createTopic('admin-check.v1');

    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0].partitions).toHaveLength(3);

    await admin.deleteTopics({ topics: [topic] });
    await waitFor(async () => !(await admin.listTopics()).includes(topic), {
      timeoutMs: 20_000,
      description: `${topic} to be deleted`,
    });
  });

  it('keeps each key on one partition and in order when an idempotent producer writes with acks=all', async () => {
    const topic = await createTopic('keyed-order.v1');
    const groupId = `${namespace.groupPrefix}keyed-readers`;
    const keys = ['ticket-1', 'ticket-2', 'ticket-3', 'ticket-4', 'ticket-5'];
    const messages = keys.flatMap((key) =>
      [1, 2, 3].map((sequence) => ({ key, value: `${key}#${sequence}` })),
    );
    await producer.send({ topic, acks: -1, messages });

    const received: Received[] = [];
    await startConsumer(groupId, topic, received);
    await waitFor(() => received.length >= messages.length, {
      timeoutMs: 30_000,
      description: 'all keyed messages',
    });

    expect(received.map((message) => message.value).sort()).toEqual(
      messages.map((message) => message.value).sort(),
    );
    for (const key of keys) {
      const ofKey = received.filter((message) => message.key === key);
      expect(new Set(ofKey.map((message) => message.partition)).size).toBe(1);
      expect(ofKey.map((message) => message.value)).toEqual([`${key}#1`, `${key}#2`, `${key}#3`]);
    }
    const expectedOffsets = await endOffsets(topic);
    await waitFor(
      async () => JSON.stringify(await committedOffsets(groupId, topic)) === JSON.stringify(expectedOffsets),
      {
        timeoutMs: 10_000,
        description: 'the group to commit every offset',
      },
    );
  });

  it('resumes a restarted consumer group after its committed offsets without redelivering anything', async () => {
    const topic = await createTopic('resume.v1');
    const groupId = `${namespace.groupPrefix}resuming-readers`;
    // Both batches cover every partition, so a consumer that started before the committed offsets
    // would meet a first-batch message on some partition before that partition's second batch.
    const batch = (name: string) =>
      [0, 1, 2, 3, 4, 5].map((index) => ({
        partition: index % 3,
        key: `ticket-${index}`,
        value: `${name}-${index}`,
      }));
    const firstBatch = batch('first');
    const secondBatch = batch('second');

    await producer.send({ topic, acks: -1, messages: firstBatch });
    const beforeRestart: Received[] = [];
    const firstConsumer = await startConsumer(groupId, topic, beforeRestart);
    await waitFor(() => beforeRestart.length >= firstBatch.length, {
      timeoutMs: 30_000,
      description: 'the first batch',
    });
    const committedBeforeRestart = await endOffsets(topic);
    await waitFor(
      async () =>
        JSON.stringify(await committedOffsets(groupId, topic)) === JSON.stringify(committedBeforeRestart),
      {
        timeoutMs: 10_000,
        description: 'the first batch to be committed',
      },
    );
    await firstConsumer.disconnect();

    await producer.send({ topic, acks: -1, messages: secondBatch });
    const afterRestart: Received[] = [];
    await startConsumer(groupId, topic, afterRestart);
    await waitFor(() => afterRestart.length >= secondBatch.length, {
      timeoutMs: 30_000,
      description: 'the second batch',
    });

    expect(afterRestart.map((message) => message.value).sort()).toEqual(
      secondBatch.map((message) => message.value).sort(),
    );
    expect(afterRestart.filter((message) => message.value.startsWith('first-'))).toEqual([]);
  });
});

function text(value: KafkaMessage['value'] | KafkaMessage['key']): string {
  return value ? value.toString('utf8') : '';
}
