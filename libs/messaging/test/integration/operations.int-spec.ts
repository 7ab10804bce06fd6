import { deadLetterTopicName } from '@loop/contracts';
import { randomUUID } from 'node:crypto';
import { provisionTopics, rebuildReadModel, replayDeadLetters } from '../../src';
import {
  BackboneHarness,
  expectedSteps,
  quickConsumer,
  silentLogger,
  stepsByTicket,
} from './support/backbone-harness';

// Set here too: the workspace-wide run (jest.int.config.cjs with projects) ignores the preset's testTimeout.
jest.setTimeout(60_000);

describe('operating the backbone', () => {
  let harness: BackboneHarness;

  beforeAll(async () => {
    harness = await BackboneHarness.create('backbone operations');
  });

  afterEach(async () => {
    await harness.stopReplicas();
  });

  afterAll(async () => {
    await harness.dispose();
  });

  it('replays a dead-lettered event to its topic once the fault is fixed, and the consumer applies it once', async () => {
    const ticketId = randomUUID();
    const event = harness.ticketSubmitted(ticketId, 1);
    await harness.commit(event);
    let fixed = false;
    const handler = () =>
      harness.recordingHandler('replayed', async (envelope) => {
        if (envelope.eventId === event.eventId && !fixed)
          throw new Error('category property.lighting has no SLA');
      });
    await harness.startReplica([handler()], { groupId: 'replayed' });
    const dlq = deadLetterTopicName(harness.ticketTopic);
    await harness.readTopic(dlq, (messages) =>
      messages.some((message) => message.headers?.['x-event-id']?.toString() === event.eventId),
    );
    await harness.waitForNoLag(harness.group('replayed'));
    expect(await harness.handled('replayed')).toHaveLength(0);

    fixed = true;
    const replayed = await replayDeadLetters(
      harness.kafka,
      { topic: dlq, eventId: event.eventId },
      { logger: silentLogger },
    );
    await harness.waitForSteps('replayed', [ticketId], 1);
    // A second replay of the same record (an operator running the command twice) changes nothing.
    await replayDeadLetters(harness.kafka, { topic: dlq, eventId: event.eventId }, { logger: silentLogger });
    await harness.waitForNoLag(harness.group('replayed'));
    const copies = (await harness.readWholeTopic(harness.ticketTopic)).filter(
      (message) => message.headers?.['x-event-id']?.toString() === event.eventId,
    );

    expect(replayed).toEqual([
      expect.objectContaining({
        topic: harness.ticketTopic,
        eventId: event.eventId,
        reason: 'handler_failed',
      }),
    ]);
    expect((await harness.handled('replayed')).map((row) => row.eventId)).toEqual([event.eventId]);
    expect(copies).toHaveLength(3);
    expect(copies.map((copy) => copy.value?.toString())).toEqual(Array(3).fill(copies[0].value?.toString()));
    expect(Object.keys(copies[2].headers ?? {}).filter((name) => name.startsWith('x-dlq-'))).toEqual([]);
  });

  it('lists what a dry run would replay without producing anything', async () => {
    const dlq = deadLetterTopicName(harness.ticketTopic);
    const before = await harness.admin.fetchTopicOffsets(harness.ticketTopic);

    const selected = await replayDeadLetters(
      harness.kafka,
      { topic: dlq },
      { dryRun: true, logger: silentLogger },
    );
    const after = await harness.admin.fetchTopicOffsets(harness.ticketTopic);

    expect(selected.length).toBeGreaterThan(0);
    expect(selected.every((record) => record.reason !== undefined)).toBe(true);
    expect(after).toEqual(before);
  });

  it('rebuilds a read model from the start of its topics into emptied tables, applying each event once', async () => {
    const tickets: string[] = [randomUUID(), randomUUID()];
    await harness.commit(
      tickets.flatMap((ticketId) => [1, 2, 3].map((step) => harness.ticketSubmitted(ticketId, step))),
    );
    const replica = await harness.startReplica([harness.recordingHandler('projection')], {
      groupId: 'projection',
    });
    await harness.waitForSteps('projection', tickets, 3);
    await harness.waitForNoLag(harness.group('projection'));
    const before = await harness.handled('projection');
    await replica.stop();

    const report = await rebuildReadModel(harness.admin, harness.dataSource, {
      groupId: harness.group('projection'),
      topics: [harness.ticketTopic],
      truncateTables: ['handled_tickets'],
      logger: silentLogger,
    });
    expect(await harness.handled()).toEqual([]);
    await harness.startReplica([harness.recordingHandler('projection')], {
      groupId: 'projection',
      relay: false,
    });
    await harness.waitForNoLag(harness.group('projection'));
    const after = await harness.handled('projection');

    expect(report).toEqual({
      topicsRewound: [harness.ticketTopic],
      tablesTruncated: ['handled_tickets'],
      inboxEntriesForgotten: before.length,
    });
    expect(after.map((row) => row.eventId).sort()).toEqual(before.map((row) => row.eventId).sort());
    for (const ticketId of tickets) expect(stepsByTicket(after).get(ticketId)).toEqual(expectedSteps(3));
  });

  it('refuses to rebuild a read model while the group still has running consumers', async () => {
    await harness.startReplica([harness.recordingHandler('busy')], {
      groupId: 'busy',
      relay: false,
      consumer: quickConsumer,
    });
    await harness.waitForNoLag(harness.group('busy'));

    await expect(
      rebuildReadModel(harness.admin, harness.dataSource, {
        groupId: harness.group('busy'),
        topics: [harness.ticketTopic],
        logger: silentLogger,
      }),
    ).rejects.toThrow(/stop its consumers before rebuilding/);
  });

  it('creates missing topics and grows partitions, and changes nothing when run again', async () => {
    const name = `${harness.namespace.topicPrefix}provisioning.check.v1`;
    const spec = { name, numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] };

    const created = await provisionTopics(harness.admin, [spec], silentLogger);
    const grown = await provisionTopics(harness.admin, [{ ...spec, numPartitions: 4 }], silentLogger);
    const again = await provisionTopics(harness.admin, [{ ...spec, numPartitions: 4 }], silentLogger);
    const metadata = await harness.admin.fetchTopicMetadata({ topics: [name] });

    expect(created.created).toEqual([name]);
    expect(grown.grown).toEqual([{ topic: name, from: 2, to: 4 }]);
    expect(again).toEqual({ created: [], grown: [], unchanged: [name] });
    expect(metadata.topics[0].partitions).toHaveLength(4);
  });
});
