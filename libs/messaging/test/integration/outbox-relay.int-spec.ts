import { waitFor } from '@loop/testing';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { BackboneHarness, expectedSteps, quickRelay, stepsByTicket } from './support/backbone-harness';
import { EventEnvelope } from '@loop/contracts';
import { resolveTopicName } from '@loop/contracts';
import {
  createIdempotentProducer,
  dedicatedConnectionsFromUrl,
  OutboxRelay,
  readOutboxBacklog,
} from '../../src';

// Set here too: the workspace-wide run (jest.int.config.cjs with projects) ignores the preset's testTimeout.
jest.setTimeout(60_000);

const repositoryRoot = path.resolve(__dirname, '../../../..');

describe('the transactional outbox and its relay', () => {
  let harness: BackboneHarness;

  beforeAll(async () => {
    harness = await BackboneHarness.create('outbox relay');
  });

  afterEach(async () => {
    await harness.stopReplicas();
  });

  afterAll(async () => {
    await harness.dispose();
  });

  it('never publishes an event added in a rolled-back transaction', async () => {
    const rolledBack = harness.ticketSubmitted();
    const committed = harness.ticketSubmitted();
    await expect(
      harness.dataSource.transaction(async (manager) => {
        await harness.outbox.add(manager, rolledBack);
        throw new Error('the state change failed a rule');
      }),
    ).rejects.toThrow('the state change failed a rule');
    await harness.commit(committed);

    await harness.startReplica([harness.recordingHandler('rollback')], { groupId: 'rollback' });
    const handled = await harness.waitForHandled(1, 'rollback');
    const onTopic = await harness.readTopic(harness.ticketTopic, (messages) =>
      messages.some((m) => m.key?.toString() === committed.aggregateId),
    );

    expect(handled.map((row) => row.eventId)).toEqual([committed.eventId]);
    expect(onTopic.map((message) => message.headers?.['x-event-id']?.toString())).not.toContain(
      rolledBack.eventId,
    );
    expect(await harness.outboxRow(rolledBack.eventId)).toBeUndefined();
  });

  it('refuses to add an event outside a transaction, where it would commit without the state change', async () => {
    await expect(harness.outbox.add(harness.dataSource.manager, harness.ticketSubmitted())).rejects.toThrow(
      /open transaction/,
    );
  });

  it('republishes a batch when the relay is killed after the broker acknowledged it but before marking it, and the consumer applies the effect exactly once', async () => {
    const event = harness.ticketSubmitted();
    await harness.commit(event);
    // tsx as a loader inside one node process: its CLI would put the relay in a child that a SIGKILL
    // of the CLI leaves running.
    const relay = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'support/relay-process.ts')],
      {
        cwd: repositoryRoot,
        env: {
          ...process.env,
          DATABASE_URL: harness.database.url,
          KAFKA_TOPIC_PREFIX: harness.namespace.topicPrefix,
          RELAY_SERVICE: 'killed-relay',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    relay.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => relay.on('exit', () => resolve()));
    try {
      await waitFor(() => output.includes(event.eventId), {
        timeoutMs: 30_000,
        description: 'the relay process to get the acknowledgement',
      });
    } finally {
      relay.kill('SIGKILL');
      await exited;
    }

    expect(await harness.outboxRow(event.eventId)).toEqual({ published: false, attempts: 0 });

    await harness.startReplica([harness.recordingHandler('after-kill')], {
      service: 'killed-relay',
      groupId: 'after-kill',
    });
    await waitFor(async () => (await harness.outboxRow(event.eventId))?.published, {
      description: 'the restarted relay to mark the row',
    });
    const copies = await harness.readTopic(
      harness.ticketTopic,
      (messages) => countEvent(messages, event) >= 2,
    );
    await harness.waitForNoLag(harness.group('after-kill'));
    const effects = (await harness.handled('after-kill')).filter((row) => row.eventId === event.eventId);

    expect(countEvent(copies, event)).toBe(2);
    expect(effects).toHaveLength(1);
  });

  it("keeps one aggregate's events in order and applies each once while two replicas hand the relay and the partitions over", async () => {
    const tickets: string[] = Array.from({ length: 6 }, () => randomUUID());
    const steps = 20;
    const handler = () => harness.recordingHandler('replicas');
    const first = await harness.startReplica([handler()], { service: 'replicated', groupId: 'replicas' });
    const second = await harness.startReplica([handler()], { service: 'replicated', groupId: 'replicas' });
    await waitFor(() => first.relay!.isLeader !== second.relay!.isLeader, {
      description: 'one active relay',
    });

    // Each step of each ticket in a transaction of its own, as separate requests would write them;
    // halfway through, the replica holding the relay lock goes away.
    for (let step = 1; step <= steps; step++) {
      await Promise.all(tickets.map((ticketId) => harness.commit(harness.ticketSubmitted(ticketId, step))));
      if (step === steps / 2) await (first.relay!.isLeader ? first : second).stop();
    }
    const third = await harness.startReplica([handler()], { service: 'replicated', groupId: 'replicas' });
    await harness.waitForSteps('replicas', tickets, steps);
    await harness.waitForNoLag(harness.group('replicas'));
    const rows = (await harness.handled('replicas')).filter((row) => tickets.includes(row.ticketId));

    expect(new Set(rows.map((row) => row.eventId)).size).toBe(rows.length);
    for (const ticketId of tickets) expect(stepsByTicket(rows).get(ticketId)).toEqual(expectedSteps(steps));
    expect([first, second, third].filter((replica) => replica.relay!.isLeader)).toHaveLength(1);
  });

  it('marks each batch published with the statement that reads the next one, and every row once drained', async () => {
    const statements: string[] = [];
    const connect = dedicatedConnectionsFromUrl(harness.database.url, 'counting-relay');
    const producer = createIdempotentProducer(harness.kafka);
    await producer.connect();
    const relay = new OutboxRelay({
      service: 'counting',
      connect: async () => {
        const client = await connect();
        const query = client.query.bind(client) as (text: string, values?: unknown[]) => Promise<unknown>;
        client.query = ((text: string, values?: unknown[]) => {
          statements.push(text);
          return query(text, values);
        }) as typeof client.query;
        return client;
      },
      producer,
      resolveTopic: (topic) => resolveTopicName(topic, harness.namespace.topicPrefix),
      ...quickRelay,
      batchSize: 10,
    });
    const events = Array.from({ length: 30 }, () => harness.ticketSubmitted());
    await harness.commit(events);

    relay.start();
    try {
      await waitFor(async () => (await readOutboxBacklog(harness.dataSource)).pending === 0, {
        description: 'the outbox to be drained and marked',
      });
    } finally {
      await relay.stop();
      await producer.disconnect();
    }
    const reads = statements.filter((text) => /SELECT id, aggregateid/.test(text));
    const marksAlone = statements.filter((text) => /^UPDATE outbox SET published_at/.test(text.trim()));

    // Three batches of ten, and a read that marks the third and finds the outbox empty.
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(marksAlone.length).toBeLessThanOrEqual(1);
    expect(reads.length + marksAlone.length).toBeLessThan(3 * 2 + 1);
    for (const event of events)
      expect(await harness.outboxRow(event.eventId)).toMatchObject({ published: true });
  });

  it('publishes commits that arrive together after an idle spell in one produce request when it lingers', async () => {
    const batches: string[][] = [];
    const replica = await harness.startReplica([], {
      service: 'lingering',
      relay: {
        ...quickRelay,
        lingerMs: 300,
        faults: { afterPublishBeforeMark: async (rows) => void batches.push(rows.map((row) => row.id)) },
      },
    });
    await waitFor(async () => replica.relay?.isLeader === true, { description: 'the relay to lead' });
    // Past its first look at the outbox, it waits for a notification.
    await new Promise((resolve) => setTimeout(resolve, 250));

    // Five requests' transactions, one after the other, as a burst of submissions commits them.
    const events = [1, 2, 3, 4, 5].map(() => harness.ticketSubmitted());
    for (const event of events) await harness.commit(event);
    await waitFor(async () => (await readOutboxBacklog(harness.dataSource)).pending === 0, {
      description: 'the burst to be published',
    });

    expect(batches).toEqual([events.map((event) => event.eventId)]);
  });

  it('purges published rows once they are older than the retention', async () => {
    const event = harness.ticketSubmitted();
    await harness.commit(event);

    await harness.startReplica([], {
      service: 'purging',
      relay: { ...quickRelay, retentionMs: 0, purgeIntervalMs: 0 },
    });

    await waitFor(async () => (await harness.outboxRow(event.eventId)) === undefined, {
      description: 'the published row to be purged',
    });
    expect((await readOutboxBacklog(harness.dataSource)).pending).toBe(0);
  });
});

function countEvent(
  messages: ReadonlyArray<{ headers?: Record<string, unknown> }>,
  event: EventEnvelope,
): number {
  return messages.filter((message) => String(message.headers?.['x-event-id']) === event.eventId).length;
}
