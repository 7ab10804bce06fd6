// What an outage test asserts last: that nothing valid was parked. Counts the records on a namespace's
// dead-letter topics straight from the broker's offsets, so a parked record cannot hide from the check.
import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from '../infrastructure/test-environment';

/** The records on every dead-letter topic whose name starts with `topicPrefix`, by topic (only those with records). */
export async function deadLetterCounts(topicPrefix: string): Promise<Record<string, number>> {
  const admin = new Kafka({
    clientId: 'dead-letter-count',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(
      (topic) => topic.startsWith(topicPrefix) && topic.endsWith('.dlq'),
    );
    const counts: Record<string, number> = {};
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const records = offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
      if (records > 0) counts[topic] = records;
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}
