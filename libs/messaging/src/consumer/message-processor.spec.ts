import { Logger } from '@nestjs/common';
import {
  buildEnvelope,
  DeadLetterHeaders,
  EventEnvelope,
  eventHeaders,
  EventHeaders,
  ticketSubmittedV1,
  TicketSubmittedV1,
} from '@loop/contracts';
import { correlationContext, CorrelationIds } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { messagingMetrics } from '../metrics/messaging-metrics';
import { ConsumedMessage } from './consumed-message';
import { DeadLetterRecord } from './dead-letter-record';
import { EventHandlerRegistration, HandlerTable, HandlingContext } from './event-handler-registration';
import { ConsumerStopping, MessageProcessor, PartitionControl, TransactionRunner } from './message-processor';
import { RetriableError } from './retriable.error';

/** The inbox as a set, with transactions that keep or discard what they claimed. */
class InMemoryInbox {
  readonly handled = new Set<string>();
  /** Parameters of every dead_letter_log insert. */
  readonly deadLetterLog: unknown[][] = [];
  transactions = 0;
  /** INSERT INTO inbox statements run, in all transactions. */
  inboxStatements = 0;

  readonly transaction: TransactionRunner = async (work) => {
    this.transactions++;
    const claimed: string[] = [];
    const manager = {
      query: async (sql: string, parameters: unknown[]) => {
        if (sql.includes('INSERT INTO dead_letter_log')) {
          this.deadLetterLog.push(parameters);
          return [];
        }
        if (!sql.includes('INSERT INTO inbox')) throw new Error(`unexpected SQL: ${sql}`);
        this.inboxStatements++;
        // Seven columns per claimed event: (consumer_group, event_id, …).
        const inserted: Array<{ event_id: unknown }> = [];
        for (let row = 0; row < parameters.length; row += 7) {
          const key = `${parameters[row]}/${parameters[row + 1]}`;
          if (this.handled.has(key) || claimed.includes(key)) continue;
          claimed.push(key);
          inserted.push({ event_id: parameters[row + 1] });
        }
        return inserted;
      },
    } as unknown as EntityManager;
    const result = await work(manager);
    claimed.forEach((key) => this.handled.add(key));
    return result;
  };
}

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;
const noWait: PartitionControl = { waitAlive: async () => undefined };

function submittedEnvelope(
  ticketId = '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
): EventEnvelope<TicketSubmittedV1> {
  return buildEnvelope(
    ticketSubmittedV1,
    { ...(ticketSubmittedV1.fixture as unknown as TicketSubmittedV1), ticketId },
    { actor: { role: 'resident', id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }, correlationId: 'corr-7' },
  );
}

function consumed(envelope: EventEnvelope | object, offset = '0', partition = 0): ConsumedMessage {
  const headers = 'eventId' in envelope ? eventHeaders(envelope as EventEnvelope) : {};
  return {
    topic: 'requests.ticket.v1',
    partition,
    offset,
    key: Buffer.from('key'),
    value: Buffer.from(JSON.stringify(envelope)),
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Buffer.from(value)])),
    timestamp: '0',
  };
}

function processorWith(
  handle: (envelope: EventEnvelope, context: HandlingContext) => Promise<void>,
  topicPrefix?: string,
) {
  const inbox = new InMemoryInbox();
  const parked: DeadLetterRecord[] = [];
  const registration: EventHandlerRegistration = {
    definition: ticketSubmittedV1,
    handle,
    name: 'TestConsumer.onSubmitted',
  };
  const processor = new MessageProcessor({
    consumerGroup: 'dispatch',
    handlers: new HandlerTable([registration]),
    transaction: inbox.transaction,
    deadLetters: async (record) => {
      parked.push(record);
      return { topic: record.topic, partition: 0, offset: String(parked.length - 1) };
    },
    retryPolicy: { maxAttempts: 3, initialDelayMs: 1, multiplier: 2, maxDelayMs: 10, jitter: 0 },
    metrics: messagingMetrics(),
    logger: silent,
    topicPrefix,
  });
  return { processor, inbox, parked };
}

describe('MessageProcessor', () => {
  it('handles a valid event once and records it in the inbox', async () => {
    const seen: string[] = [];
    const { processor, inbox } = processorWith(async (envelope) => {
      seen.push(envelope.eventId);
    });
    const envelope = submittedEnvelope();

    await expect(processor.process(consumed(envelope), noWait)).resolves.toBe('handled');

    expect(seen).toEqual([envelope.eventId]);
    expect(inbox.handled.has(`dispatch/${envelope.eventId}`)).toBe(true);
  });

  it('skips an event the inbox already holds without calling the handler again', async () => {
    let calls = 0;
    const { processor } = processorWith(async () => {
      calls++;
    });
    const message = consumed(submittedEnvelope());
    await processor.process(message, noWait);

    await expect(processor.process({ ...message, offset: '1' }, noWait)).resolves.toBe('duplicate');
    expect(calls).toBe(1);
  });

  it("runs the handler with the envelope's correlation id and the event as the cause", async () => {
    let ids: CorrelationIds | undefined;
    const { processor } = processorWith(async () => {
      ids = correlationContext.current();
    });
    const envelope = submittedEnvelope();

    await processor.process(consumed(envelope), noWait);

    expect(ids).toEqual({ correlationId: 'corr-7', causationId: envelope.eventId });
  });

  it('retries a transient fault and handles the event once it clears', async () => {
    let attempts = 0;
    const { processor, parked } = processorWith(async () => {
      if (++attempts < 3) throw new RetriableError('directory briefly unavailable');
    });

    await expect(processor.process(consumed(submittedEnvelope()), noWait)).resolves.toBe('handled');
    expect(attempts).toBe(3);
    expect(parked).toHaveLength(0);
  });

  it('parks the message as retries_exhausted when the transient fault outlasts the retries', async () => {
    const { processor, parked, inbox } = processorWith(async () => {
      throw new RetriableError('directory still unavailable');
    });

    await expect(processor.process(consumed(submittedEnvelope()), noWait)).resolves.toBe('dead-lettered');
    expect(parked[0].message.headers).toMatchObject({
      [DeadLetterHeaders.reason]: 'retries_exhausted',
      [DeadLetterHeaders.attempts]: '3',
    });
    expect(inbox.handled.size).toBe(0);
  });

  it('parks the message at once as handler_failed when the handler has a bug', async () => {
    let attempts = 0;
    const { processor, parked } = processorWith(async () => {
      attempts++;
      throw new TypeError('gridId is undefined');
    });

    await expect(processor.process(consumed(submittedEnvelope()), noWait)).resolves.toBe('dead-lettered');
    expect(attempts).toBe(1);
    expect(JSON.parse(String(parked[0].message.headers?.[DeadLetterHeaders.details]))).toEqual([
      'TypeError: gridId is undefined',
    ]);
  });

  it('logs where it parked a message, so a missing effect can name the parked event', async () => {
    const { processor, inbox } = processorWith(async () => {
      throw new TypeError('gridId is undefined');
    });
    const envelope = submittedEnvelope();

    await processor.process(consumed(envelope, '42'), noWait);

    expect(inbox.deadLetterLog).toHaveLength(1);
    const [group, eventId, eventType, key, reason, , topic, partition, offset, dlqTopic] =
      inbox.deadLetterLog[0];
    expect({ group, eventId, eventType, key, reason, topic, partition, offset, dlqTopic }).toEqual({
      group: 'dispatch',
      eventId: envelope.eventId,
      eventType: 'ticket.submitted',
      key: 'key',
      reason: 'handler_failed',
      topic: 'requests.ticket.v1',
      partition: 0,
      offset: '42',
      dlqTopic: 'requests.ticket.v1.dlq',
    });
  });

  it('waits for the database past the retry limit and handles the message once it is back, without parking it', async () => {
    let attempts = 0;
    const waits: number[] = [];
    const { processor, parked, inbox } = processorWith(async () => {
      if (++attempts <= 12) {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
    });
    const recordingWaits: PartitionControl = { waitAlive: async (ms) => void waits.push(ms) };

    await expect(processor.process(consumed(submittedEnvelope()), recordingWaits)).resolves.toBe('handled');
    expect(attempts).toBe(13);
    expect(parked).toHaveLength(0);
    expect(inbox.handled.size).toBe(1);
    expect(Math.max(...waits)).toBe(10); // the policy's cap: waiting grows, then stays bounded
  });

  it('keeps retrying a deadlock victim instead of parking it as retries_exhausted', async () => {
    let attempts = 0;
    const { processor, parked } = processorWith(async () => {
      if (++attempts <= 6) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });

    await expect(processor.process(consumed(submittedEnvelope()), noWait)).resolves.toBe('handled');
    expect(attempts).toBe(7);
    expect(parked).toHaveLength(0);
  });

  it('gives a message back uncommitted when the consumer stops while waiting for the database', async () => {
    const { processor, parked } = processorWith(async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      });
    });
    let waits = 0;
    const stopsOnThirdWait: PartitionControl = {
      waitAlive: async () => {
        if (++waits === 3) throw new ConsumerStopping();
      },
    };

    await expect(processor.process(consumed(submittedEnvelope()), stopsOnThirdWait)).rejects.toBeInstanceOf(
      ConsumerStopping,
    );
    expect(parked).toHaveLength(0);
  });

  it('gives a message back untouched when the consumer stops during a retry wait', async () => {
    const { processor, parked } = processorWith(async () => {
      throw new RetriableError('busy');
    });
    const stopping: PartitionControl = {
      waitAlive: async () => {
        throw new ConsumerStopping();
      },
    };

    await expect(processor.process(consumed(submittedEnvelope()), stopping)).rejects.toBeInstanceOf(
      ConsumerStopping,
    );
    expect(parked).toHaveLength(0);
  });

  it('parks a value that is not JSON as malformed_json without calling the handler', async () => {
    let calls = 0;
    const { processor, parked } = processorWith(async () => {
      calls++;
    });

    await expect(processor.process({ ...consumed({}), value: Buffer.from('{oops') }, noWait)).resolves.toBe(
      'dead-lettered',
    );
    expect(parked[0].message.headers).toMatchObject({ [DeadLetterHeaders.reason]: 'malformed_json' });
    expect(calls).toBe(0);
  });

  it('ignores a valid event of a type the group has no handler for', async () => {
    const { processor, parked } = processorWith(async () => undefined);
    const other = buildEnvelope(
      { ...ticketSubmittedV1 },
      ticketSubmittedV1.fixture as unknown as TicketSubmittedV1,
      { actor: { role: 'resident', id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' } },
    );
    const unhandled = new MessageProcessor({
      consumerGroup: 'notifications',
      handlers: new HandlerTable([]),
      transaction: new InMemoryInbox().transaction,
      deadLetters: async (record) => {
        parked.push(record);
        return { topic: record.topic, partition: 0, offset: String(parked.length - 1) };
      },
      retryPolicy: { maxAttempts: 1, initialDelayMs: 0, multiplier: 1, maxDelayMs: 0, jitter: 0 },
      metrics: messagingMetrics(),
      logger: silent,
    });

    await expect(unhandled.process(consumed(other), noWait)).resolves.toBe('ignored');
    await expect(processor.process(consumed(other), noWait)).resolves.toBe('handled');
    expect(parked).toHaveLength(0);
  });
});

describe('MessageProcessor refusing events from anyone but the topic owner', () => {
  /** A ticket event as a service other than requests (or a pod posing as one) would publish it. */
  function forged(change: (message: ConsumedMessage) => ConsumedMessage): ConsumedMessage {
    return change(consumed(submittedEnvelope()));
  }

  it('parks a ticket event whose envelope names dispatch as its producer as unexpected_producer, unseen by the handler', async () => {
    const seen: string[] = [];
    const { processor, parked, inbox } = processorWith(async (envelope) => {
      seen.push(envelope.eventId);
    });
    const envelope = { ...submittedEnvelope(), producer: 'dispatch' };

    await expect(processor.process(consumed(envelope), noWait)).resolves.toBe('dead-lettered');

    expect(seen).toEqual([]);
    expect(inbox.handled.size).toBe(0);
    expect(parked[0].topic).toBe('requests.ticket.v1.dlq');
    expect(parked[0].message.headers).toMatchObject({
      [DeadLetterHeaders.reason]: 'unexpected_producer',
      [DeadLetterHeaders.attempts]: '0',
    });
    expect(JSON.parse(String(parked[0].message.headers?.[DeadLetterHeaders.details]))).toEqual([
      'the envelope names dispatch as producer; requests.ticket.v1 is owned by requests',
      'the x-producer header names dispatch; requests.ticket.v1 is owned by requests',
    ]);
  });

  it('parks a ticket event whose x-producer header names another service, even when the envelope claims requests', async () => {
    const { processor, parked } = processorWith(async () => undefined);
    const message = forged((original) => ({
      ...original,
      headers: { ...original.headers, [EventHeaders.producer]: Buffer.from('volunteer-hours') },
    }));

    await expect(processor.process(message, noWait)).resolves.toBe('dead-lettered');

    expect(JSON.parse(String(parked[0].message.headers?.[DeadLetterHeaders.details]))).toEqual([
      'the x-producer header names volunteer-hours; requests.ticket.v1 is owned by requests',
    ]);
  });

  it("parks a ticket event that arrives on dispatch's topic, where only dispatch's own events belong", async () => {
    const { processor, parked } = processorWith(async () => undefined);
    const message = forged((original) => ({ ...original, topic: 'dispatch.assignment.v1' }));

    await expect(processor.process(message, noWait)).resolves.toBe('dead-lettered');

    expect(parked[0].topic).toBe('dispatch.assignment.v1.dlq');
    expect(JSON.parse(String(parked[0].message.headers?.[DeadLetterHeaders.details]))).toEqual([
      'ticket.submitted v1 is published by requests on requests.ticket.v1, not on dispatch.assignment.v1 (owner dispatch)',
      'the envelope names requests as producer; dispatch.assignment.v1 is owned by dispatch',
      'the x-producer header names requests; dispatch.assignment.v1 is owned by dispatch',
    ]);
  });

  it("handles an owner's event read from a topic under the environment's topic prefix", async () => {
    const { processor, parked } = processorWith(async () => undefined, 't42');
    const message = forged((original) => ({ ...original, topic: 't42.requests.ticket.v1' }));

    await expect(processor.process(message, noWait)).resolves.toBe('handled');
    expect(parked).toHaveLength(0);
  });

  it("handles an owner's event that carries no x-producer header, trusting the envelope", async () => {
    const { processor } = processorWith(async () => undefined);
    const message = forged((original) => {
      const headers = { ...original.headers };
      delete headers[EventHeaders.producer];
      return { ...original, headers };
    });

    await expect(processor.process(message, noWait)).resolves.toBe('handled');
  });

  it('parks the forged event of a backlog and handles the genuine ones together', async () => {
    const { processor, parked, inbox } = processorWith(async () => undefined);
    const genuine = [submittedEnvelope(), submittedEnvelope()];
    const impostor = { ...submittedEnvelope(), producer: 'notifications' };

    const outcomes = await processor.processGroup(
      [consumed(genuine[0], '0'), consumed(impostor, '1'), consumed(genuine[1], '2')],
      noWait,
    );

    expect(outcomes).toEqual(['handled', 'dead-lettered', 'handled']);
    expect(parked.map((record) => record.message.headers?.[DeadLetterHeaders.reason])).toEqual([
      'unexpected_producer',
    ]);
    expect(inbox.handled.has(`dispatch/${impostor.eventId}`)).toBe(false);
  });
});

describe('MessageProcessor with a backlog', () => {
  const ticketId = '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';

  it('handles consecutive events of a partition in one transaction, in order', async () => {
    const seen: string[] = [];
    const { processor, inbox } = processorWith(async (envelope) => {
      seen.push(envelope.eventId);
    });
    const events = [submittedEnvelope(ticketId), submittedEnvelope(ticketId), submittedEnvelope(ticketId)];

    const outcomes = await processor.processGroup(
      events.map((event, i) => consumed(event, String(i))),
      noWait,
    );

    expect(outcomes).toEqual(['handled', 'handled', 'handled']);
    expect(seen).toEqual(events.map((event) => event.eventId));
    expect(inbox.transactions).toBe(1);
    expect(inbox.inboxStatements).toBe(1);
  });

  it('handles an event delivered twice within one batch once, and the copy as a duplicate', async () => {
    const seen: string[] = [];
    const { processor, inbox } = processorWith(async (envelope) => {
      seen.push(envelope.eventId);
    });
    const [first, second] = [submittedEnvelope(ticketId), submittedEnvelope(ticketId)];

    const outcomes = await processor.processGroup(
      [consumed(first, '0'), consumed(second, '1'), consumed(first, '2')],
      noWait,
    );

    expect(outcomes).toEqual(['handled', 'handled', 'duplicate']);
    expect(seen).toEqual([first.eventId, second.eventId]);
    expect(inbox.handled).toEqual(new Set([`dispatch/${first.eventId}`, `dispatch/${second.eventId}`]));
  });

  it('skips the events of a batch the inbox already holds and handles the rest together', async () => {
    const seen: string[] = [];
    const { processor, inbox } = processorWith(async (envelope) => {
      seen.push(envelope.eventId);
    });
    const events = [submittedEnvelope(ticketId), submittedEnvelope(ticketId), submittedEnvelope(ticketId)];
    inbox.handled.add(`dispatch/${events[1].eventId}`);

    const outcomes = await processor.processGroup(
      events.map((event, i) => consumed(event, String(i))),
      noWait,
    );

    expect(outcomes).toEqual(['handled', 'duplicate', 'handled']);
    expect(seen).toEqual([events[0].eventId, events[2].eventId]);
  });

  it('falls back to one message at a time when a handler of the group fails, parking only the failing event', async () => {
    const events = [submittedEnvelope(ticketId), submittedEnvelope(ticketId), submittedEnvelope(ticketId)];
    const { processor, inbox, parked } = processorWith(async (envelope) => {
      if (envelope.eventId === events[1].eventId) throw new TypeError('assignee is undefined');
    });

    const outcomes = await processor.processGroup(
      events.map((event, i) => consumed(event, String(i))),
      noWait,
    );

    expect(outcomes).toEqual(['handled', 'dead-lettered', 'handled']);
    expect(parked).toHaveLength(1);
    expect(inbox.handled).toEqual(
      new Set([`dispatch/${events[0].eventId}`, `dispatch/${events[2].eventId}`]),
    );
  });

  it('parks a broken message of the group and handles the others together', async () => {
    const events = [submittedEnvelope(ticketId), submittedEnvelope(ticketId)];
    const { processor, inbox, parked } = processorWith(async () => undefined);
    const broken = { ...consumed({}, '1'), value: Buffer.from('not json') };

    const outcomes = await processor.processGroup(
      [consumed(events[0], '0'), broken, consumed(events[1], '2')],
      noWait,
    );

    expect(outcomes).toEqual(['handled', 'dead-lettered', 'handled']);
    expect(parked).toHaveLength(1);
    // One for the two handled events together, one for the dead-letter log entry of the broken one.
    expect(inbox.transactions).toBe(2);
    expect(inbox.deadLetterLog).toHaveLength(1);
  });
});

describe('MessageProcessor with several partitions at once', () => {
  const tickets = ['0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b', '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a2c'];

  it('handles the groups of several partitions in one transaction, each group in its order', async () => {
    const seen: string[] = [];
    const { processor, inbox } = processorWith(async (envelope) => {
      seen.push(envelope.eventId);
    });
    const first = [submittedEnvelope(tickets[0]), submittedEnvelope(tickets[0])];
    const second = [submittedEnvelope(tickets[1])];

    const outcomes = await Promise.all(
      processor.processGroups([
        { messages: first.map((event, i) => consumed(event, String(i), 0)), control: noWait },
        { messages: second.map((event, i) => consumed(event, String(i), 1)), control: noWait },
      ]),
    );

    expect(outcomes).toEqual([['handled', 'handled'], ['handled']]);
    expect(seen).toEqual([...first, ...second].map((event) => event.eventId));
    expect(inbox.transactions).toBe(1);
    expect(inbox.inboxStatements).toBe(1);
  });

  it("parks a failing partition's message on its own and commits every other partition's", async () => {
    const poison = submittedEnvelope(tickets[1]);
    const { processor, inbox, parked } = processorWith(async (envelope) => {
      if (envelope.eventId === poison.eventId) throw new TypeError('assignee is undefined');
    });
    const healthy = [submittedEnvelope(tickets[0]), submittedEnvelope(tickets[0])];

    const outcomes = await Promise.all(
      processor.processGroups([
        { messages: healthy.map((event, i) => consumed(event, String(i), 0)), control: noWait },
        { messages: [consumed(poison, '0', 1)], control: noWait },
      ]),
    );

    expect(outcomes).toEqual([['handled', 'handled'], ['dead-lettered']]);
    expect(parked).toHaveLength(1);
    expect(inbox.handled).toEqual(new Set(healthy.map((event) => `dispatch/${event.eventId}`)));
  });

  it('settles each group on its own: a partition lost during a retry wait does not fail the others', async () => {
    const kept = submittedEnvelope(tickets[0]);
    const onLostPartition = submittedEnvelope(tickets[1]);
    const { processor, inbox } = processorWith(async (envelope) => {
      if (envelope.eventId === onLostPartition.eventId) throw new RetriableError('connection reset');
    });
    const lost: PartitionControl = {
      waitAlive: async () => {
        throw new ConsumerStopping();
      },
    };

    const [lostOutcome, keptOutcome] = await Promise.allSettled(
      processor.processGroups([
        { messages: [consumed(onLostPartition, '0', 1)], control: lost },
        { messages: [consumed(kept, '0', 0)], control: noWait },
      ]),
    );

    expect(lostOutcome).toEqual({ status: 'rejected', reason: expect.any(ConsumerStopping) });
    expect(keptOutcome).toEqual({ status: 'fulfilled', value: ['handled'] });
    expect(inbox.handled).toEqual(new Set([`dispatch/${kept.eventId}`]));
  });
});

describe('HandlerTable', () => {
  it('refuses two handlers for one event in one consumer group', () => {
    const handle = async () => undefined;

    expect(
      () =>
        new HandlerTable([
          { definition: ticketSubmittedV1, handle, name: 'A.onSubmitted' },
          { definition: ticketSubmittedV1, handle, name: 'B.onSubmitted' },
        ]),
    ).toThrow(/ticket.submitted@v1 has two handlers in one consumer group: A.onSubmitted and B.onSubmitted/);
  });
});
