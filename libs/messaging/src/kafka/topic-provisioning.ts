import { Logger, LoggerService } from '@nestjs/common';
import { Admin, IResourceConfigEntry } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';

/** A topic as the contracts registry declares it (structurally the output of `topicSpecs`). */
export interface TopicSpec {
  /** Full topic name, environment prefix included. */
  name: string;
  numPartitions: number;
  /** Topic-level settings such as retention.ms or cleanup.policy. */
  configEntries?: IResourceConfigEntry[];
  /** Omitted: the broker's default.replication.factor. */
  replicationFactor?: number;
}

/** What `provisionTopics` did. */
export interface ProvisioningReport {
  created: string[];
  grown: Array<{ topic: string; from: number; to: number }>;
  unchanged: string[];
}

/**
 * Makes the broker match the registry, idempotently: creates missing topics and adds partitions
 * where the registry asks for more. It never shrinks or deletes (Kafka cannot shrink a topic) and
 * tolerates another service creating the same topic at the same moment.
 */
export async function provisionTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  logger: LoggerService = new Logger('TopicProvisioning'),
): Promise<ProvisioningReport> {
  const report: ProvisioningReport = { created: [], grown: [], unchanged: [] };
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.name));
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        // kafkajs' own wait gives up when a busy broker briefly answers "unknown topic" for a topic it
        // has just created; waitForLeaders below tolerates that.
        waitForLeaders: false,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.numPartitions,
          replicationFactor: spec.replicationFactor ?? -1,
          configEntries: spec.configEntries,
        })),
      });
    } catch (error) {
      // Another service created some of them meanwhile (kafkajs only forgives a race on all of them).
      const nowExisting = new Set(await admin.listTopics());
      if (!missing.every((spec) => nowExisting.has(spec.name))) throw error;
    }
    await waitForLeaders(admin, missing);
    report.created.push(...missing.map((spec) => spec.name));
  }

  const present = specs.filter((spec) => existing.has(spec.name));
  if (present.length > 0) {
    const { topics } = await admin.fetchTopicMetadata({ topics: present.map((spec) => spec.name) });
    const partitionCounts = new Map(topics.map((topic) => [topic.name, topic.partitions.length]));
    const toGrow = present.filter((spec) => (partitionCounts.get(spec.name) ?? 0) < spec.numPartitions);
    if (toGrow.length > 0) {
      await admin.createPartitions({
        topicPartitions: toGrow.map((spec) => ({ topic: spec.name, count: spec.numPartitions })),
      });
      for (const spec of toGrow) {
        const from = partitionCounts.get(spec.name) ?? 0;
        report.grown.push({ topic: spec.name, from, to: spec.numPartitions });
        // New partitions move keys: events of one aggregate written before and after can be read out of order.
        logger.warn(
          `topic ${spec.name} grown from ${from} to ${spec.numPartitions} partitions; keys now map to new partitions`,
        );
      }
    }
    report.unchanged.push(...present.filter((spec) => !toGrow.includes(spec)).map((spec) => spec.name));
  }
  if (report.created.length > 0) logger.log(`created topics: ${report.created.join(', ')}`);
  return report;
}

/** Polls the metadata until every partition of the new topics has a leader, so producing can start. */
export async function waitForLeaders(
  admin: Admin,
  specs: readonly TopicSpec[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no metadata yet';
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.name) });
      const leaderless = specs.filter((spec) => {
        const partitions = topics.find((topic) => topic.name === spec.name)?.partitions ?? [];
        return partitions.length < spec.numPartitions || partitions.some((partition) => partition.leader < 0);
      });
      if (leaderless.length === 0) return;
      lastProblem = `no leader yet for ${leaderless.map((spec) => spec.name).join(', ')}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`topics created but not ready after ${timeoutMs} ms: ${lastProblem}`);
    await delay(100);
  }
}
