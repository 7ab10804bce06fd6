// From the registry to what a Kafka admin client creates. Pure, so that provisioning (libs/messaging)
// and its tests agree on names and settings without a broker.
import { TopicDefinition, topicRegistry } from './topic-registry';

/** A topic to create, in the shape kafkajs' `admin.createTopics` takes. */
export interface TopicSpec {
  /** Full topic name, prefix included. */
  name: string;
  /** Partition count. */
  numPartitions: number;
  /** Replication factor; omitted to use the broker's default. */
  replicationFactor?: number;
  /** Topic-level configuration, sorted by name. */
  configEntries: { name: string; value: string }[];
}

/** Options for {@link topicSpecs}. */
export interface TopicSpecOptions {
  /** Replication factor to create topics with; omitted to use the broker's default. */
  replicationFactor?: number;
}

// Kafka's own rule for topic names: at most 249 characters of [a-zA-Z0-9._-].
const legalTopicName = /^[a-zA-Z0-9._-]{1,249}$/;

/**
 * The topic name to use under a prefix (KAFKA_TOPIC_PREFIX), so that test suites sharing one broker
 * never see each other's records: `resolveTopicName('requests.ticket.v1', 't42')` is
 * `t42.requests.ticket.v1`; an empty prefix leaves the name as it is.
 */
export function resolveTopicName(name: string, prefix = ''): string {
  const trimmed = prefix.replace(/\.+$/, '');
  const resolved = trimmed ? `${trimmed}.${name}` : name;
  if (!legalTopicName.test(resolved) || resolved === '.' || resolved === '..') {
    throw new Error(`"${resolved}" is not a legal Kafka topic name (at most 249 of a-z A-Z 0-9 . _ -)`);
  }
  return resolved;
}

/**
 * min.insync.replicas for a topic. With acks=all a write fails when fewer replicas than this are in
 * sync, so it must stay below the replication factor: a single local broker gets 1, a cluster of three
 * gets the registry's 2. Without a known replication factor the broker's default is left alone.
 */
function minInSyncReplicasFor(
  topic: TopicDefinition,
  replicationFactor: number | undefined,
): number | undefined {
  if (replicationFactor === undefined) return undefined;
  return Math.max(1, Math.min(topic.minInSyncReplicas, replicationFactor - 1));
}

function configEntries(
  settings: Record<string, string | number | undefined>,
): { name: string; value: string }[] {
  return Object.entries(settings)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ({ name, value: String(value) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Every topic and dead-letter topic to create for a prefix, in registry order (each topic followed by
 * its dead-letter topic). Creating them is idempotent on the provisioning side: existing topics are
 * left as they are.
 */
export function topicSpecs(
  registry: readonly TopicDefinition[] = topicRegistry,
  prefix = '',
  options: TopicSpecOptions = {},
): TopicSpec[] {
  const { replicationFactor } = options;
  if (replicationFactor !== undefined && (!Number.isInteger(replicationFactor) || replicationFactor < 1)) {
    throw new Error(`replication factor must be a positive integer, got ${replicationFactor}`);
  }
  return registry.flatMap((topic) => {
    const minInSync = minInSyncReplicasFor(topic, replicationFactor);
    const stream: TopicSpec = {
      name: resolveTopicName(topic.name, prefix),
      numPartitions: topic.partitions,
      ...(replicationFactor !== undefined ? { replicationFactor } : {}),
      configEntries: configEntries({
        'cleanup.policy': topic.cleanupPolicy,
        'retention.ms': topic.retentionMs,
        'min.insync.replicas': minInSync,
        ...topic.extraConfig,
      }),
    };
    const deadLetter: TopicSpec = {
      name: resolveTopicName(topic.deadLetter.name, prefix),
      numPartitions: topic.deadLetter.partitions,
      ...(replicationFactor !== undefined ? { replicationFactor } : {}),
      configEntries: configEntries({
        'cleanup.policy': 'delete',
        'retention.ms': topic.deadLetter.retentionMs,
        'min.insync.replicas': minInSync,
      }),
    };
    return [stream, deadLetter];
  });
}
