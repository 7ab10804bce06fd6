import request from 'supertest';
import { ticketDispatchedV1, ticketSubmittedV1, workCompletedV1, workStartedV1 } from '@loop/contracts';
import {
  EventFeed,
  listenOnLoopback,
  startTestServiceReplica,
  TestService,
  TestServiceReplica,
  waitFor,
} from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { notificationsServiceOptions } from '../../src/service-options';
import { aCommunity, aMember, anOffer, aSubmittedTicket, at } from './support/loop-fixtures';
import { fastDeliveryEnv, startNotifications, tokenOf } from './support/notifications-under-test';
import { openEventStream, ServerSentEvent, SseConnection } from './support/sse-client';

describe('the live stream across two replicas', () => {
  let first: TestService;
  let second: TestServiceReplica;
  let firstUrl: string;
  let secondUrl: string;
  let feed: EventFeed;
  const place = aCommunity();
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    first = await startNotifications();
    // The second replica's delivery worker looks only once a minute, so what its streams receive in the
    // test was published by the first replica — through Redis.
    second = await startTestServiceReplica(first, AppModule, notificationsServiceOptions, {
      env: { ...fastDeliveryEnv, DELIVERY_POLL_INTERVAL_MS: '60000' },
    });
    firstUrl = await listenOnLoopback(first.app);
    secondUrl = await listenOnLoopback(second.app);
    feed = await EventFeed.connect(first.namespace.topicPrefix);
  }, 60_000);

  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await feed?.close();
    await second?.close();
    await first?.close();
  });

  const open = async (baseUrl: string, token: string, lastEventId?: string) => {
    const stream = await openEventStream(`${baseUrl}/me/stream?access_token=${encodeURIComponent(token)}`, {
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    });
    streams.push(stream);
    return stream;
  };

  const eventsOf = (stream: SseConnection, count: number) =>
    waitFor(() => (stream.events.length >= count ? stream.events.slice() : undefined), {
      description: `${count} events on the stream`,
      timeoutMs: 30_000,
    });

  const kinds = (events: ServerSentEvent[]) =>
    events.map((e) => (JSON.parse(e.data) as { kind: string }).kind);

  it('pushes a notification to a stream held by either replica and resumes after a reconnect without gaps or duplicates', async () => {
    const resident = 'resident-live';
    const token = await tokenOf(first, resident);
    const onSecond = await open(secondUrl, token);
    expect(onSecond.status).toBe(200);

    const ticket = aSubmittedTicket(place, resident);
    await feed.publish(ticketSubmittedV1, ticket);
    const offer = anOffer(ticket.ticketId, 'member-live');
    await feed.publish(ticketDispatchedV1, offer);
    const live = await eventsOf(onSecond, 1);
    expect(live[0]).toMatchObject({ event: 'notification', id: '1' });
    expect(JSON.parse(live[0].data)).toMatchObject({
      kind: 'ticket_dispatched',
      sequence: 1,
      title: '工单已派单',
    });

    // The browser goes away; two more steps happen meanwhile.
    onSecond.close();
    await feed.publish(workStartedV1, {
      ticketId: ticket.ticketId,
      assignmentId: offer.assignmentId,
      assignee: aMember('member-live'),
      startedAt: at(),
    });
    await waitFor(
      async () => {
        const page = await request(first.app.getHttpServer())
          .get('/me/notifications')
          .set('authorization', `Bearer ${token}`);
        return page.body.items?.length === 2;
      },
      { description: 'the missed notification in the inbox', timeoutMs: 30_000 },
    );

    // EventSource reconnects — to the other replica — with the last id it saw.
    const resumed = await open(firstUrl, token, live[0].id);
    const replayed = await eventsOf(resumed, 1);
    expect(replayed.map((e) => e.id)).toEqual(['2']);
    expect(kinds(replayed)).toEqual(['work_started']);

    await feed.publish(workCompletedV1, {
      ticketId: ticket.ticketId,
      assignmentId: offer.assignmentId,
      assignee: aMember('member-live'),
      minutesSpent: 20,
      completedAt: at(),
    });
    const all = await eventsOf(resumed, 2);
    expect(all.map((e) => e.id)).toEqual(['2', '3']);
    expect(kinds(all)).toEqual(['work_started', 'work_completed']);
  }, 90_000);

  it('replays the whole stream from the start in order to a client without a Last-Event-ID, in English when preferred', async () => {
    const member = 'member-replay';
    const token = await tokenOf(first, member, 'member');
    await request(first.app.getHttpServer())
      .put('/me/preferences')
      .set('authorization', `Bearer ${token}`)
      .send({ language: 'en' })
      .expect(200);
    for (let i = 0; i < 3; i += 1) {
      const ticket = aSubmittedTicket(place, `resident-replay-${i}`);
      await feed.publish(ticketSubmittedV1, ticket);
      await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, member));
    }
    await waitFor(
      async () =>
        (
          await request(second.app.getHttpServer())
            .get('/me/notifications')
            .set('authorization', `Bearer ${token}`)
        ).body.items?.length === 3,
      { description: 'three offers', timeoutMs: 30_000 },
    );
    const stream = await open(secondUrl, token);
    const events = await eventsOf(stream, 3);
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(JSON.parse(events[0].data).title).toBe('New task offered');
  }, 60_000);

  it('refuses a stream without a token, and a Last-Event-ID that is not a number', async () => {
    const anonymous = await open(firstUrl, '');
    expect(anonymous.status).toBe(401);
    const token = await tokenOf(first, 'resident-bad-id');
    const bad = await open(firstUrl, token, 'abc');
    expect(bad.status).toBe(400);
  });
});
