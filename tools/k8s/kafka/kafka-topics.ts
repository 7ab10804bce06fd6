// The KafkaTopic resources of the loop, derived from the contracts' topic registry so that topics,
// partitions and retention are declared once (libs/contracts/src/topics/topic-registry.ts).
import { join } from 'node:path';
import { TopicDefinition, topicRegistry, topicSpecs } from '@loop/contracts';
import { KubernetesObject } from '../kustomize/kubernetes-object';

/** Name of the Strimzi Kafka cluster the topics belong to (k8s/base/kafka/kafka.yaml). */
export const kafkaClusterName = 'loop';

/** The committed, generated KafkaTopic manifests. */
export const kafkaTopicsFile = join(__dirname, '..', '..', '..', 'k8s', 'base', 'kafka', 'kafka-topics.yaml');

/** A Strimzi KafkaTopic as generated here. */
export interface KafkaTopicResource extends KubernetesObject {
  spec: { partitions: number; config: Record<string, string> };
}

/**
 * One KafkaTopic per topic and dead-letter topic of the registry, in registry order. Replication is left
 * to the cluster's defaults (default.replication.factor, min.insync.replicas in the Kafka resource), so
 * the same topics serve a one-node development cluster and a three-broker production one.
 */
export function kafkaTopicResources(
  registry: readonly TopicDefinition[] = topicRegistry,
): KafkaTopicResource[] {
  return topicSpecs(registry, '').map((spec) => ({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaTopic',
    metadata: { name: spec.name, labels: { 'strimzi.io/cluster': kafkaClusterName } },
    spec: {
      partitions: spec.numPartitions,
      config: Object.fromEntries(spec.configEntries.map(({ name, value }) => [name, value])),
    },
  }));
}
