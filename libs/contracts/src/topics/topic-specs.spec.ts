import { Topics, loopPartitions, topicRegistry } from './topic-registry';
import { resolveTopicName, topicSpecs } from './topic-specs';
import { deadLetterTopicName } from './topic-registry';

const entries = (spec: { configEntries: { name: string; value: string }[] }) =>
  Object.fromEntries(spec.configEntries.map(({ name, value }) => [name, value]));

describe('topic names', () => {
  it('stay as they are without a prefix', () => {
    expect(resolveTopicName(Topics.requestsTicket)).toBe('requests.ticket.v1');
    expect(resolveTopicName(Topics.requestsTicket, '')).toBe('requests.ticket.v1');
  });

  it('are isolated under a test prefix, with or without its trailing dot', () => {
    expect(resolveTopicName(Topics.requestsTicket, 't42')).toBe('t42.requests.ticket.v1');
    expect(resolveTopicName(Topics.requestsTicket, 't42.')).toBe('t42.requests.ticket.v1');
  });

  it('refuse a prefix Kafka would not accept', () => {
    expect(() => resolveTopicName(Topics.requestsTicket, 'suite 1')).toThrow(/not a legal Kafka topic name/);
  });

  it('give the dead-letter topic the same name whether the prefix is applied before or after', () => {
    expect(deadLetterTopicName(resolveTopicName(Topics.hoursLedger, 't42'))).toBe(
      resolveTopicName(deadLetterTopicName(Topics.hoursLedger), 't42'),
    );
  });
});

describe('topic specs', () => {
  it('list every topic followed by its dead-letter topic, under the prefix', () => {
    const names = topicSpecs(topicRegistry, 't42').map((spec) => spec.name);

    expect(names).toEqual(topicRegistry.flatMap((topic) => [`t42.${topic.name}`, `t42.${topic.name}.dlq`]));
  });

  it('create loop topics with 12 partitions, kept forever for replay', () => {
    const [requests] = topicSpecs(topicRegistry, '');

    expect(requests).toEqual({
      name: 'requests.ticket.v1',
      numPartitions: loopPartitions,
      configEntries: [
        { name: 'cleanup.policy', value: 'delete' },
        { name: 'retention.ms', value: '-1' },
      ],
    });
  });

  it('create the directory compacted', () => {
    const directory = topicSpecs(topicRegistry, '').find((spec) => spec.name === Topics.dispatchDirectory);

    expect(entries(directory!)).toMatchObject({
      'cleanup.policy': 'compact',
      'min.compaction.lag.ms': '3600000',
    });
  });

  it('keep dead letters 30 days on one partition', () => {
    const deadLetter = topicSpecs(topicRegistry, '').find(
      (spec) => spec.name === 'dispatch.assignment.v1.dlq',
    );

    expect(deadLetter).toEqual({
      name: 'dispatch.assignment.v1.dlq',
      numPartitions: 1,
      configEntries: [
        { name: 'cleanup.policy', value: 'delete' },
        { name: 'retention.ms', value: String(30 * 24 * 60 * 60 * 1000) },
      ],
    });
  });

  it('require two in-sync replicas on a cluster of three', () => {
    const specs = topicSpecs(topicRegistry, '', { replicationFactor: 3 });

    expect(
      specs.every((spec) => spec.replicationFactor === 3 && entries(spec)['min.insync.replicas'] === '2'),
    ).toBe(true);
  });

  it('require one in-sync replica on a single local broker, so acks=all writes still succeed', () => {
    const specs = topicSpecs(topicRegistry, '', { replicationFactor: 1 });

    expect(specs.every((spec) => entries(spec)['min.insync.replicas'] === '1')).toBe(true);
  });

  it('refuse a replication factor that is not a positive integer', () => {
    expect(() => topicSpecs(topicRegistry, '', { replicationFactor: 0 })).toThrow(/positive integer/);
  });
});
