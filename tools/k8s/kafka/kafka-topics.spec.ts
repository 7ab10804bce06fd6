import { topicRegistry } from '@loop/contracts';
import { readManifestFile } from '../kustomize/render-kustomization';
import { kafkaTopicResources, kafkaTopicsFile } from './kafka-topics';

describe('the KafkaTopic resources', () => {
  it('are the committed k8s/base/kafka/kafka-topics.yaml (regenerate it with tools/k8s/kafka/generate-kafka-topics.ts)', () => {
    expect(readManifestFile(kafkaTopicsFile)).toEqual(kafkaTopicResources());
  });

  it("declare every registry topic and its dead-letter topic with the registry's partitions", () => {
    const topics = kafkaTopicResources();

    expect(topics.map((topic) => [topic.metadata.name, topic.spec.partitions])).toEqual(
      topicRegistry.flatMap((topic) => [
        [topic.name, topic.partitions],
        [topic.deadLetter.name, topic.deadLetter.partitions],
      ]),
    );
  });

  it('carry retention and compaction, leaving replication to the cluster', () => {
    const directory = kafkaTopicResources().find((topic) => topic.metadata.name === 'dispatch.directory.v1');

    expect(directory?.spec.config).toEqual({
      'cleanup.policy': 'compact',
      'delete.retention.ms': '86400000',
      'min.compaction.lag.ms': '3600000',
      'retention.ms': '-1',
    });
    expect(
      kafkaTopicResources().every(
        (topic) => !('replicas' in topic.spec) && !('min.insync.replicas' in topic.spec.config),
      ),
    ).toBe(true);
  });

  it('follow a topic added to the registry', () => {
    const added = {
      ...topicRegistry[0],
      name: 'requests.survey.v1',
      deadLetter: { ...topicRegistry[0].deadLetter, name: 'requests.survey.v1.dlq' },
    } as unknown as (typeof topicRegistry)[number];

    const names = kafkaTopicResources([...topicRegistry, added]).map((topic) => topic.metadata.name);

    expect(names.slice(-2)).toEqual(['requests.survey.v1', 'requests.survey.v1.dlq']);
  });
});
