import {
  DeadLetterHeaders,
  deadLetterTopicName,
  eventHeaders,
  ticketConfirmedV1,
  TicketConfirmedV1,
} from '@loop/contracts';
import { correlationContext, correlationMixin, kafkaConsumerMetrics } from '@loop/platform';
import { waitFor } from '@loop/testing';
import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { parkedEvents, RetriableError, UnitsOfWork } from '../../src';
import { BackboneHarness, expectedSteps, quickConsumer, stepsByTicket } from './support/backbone-harness';

// Set here too: the workspace-wide run (jest.int.config.cjs with projects) ignores the preset's testTimeout.
jest.setTimeout(60_000);

const fastRetries = { maxAttempts: 3, initialDelayMs: 20, multiplier: 2, maxDelayMs: 100, jitter: 0 };

describe('consuming events', () => {
  let harness: BackboneHarness;
  let producer: Producer;

  beforeAll(async () => {
    harness = await BackboneHarness.create('event consumer');
    producer = harness.kafka.producer();
    await producer.connect();
  });

  afterEach(async () => {
    await harness.stopReplicas();
  });

  afterAll(async () => {
    await producer.disconnect();
    await harness.dispose();
  });

  /** Produces an envelope-shaped value as it is, bypassing the outbox (a foreign or broken producer). */
  async function produceRaw(key: string, value: object, headers: Record<string, string> = {}): Promise<void> {
    await producer.send({
      topic: harness.ticketTopic,
      acks: -1,
      messages: [{ key, value: JSON.stringify(value), headers }],
    });
  }

  it('applies each effect once when a message is delivered twice and when the group replays its topics from offset zero', async () => {
    const ticketId = randomUUID();
    const events = [1, 2, 3, 4, 5].map((step) => harness.ticketSubmitted(ticketId, step));
    await harness.commit(events);
    const handler = () => [harness.recordingHandler('dedup')];
    const ofTicket = async () => (await harness.handled('dedup')).filter((row) => row.ticketId === ticketId);

    const first = await harness.startReplica(handler(), { groupId: 'dedup' });
    await harness.waitForSteps('dedup', [ticketId], 5);
    // A redelivery as a producer retry or a consumer crash before its commit would cause it.
    await produceRaw(ticketId, events[2], eventHeaders(events[2]));
    await harness.waitForNoLag(harness.group('dedup'));
    const afterDuplicate = await ofTicket();

    await first.stop();
    await harness.admin.resetOffsets({
      groupId: harness.group('dedup'),
      topic: harness.ticketTopic,
      earliest: true,
    });
    await harness.startReplica(handler(), { groupId: 'dedup', relay: false });
    await harness.waitForNoLag(harness.group('dedup'));
    const afterReplay = await ofTicket();

    expect(afterDuplicate.map((row) => row.ticketNumber)).toEqual(expectedSteps(5));
    expect(afterReplay).toEqual(afterDuplicate);
  });

  /**
   * Starts a group whose handler reacts to each of a backlog of six events of one ticket with an event
   * of its own (failing, after recording its reaction, on the `poisoned` one), and returns the ids of
   * those events the outbox holds reactions to, in outbox order. (A new group also reads the events
   * earlier tests left on the topic; only reactions to this backlog count.)
   */
  async function reactToBacklog(
    group: string,
    poisoned?: number,
  ): Promise<{ sent: string[]; reactedTo: string[] }> {
    const ticketId = randomUUID();
    const events = [1, 2, 3, 4, 5, 6].map((step) => harness.ticketSubmitted(ticketId, step));
    await harness.commit(events);
    const units = new UnitsOfWork(harness.dataSource);
    const reacting = harness.recordingHandler(group, async (envelope, context) => {
      units.following(envelope, context, { role: 'system', id: 'reaction' }).record(ticketConfirmedV1, {
        ...(ticketConfirmedV1.fixture as unknown as TicketConfirmedV1),
        ticketId,
      });
      if (poisoned !== undefined && envelope.eventId === events[poisoned].eventId)
        throw new TypeError('a bug after the reaction was recorded');
    });

    await harness.startReplica([reacting], {
      groupId: group,
      consumer: { ...quickConsumer, retryPolicy: fastRetries },
    });
    await harness.waitForSteps(group, [ticketId], poisoned === undefined ? 6 : 5);
    await harness.waitForNoLag(harness.group(group));
    const reactions: Array<{ causation: string }> = await harness.dataSource.query(
      `SELECT payload->>'causationId' AS causation FROM outbox
        WHERE type = 'ticket.confirmed' AND payload->>'causationId' = ANY($1) ORDER BY sequence`,
      [events.map((event) => event.eventId)],
    );
    return {
      sent: events.filter((_, index) => index !== poisoned).map((event) => event.eventId),
      reactedTo: reactions.map((row) => row.causation),
    };
  }

  it("writes the reactions of a backlog batch's handlers to the outbox with the batch, in order, each once", async () => {
    const { sent, reactedTo } = await reactToBacklog('reacting');

    expect(reactedTo).toEqual(sent);
  });

  it('writes no reaction of a message whose handler failed, and each reaction of the others once', async () => {
    const { sent, reactedTo } = await reactToBacklog('reacting-poisoned', 3);

    expect(reactedTo).toEqual(sent);
  });

  it('handles a backlog spread over several partitions in fewer transactions than partitions, each event once', async () => {
    const tickets: string[] = Array.from({ length: 12 }, () => randomUUID());
    await harness.commit(tickets.map((ticketId) => harness.ticketSubmitted(ticketId, 1)));
    // Published by a replica without handlers first, so the consumer meets them as one backlog.
    await harness.startReplica([], { groupId: 'across-partitions-relay' });
    await harness.readTopic(harness.ticketTopic, (messages) =>
      tickets.every((ticketId) => messages.some((message) => message.key?.toString() === ticketId)),
    );
    const seen = new Map<string, { partition: number; transaction: string }>();
    const recording = harness.recordingHandler('across-partitions', async (envelope, context) => {
      const [{ transaction }] = await context.manager.query(`SELECT txid_current()::text AS transaction`);
      seen.set(envelope.payload.ticketId, { partition: context.position.partition, transaction });
    });

    await harness.startReplica([recording], { groupId: 'across-partitions', relay: false });
    await harness.waitForSteps('across-partitions', tickets, 1);
    const ofBacklog = tickets.map((ticketId) => seen.get(ticketId)!);
    const partitions = new Set(ofBacklog.map((handled) => handled.partition));
    const transactions = new Set(ofBacklog.map((handled) => handled.transaction));

    expect(partitions.size).toBeGreaterThan(1);
    expect(transactions.size).toBeLessThan(partitions.size);
    expect(
      (await harness.handled('across-partitions')).filter((row) => tickets.includes(row.ticketId)),
    ).toHaveLength(tickets.length);
  });

  it('parks a message with an invalid payload, an unknown type and an unknown version on the dead-letter topic with the reason, and handles the next valid message', async () => {
    const ticketId = randomUUID();
    const [invalidPayload, unknownType, unknownVersion, valid] = [1, 2, 3, 4].map((step) =>
      harness.ticketSubmitted(ticketId, step),
    );
    // One key, so all four sit on one partition in this order and the valid one comes last.
    await produceRaw(
      ticketId,
      { ...invalidPayload, payload: { ...invalidPayload.payload, urgency: 'whenever' } },
      eventHeaders(invalidPayload),
    );
    await produceRaw(ticketId, { ...unknownType, type: 'ticket.teleported' }, eventHeaders(unknownType));
    await produceRaw(ticketId, { ...unknownVersion, version: 9 }, eventHeaders(unknownVersion));
    await produceRaw(ticketId, valid, eventHeaders(valid));

    await harness.startReplica([harness.recordingHandler('poison')], { groupId: 'poison', relay: false });
    await harness.waitForSteps('poison', [ticketId], 1);
    const dlq = deadLetterTopicName(harness.ticketTopic);
    const parked = await harness.readTopic(
      dlq,
      (messages) => messages.filter((m) => m.key?.toString() === ticketId).length >= 3,
    );
    const reasons = Object.fromEntries(
      parked
        .filter((message) => message.key?.toString() === ticketId)
        .map((message) => [
          message.headers?.['x-event-id']?.toString(),
          message.headers?.[DeadLetterHeaders.reason]?.toString(),
        ]),
    );

    expect(reasons).toEqual({
      [invalidPayload.eventId]: 'invalid_payload',
      [unknownType.eventId]: 'unknown_type',
      [unknownVersion.eventId]: 'unknown_version',
    });
    expect(
      (await harness.handled('poison')).filter((row) => row.ticketId === ticketId).map((row) => row.eventId),
    ).toEqual([valid.eventId]);
    const invalid = parked.find(
      (message) => message.headers?.['x-event-id']?.toString() === invalidPayload.eventId,
    )!;
    expect(JSON.parse(invalid.value!.toString()).payload.urgency).toBe('whenever');
    expect(invalid.headers?.[DeadLetterHeaders.originalTopic]?.toString()).toBe(harness.ticketTopic);
    expect(invalid.headers?.[DeadLetterHeaders.consumerGroup]?.toString()).toBe(harness.group('poison'));
    expect(JSON.parse(invalid.headers![DeadLetterHeaders.details]!.toString())).toEqual([
      expect.stringContaining('payload.urgency'),
    ]);
  });

  it('keeps per-key order across several partitions with two consumer instances in one group, through a rebalance', async () => {
    const tickets: string[] = Array.from({ length: 8 }, () => randomUUID());
    const steps = 15;
    const instance = (name: string) =>
      harness.startReplica([harness.recordingHandler(name)], { groupId: 'ordered', relay: false });
    await harness.startReplica([], { service: 'ordered-relay', consumer: false });
    const first = await instance('ordered-a');

    for (let step = 1; step <= steps; step++) {
      await harness.commit(tickets.map((ticketId) => harness.ticketSubmitted(ticketId, step)));
      if (step === 5) await instance('ordered-b');
      if (step === 10) await first.stop();
    }
    await harness.waitForNoLag(harness.group('ordered'));
    const inApplicationOrder = (await harness.handled()).filter(
      (row) => tickets.includes(row.ticketId) && row.consumer.startsWith('ordered-'),
    );

    expect(new Set(inApplicationOrder.map((row) => row.eventId)).size).toBe(tickets.length * steps);
    expect(inApplicationOrder).toHaveLength(tickets.length * steps);
    for (const ticketId of tickets)
      expect(stepsByTicket(inApplicationOrder).get(ticketId)).toEqual(expectedSteps(steps));
    expect(new Set(inApplicationOrder.map((row) => row.consumer))).toEqual(
      new Set(['ordered-a', 'ordered-b']),
    );
  });

  it('retries a transient fault with backoff and applies the effect once when it clears', async () => {
    const event = harness.ticketSubmitted();
    await harness.commit(event);
    let attempts = 0;
    const flaky = harness.recordingHandler('flaky', async (envelope) => {
      if (envelope.eventId === event.eventId && ++attempts < 3)
        throw new RetriableError('the directory is restarting');
    });

    await harness.startReplica([flaky], {
      groupId: 'flaky',
      consumer: { ...quickConsumer, retryPolicy: fastRetries },
    });
    await harness.waitForNoLag(harness.group('flaky'));

    // Two failures, then success (a group transaction that failed on it may add one call before).
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect((await harness.handled('flaky')).filter((row) => row.eventId === event.eventId)).toHaveLength(1);
  });

  it('parks an event whose handler fails with a bug as handler_failed and goes on with the next one of the same ticket', async () => {
    const ticketId = randomUUID();
    const [broken, next] = [harness.ticketSubmitted(ticketId, 1), harness.ticketSubmitted(ticketId, 2)];
    await harness.commit([broken, next]);
    const buggy = harness.recordingHandler('buggy', async (envelope) => {
      if (envelope.eventId === broken.eventId)
        throw new TypeError("Cannot read properties of undefined (reading 'gridId')");
    });

    await harness.startReplica([buggy], {
      groupId: 'buggy',
      consumer: { ...quickConsumer, retryPolicy: fastRetries },
    });
    await harness.waitForSteps('buggy', [ticketId], 1);
    const parked = await harness.readTopic(deadLetterTopicName(harness.ticketTopic), (messages) =>
      messages.some((message) => message.headers?.['x-event-id']?.toString() === broken.eventId),
    );
    const record = parked.find((message) => message.headers?.['x-event-id']?.toString() === broken.eventId)!;

    // A bug is not retried: parked after its first attempt of its own.
    expect(record.headers?.[DeadLetterHeaders.attempts]?.toString()).toBe('1');
    expect(record.headers?.[DeadLetterHeaders.reason]?.toString()).toBe('handler_failed');
    expect(record.headers?.[DeadLetterHeaders.details]?.toString()).toContain('gridId');
    expect(
      (await harness.handled('buggy')).filter((row) => row.ticketId === ticketId).map((row) => row.eventId),
    ).toEqual([next.eventId]);
    // The service can point at the parked record later, from its own database.
    const logged = await parkedEvents(harness.dataSource, harness.group('buggy'), { keys: [ticketId] });
    expect(logged).toEqual([
      expect.objectContaining({
        eventId: broken.eventId,
        eventType: broken.type,
        key: ticketId,
        reason: 'handler_failed',
        deadLetterTopic: deadLetterTopicName(harness.ticketTopic),
        offset: record.offset,
      }),
    ]);
  });

  it('holds a message while the database is unreachable and handles it once the database is back, without parking it', async () => {
    const event = harness.ticketSubmitted();
    await harness.commit(event);
    let attempts = 0;
    const outage = harness.recordingHandler('outage', async (envelope) => {
      // Longer than the retry policy allows a transient fault: a dependency is waited for regardless.
      if (envelope.eventId === event.eventId && ++attempts <= 4) {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
    });

    await harness.startReplica([outage], {
      groupId: 'outage',
      consumer: { ...quickConsumer, retryPolicy: { ...fastRetries, maxAttempts: 2 } },
    });
    await harness.waitForNoLag(harness.group('outage'), [harness.ticketTopic], 30_000);

    expect(attempts).toBeGreaterThanOrEqual(5);
    expect((await harness.handled('outage')).filter((row) => row.eventId === event.eventId)).toHaveLength(1);
    const parked = await harness.readWholeTopic(deadLetterTopicName(harness.ticketTopic));
    expect(parked.map((message) => message.headers?.['x-event-id']?.toString())).not.toContain(event.eventId);
  });

  it('carries the correlation and causation ids in Kafka headers into every log line of the handling', async () => {
    const event = harness.ticketSubmitted(randomUUID(), 1, 'corr-ticket-42');
    await harness.commit(event);
    const lines: Array<Record<string, string>> = [];
    // What the platform's pino mixin stamps on every line, captured for each line the backbone writes.
    const capture = (message: unknown) =>
      void lines.push({ message: String(message), ...correlationMixin() });
    const logger = { log: capture, warn: capture, error: capture, debug: capture, verbose: capture };
    let attempts = 0;
    const traced = harness.recordingHandler('traced', async (envelope, context) => {
      if (envelope.eventId !== event.eventId) return;
      logger.log(`handling ${envelope.type} in ${context.position.topic}`);
      if (++attempts === 1) throw new RetriableError('a moment please');
    });

    await harness.startReplica([traced], {
      groupId: 'traced',
      logger,
      consumer: { ...quickConsumer, retryPolicy: fastRetries },
    });
    await harness.waitForSteps('traced', [event.aggregateId], 1);
    const [published] = await harness
      .readTopic(harness.ticketTopic, (messages) =>
        messages.some((m) => m.headers?.['x-event-id']?.toString() === event.eventId),
      )
      .then((messages) => messages.filter((m) => m.headers?.['x-event-id']?.toString() === event.eventId));
    // The handler's own lines and the backbone's lines about this event; a line about a whole group of
    // messages (when a backlog was handled together) belongs to no single event.
    const handlingLines = lines.filter(
      (line) => line.message.startsWith('handling ') || line.message.includes(event.eventId),
    );

    expect(published.headers?.['x-correlation-id']?.toString()).toBe('corr-ticket-42');
    // Both attempts logged; the retry's own line appears only when the event was not part of a group.
    expect(handlingLines.filter((line) => line.message.startsWith('handling ')).length).toBe(2);
    for (const line of handlingLines)
      expect(line).toMatchObject({ correlationId: 'corr-ticket-42', causationId: event.eventId });
    expect(correlationContext.current()).toBeUndefined();
  });

  it('leaves its group at once on shutdown, so partitions move without waiting for the session to time out', async () => {
    const replica = await harness.startReplica([harness.recordingHandler('leaving')], {
      groupId: 'leaving',
      relay: false,
    });
    await waitFor(() => replica.consumer!.hasJoined, { description: 'the consumer to join' });

    await replica.stop();
    const { groups } = await harness.admin.describeGroups([harness.group('leaving')]);

    expect(groups[0]).toMatchObject({ state: 'Empty', members: [] });
  });

  it("reports the group's lag per partition on the consumer-lag gauge", async () => {
    const replica = await harness.startReplica([harness.recordingHandler('lagging')], {
      groupId: 'lagging',
      relay: false,
      consumer: { ...quickConsumer, lagIntervalMs: 100 },
    });
    await harness.waitForNoLag(harness.group('lagging'));

    const lagOfGroup = async () =>
      (await kafkaConsumerMetrics().consumerLag.get()).values.filter(
        (sample) => sample.labels.group === harness.group('lagging'),
      );
    const samples = await waitFor(
      async () => {
        const values = await lagOfGroup();
        return values.length === 12 && values.every((sample) => sample.value === 0) ? values : undefined;
      },
      { description: 'a zero lag sample for each of the 12 partitions' },
    );

    expect(samples.map((sample) => sample.labels.topic)).toEqual(Array(12).fill(harness.ticketTopic));
    await replica.stop();
  });
});
