import {
  buildEnvelope,
  DeadLetterHeaders,
  deadLetterTopicName,
  eventHeaders,
  EventHeaders,
  ticketSubmittedV1,
} from '@loop/contracts';
import { waitFor } from '@loop/testing';
import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { parkedEvents } from '../../src';
import { BackboneHarness } from './support/backbone-harness';

// Set here too: the workspace-wide run (jest.int.config.cjs with projects) ignores the preset's testTimeout.
jest.setTimeout(60_000);

describe('trusting events only from the owner of their topic', () => {
  let harness: BackboneHarness;
  let producer: Producer;

  beforeAll(async () => {
    harness = await BackboneHarness.create('producer trust');
    producer = harness.kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await harness.stopReplicas();
    await harness.dispose();
  });

  it("parks ticket events that another service's outbox or a pod posing as requests put on the ticket topic as unexpected_producer, and handles the owner's events around them", async () => {
    const ticketId = randomUUID();
    const [before, fromDispatch, posing, after] = [1, 2, 3, 4].map((step) =>
      harness.ticketSubmitted(ticketId, step),
    );
    // dispatch's outbox holding a ticket fact: the relay puts it on the ticket topic (no ACL stops it here).
    const relayedByDispatch = buildEnvelope(ticketSubmittedV1, fromDispatch.payload, {
      producer: 'dispatch',
      actor: { role: 'system', id: 'auto-dispatch' },
    });
    await harness.commit([before, relayedByDispatch]);
    await harness.startReplica([harness.recordingHandler('trust')], { groupId: 'trust' });
    await harness.waitForSteps('trust', [ticketId], 1);
    // A pod that reached the broker: the envelope says requests, the header gives the publisher away.
    await producer.send({
      topic: harness.ticketTopic,
      acks: -1,
      messages: [
        {
          key: ticketId,
          value: JSON.stringify(posing),
          headers: { ...eventHeaders(posing), [EventHeaders.producer]: 'volunteer-hours' },
        },
        { key: ticketId, value: JSON.stringify(after), headers: eventHeaders(after) },
      ],
    });

    const handled = await harness.waitForSteps('trust', [ticketId], 2);
    const parked = await harness.readTopic(
      deadLetterTopicName(harness.ticketTopic),
      (messages) => messages.filter((message) => message.key?.toString() === ticketId).length >= 2,
    );
    const logged = await waitFor(
      async () => {
        const rows = await parkedEvents(harness.dataSource, harness.group('trust'), { keys: [ticketId] });
        return rows.length >= 2 ? rows : undefined;
      },
      { description: 'both refusals in the dead-letter log' },
    );

    expect(handled.map((row) => row.eventId)).toEqual([before.eventId, after.eventId]);
    expect(
      parked
        .filter((message) => message.key?.toString() === ticketId)
        .map((message) => [
          message.headers?.[EventHeaders.eventId]?.toString(),
          message.headers?.[DeadLetterHeaders.reason]?.toString(),
        ]),
    ).toEqual([
      [relayedByDispatch.eventId, 'unexpected_producer'],
      [posing.eventId, 'unexpected_producer'],
    ]);
    expect(logged.map((row) => row.reason)).toEqual(['unexpected_producer', 'unexpected_producer']);
  });
});
