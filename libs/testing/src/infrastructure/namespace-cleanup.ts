// Removes a suite's topics and consumer groups from the shared broker when the suite ends. A full test
// run creates thousands of partitions otherwise, and a broker's heap grows with every one it keeps.
import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-environment';
import type { TestNamespace } from './test-namespace';

/** Deletes every topic and consumer group of `namespace`; best effort, as the broker may be busy. */
export async function deleteNamespaceFromKafka(namespace: TestNamespace): Promise<void> {
  const admin = new Kafka({
    clientId: `${namespace.clientId}-cleanup`,
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  }).admin();
  try {
    await admin.connect();
    const groups = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((groupId) => groupId.startsWith(namespace.groupPrefix));
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(namespace.topicPrefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 10_000 });
  } catch {
    // Leftovers cost broker memory, not correctness: every suite has prefixes of its own.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
