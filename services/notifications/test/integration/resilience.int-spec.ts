import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { ticketDispatchedV1, ticketSubmittedV1, workStartedV1 } from '@loop/contracts';
import {
  EventFeed,
  listenOnLoopback,
  startTestServiceReplica,
  TestService,
  TestServiceReplica,
  testRedisUrl,
  waitFor,
} from '@loop/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { notificationsServiceOptions } from '../../src/service-options';
import { aCommunity, aMember, anOffer, aSubmittedTicket, at } from './support/loop-fixtures';
import {
  fastDeliveryEnv,
  inboxKinds,
  startNotifications,
  tokenOf,
  waitForKind,
} from './support/notifications-under-test';
import { openEventStream } from './support/sse-client';

// The suite's database and Redis prefix belong to an idle primary that consumes a topic prefix nobody
// writes to; the instances under test are replicas on the real prefix, so one can be stopped and
// another started on the same data — a restart — while the database lives on. Their delivery workers
// look only once a minute, so nothing reaches Redis unless the test puts it there.
describe('restarts, redelivery and lost live messages', () => {
  let primary: TestService;
  let feed: EventFeed;
  let topicPrefix: string;
  const replicas: TestServiceReplica[] = [];
  let running: TestServiceReplica | undefined;
  const place = aCommunity();

  const startReplica = async () => {
    const replica = await startTestServiceReplica(primary, AppModule, notificationsServiceOptions, {
      env: {
        ...fastDeliveryEnv,
        DELIVERY_POLL_INTERVAL_MS: '60000',
        // A group of their own: members of one group must subscribe to the same topics.
        KAFKA_TOPIC_PREFIX: topicPrefix,
        KAFKA_GROUP_PREFIX: topicPrefix,
      },
    });
    replicas.push(replica);
    running = replica;
    return replica;
  };

  beforeAll(async () => {
    topicPrefix = `test.notifications-restart.${randomBytes(4).toString('hex')}.`;
    primary = await startNotifications({
      DELIVERY_POLL_INTERVAL_MS: '60000',
      KAFKA_TOPIC_PREFIX: `test.notifications-idle.${randomBytes(4).toString('hex')}.`,
    });
    feed = await EventFeed.connect(topicPrefix);
  }, 60_000);

  afterAll(async () => {
    await feed?.close();
    for (const replica of replicas) await replica.close().catch(() => undefined);
    await primary?.close();
  });

  it('handles what arrived while it was down after a restart, and nothing twice', async () => {
    const resident = 'resident-restart';
    const token = await tokenOf(primary, resident);
    const first = await startReplica();
    const ticket = aSubmittedTicket(place, resident);
    await feed.publish(ticketSubmittedV1, ticket);
    const offer = anOffer(ticket.ticketId, 'member-restart');
    const dispatched = await feed.publish(ticketDispatchedV1, offer);
    await waitForKind(primary, token, 'ticket_dispatched', 30_000);

    await first.close();
    running = undefined;
    // While no instance runs: the next step, and Kafka delivering the earlier one again.
    const started = await feed.publish(workStartedV1, {
      ticketId: ticket.ticketId,
      assignmentId: offer.assignmentId,
      assignee: aMember('member-restart'),
      startedAt: at(),
    });
    await feed.send(dispatched);
    await feed.send(started);

    await startReplica();
    await waitForKind(primary, token, 'work_started', 60_000);
    await feed.publish(workStartedV1, { ...started.payload, startedAt: at() });
    await waitFor(async () => (await inboxKinds(primary, token)).length === 3, {
      description: 'the third step',
      timeoutMs: 30_000,
    });
    expect(await inboxKinds(primary, token)).toEqual(['work_started', 'work_started', 'ticket_dispatched']);
    const [{ n }] = await primary.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM delivery WHERE recipient_id = $1 AND channel = 'inbox'`, [
        resident,
      ]);
    expect(n).toBe(3);
  }, 120_000);

  it('fills a gap in the live stream from PostgreSQL when a pub/sub message was lost', async () => {
    const resident = 'resident-gap';
    const token = await tokenOf(primary, resident);
    if (!running) await startReplica();
    const ticket = aSubmittedTicket(place, resident);
    await feed.publish(ticketSubmittedV1, ticket);
    const offer = anOffer(ticket.ticketId, 'member-gap');
    await feed.publish(ticketDispatchedV1, offer);
    await waitForKind(primary, token, 'ticket_dispatched', 30_000);

    const baseUrl = await listenOnLoopback(primary.app);
    const stream = await openEventStream(`${baseUrl}/me/stream`, { authorization: `Bearer ${token}` });
    try {
      // Nothing is published by the slow workers; the stream holds only the replayed first notification.
      await waitFor(() => stream.events.length === 1, {
        description: 'the replayed notification',
        timeoutMs: 10_000,
      });
      await feed.publish(workStartedV1, {
        ticketId: ticket.ticketId,
        assignmentId: offer.assignmentId,
        assignee: aMember('member-gap'),
        startedAt: at(),
      });
      await feed.publish(workStartedV1, {
        ticketId: ticket.ticketId,
        assignmentId: offer.assignmentId,
        assignee: aMember('member-gap'),
        startedAt: at(),
      });
      await waitFor(async () => (await inboxKinds(primary, token)).length === 3, {
        description: 'two more notifications',
        timeoutMs: 30_000,
      });
      // Only the third is announced on Redis, as if the announcement of the second had been lost.
      const page = await request(primary.app.getHttpServer())
        .get('/me/notifications?limit=1')
        .set('authorization', `Bearer ${token}`);
      const third = page.body.items[0];
      const redis = new Redis(testRedisUrl(), { keyPrefix: primary.env.REDIS_KEY_PREFIX });
      try {
        await redis.publish(
          `notifications:live:${resident}`,
          JSON.stringify({
            ...third,
            recipient: { id: resident, role: 'resident' },
            params: {},
            causedByEventId: third.id,
            readAt: null,
          }),
        );
      } finally {
        redis.disconnect();
      }
      await waitFor(() => stream.events.length === 3, { description: 'the gap filled', timeoutMs: 10_000 });
      expect(stream.events.map((e) => e.id)).toEqual(['1', '2', '3']);
    } finally {
      stream.close();
    }
  }, 90_000);
});
