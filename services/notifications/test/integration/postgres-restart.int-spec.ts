// A restart of PostgreSQL in the middle of the service's work, as the service sees it: its sessions are
// terminated (57P01, as a shutdown does), its connections refused for a few seconds, then accepted again.
// The loop's events keep arriving from Kafka — tickets submitted, dispatched, worked, confirmed, hours
// credited, some of them ahead of their ticket's submission — while residents, members and staff keep
// reading and marking their inboxes, changing preferences and webhooks, and watching their live streams.
// Afterwards every notification exists exactly once, no valid event was parked, every delivery went out
// and nobody was answered 500.
import { setTimeout as backOff } from 'node:timers/promises';
import {
  assignmentAcceptedV1,
  EventDefinition,
  hoursCreditedV1,
  staffRegisteredV1,
  ticketConfirmedV1,
  ticketDispatchedV1,
  ticketSubmittedV1,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import type { Role } from '@loop/platform';
import {
  deadLetterCounts,
  EventFeed,
  listenOnLoopback,
  PatientHttpClient,
  RequestBuilder,
  ServiceWithRestartablePostgres,
  TestService,
  waitFor,
} from '@loop/testing';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { HttpReceiver, startHttpReceiver } from './support/http-receiver';
import { aCommunity, aMember, anOffer, aStaffMember, aSubmittedTicket, at } from './support/loop-fixtures';
import { startNotificationsWithRestartablePostgres, tokenOf } from './support/notifications-under-test';
import { openEventStream, SseConnection } from './support/sse-client';

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A notification an event must cause: whom it tells, and what. */
interface Told {
  recipientId: string;
  kind: string;
}

/** An event the feed published, and what it must cause. */
interface PublishedEvent {
  eventId: string;
  type: string;
  tells: Told[];
}

/** Publishes one event of a ticket's story and records what it must cause. */
type StoryStep = () => Promise<void>;

const downForMs = 3_000;
const ticketsPerPhase = 5;
const staffId = 'staff-restart';
const residents = ['resident-restart-0', 'resident-restart-1', 'resident-restart-2', 'resident-restart-3'];
const webhookMember = 'member-restart-0';
const preferenceMembers = ['member-restart-1', 'member-restart-2'];
const members = [webhookMember, ...preferenceMembers];
// The streams open before the restart; one more person opens theirs while PostgreSQL is away.
const watchedBefore = [staffId, residents[0]];
const watchedDuring = residents[1];

/** A person's pace between two rounds of calls. */
const thinkTimeMs = 150;

const preferenceChanges = [
  { language: 'en', quietHours: { start: '22:00', end: '07:00' }, smsNumber: '+8613800138000' },
  { language: 'zh-CN', quietHours: null, smsNumber: null },
  { language: 'en', quietHours: { start: '12:30', end: '13:30' }, smsNumber: null },
] as const;

describe('a PostgreSQL restart in the middle of the loop’s events and people’s inbox calls', () => {
  let outage: ServiceWithRestartablePostgres;
  let service: TestService;
  let dataSource: DataSource;
  let feed: EventFeed;
  let webhookReceiver: HttpReceiver;
  /**
   * The API's callers, behaving as real clients do: on 503 they read Retry-After, wait as long as it
   * says and send the very same request again until another answer comes. The wait is the client's
   * back-off, asked for by the server — not the test waiting for the system. (This API takes no
   * Idempotency-Key: its commands — PUT, mark read, mark all read — are idempotent as they are.)
   */
  let callers: PatientHttpClient;
  const place = aCommunity();
  const tokens = new Map<string, string>();
  const published: PublishedEvent[] = [];
  const streams = new Map<string, SseConnection>();
  /** Notifications each resident marked read, as the API confirmed. */
  const markedRead = new Map<string, Set<string>>();
  /** The last preferences each member saved, and any read-back that disagreed with it. */
  const savedPreferences = new Map<string, (typeof preferenceChanges)[number]>();
  const preferenceMismatches: unknown[] = [];
  /** The webhook the member saved last, and any read-back that disagreed with it. */
  let savedWebhook: { id: string; url: string } | undefined;
  const webhookMismatches: unknown[] = [];
  let peopleKeepCalling = true;
  let answersAtStrike = 0;
  let publishedAtStrike = 0;
  let publishedWhileDown = 0;
  let restartFinished = false;

  const token = (userId: string) => tokens.get(userId) as string;

  /** Sends `build`'s request as `userToken` until the answer is not 503, and returns that answer. */
  async function call(operation: string, userToken: string, build: RequestBuilder): Promise<Response> {
    const { response } = await callers.send(operation, (http) =>
      build(http).set('Authorization', `Bearer ${userToken}`),
    );
    return response;
  }

  /** Opens `who`'s live stream as EventSource does, trying again after a 503 as Retry-After says. */
  async function openStream(who: string, url: string): Promise<SseConnection> {
    const { response } = await callers.retry(`stream ${who}`, async () => {
      const stream = await openEventStream(url, {});
      if (stream.status === 200) return { status: stream.status, headers: stream.headers, stream };
      // Not a stream: the problem document follows, and the response ends with it.
      await waitFor(() => stream.ended, { description: `the answer to ${who}'s stream`, timeoutMs: 10_000 });
      return { status: stream.status, headers: stream.headers, body: parseBody(stream.body), stream };
    });
    return response.stream;
  }

  /** The seven events of one ticket's loop; every third ticket's submission comes after the rest. */
  function ticketStory(index: number): StoryStep[] {
    const residentId = residents[index % residents.length];
    const memberId = members[index % members.length];
    const ticket = aSubmittedTicket(place, residentId, index % 4 === 0 ? 'urgent' : 'normal');
    const offer = anOffer(ticket.ticketId, memberId);
    const { ticketId, assignmentId } = offer;
    const assignee = aMember(memberId);
    const step =
      <P extends object>(definition: EventDefinition<P>, payload: P, tells: Told[]): StoryStep =>
      async () => {
        const envelope = await feed.publish(definition, payload);
        published.push({ eventId: envelope.eventId, type: envelope.type, tells });
        if (!restartFinished && answersAtStrike > 0) publishedWhileDown++;
      };
    const submitted = step(ticketSubmittedV1, ticket, [{ recipientId: staffId, kind: 'ticket_submitted' }]);
    const dispatched = step(ticketDispatchedV1, offer, [
      { recipientId: memberId, kind: 'offer_received' },
      { recipientId: residentId, kind: 'ticket_dispatched' },
    ]);
    const accepted = step(
      assignmentAcceptedV1,
      { ticketId, assignmentId, assignee, completionDueAt: offer.completionDueAt, acceptedAt: at() },
      [{ recipientId: residentId, kind: 'ticket_accepted' }],
    );
    const started = step(workStartedV1, { ticketId, assignmentId, assignee, startedAt: at() }, [
      { recipientId: residentId, kind: 'work_started' },
    ]);
    const completed = step(
      workCompletedV1,
      { ticketId, assignmentId, assignee, minutesSpent: 30 + index, completedAt: at() },
      [{ recipientId: residentId, kind: 'work_completed' }],
    );
    const confirmed = step(
      ticketConfirmedV1,
      { ticketId, assignmentId, rating: 5, auto: false, confirmedAt: at() },
      [{ recipientId: residentId, kind: 'ticket_closed' }],
    );
    const credited = step(
      hoursCreditedV1,
      {
        entryId: uuidv7(),
        memberId,
        minutes: 30 + index,
        source: { kind: 'ticket' as const, id: ticketId },
        causedByEventId: uuidv7(),
        creditedAt: at(),
      },
      [{ recipientId: memberId, kind: 'hours_credited' }],
    );
    return index % 3 === 2
      ? [dispatched, accepted, started, completed, credited, submitted, confirmed]
      : [submitted, dispatched, accepted, started, completed, confirmed, credited];
  }

  /** Publishes the stories of tickets `from`…`from + count - 1`, each in its order, side by side. */
  async function publishTickets(from: number, count: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, async (_, offset) => {
        for (const step of ticketStory(from + offset)) await step();
      }),
    );
  }

  /** Calls `round` with a person's pace until people stop, then once more. */
  async function keepCalling(round: (index: number) => Promise<void>): Promise<void> {
    let index = 0;
    while (peopleKeepCalling) {
      await round(index++);
      await backOff(thinkTimeMs);
    }
    await round(index);
  }

  /** A resident reads their inbox and marks what is unread read, one notification at a time. */
  async function readInbox(residentId: string): Promise<void> {
    const marked = new Set<string>();
    markedRead.set(residentId, marked);
    await keepCalling(async () => {
      const page = await call(`inbox ${residentId}`, token(residentId), (http) =>
        http.get('/me/notifications?limit=100'),
      );
      const unread = ((page.body.items ?? []) as Array<{ id: string; readAt: string | null }>).filter(
        (item) => item.readAt === null,
      );
      for (const { id } of unread) {
        const answer = await call(`read ${id}`, token(residentId), (http) =>
          http.post(`/me/notifications/${id}/read`),
        );
        if (answer.status === 204) marked.add(id);
      }
      await call(`unread count ${residentId}`, token(residentId), (http) =>
        http.get('/me/notifications/unread-count'),
      );
    });
  }

  /** A member changes their language, quiet hours and SMS number, and reads them back. */
  async function changePreferences(memberId: string): Promise<void> {
    await keepCalling(async (index) => {
      const change = preferenceChanges[index % preferenceChanges.length];
      const saved = await call(`save preferences ${memberId}`, token(memberId), (http) =>
        http.put('/me/preferences').send(change),
      );
      if (saved.status !== 200) return;
      savedPreferences.set(memberId, change);
      const read = await call(`read preferences ${memberId}`, token(memberId), (http) =>
        http.get('/me/preferences'),
      );
      if (JSON.stringify(read.body) !== JSON.stringify(change))
        preferenceMismatches.push({ memberId, saved: change, read: read.body });
    });
  }

  /** A member points their webhook somewhere new, reads it back, and looks at their deliveries. */
  async function moveWebhook(): Promise<void> {
    await keepCalling(async (index) => {
      const url = `${webhookReceiver.url}-${index}`;
      const saved = await call(`save webhook ${url}`, token(webhookMember), (http) =>
        http.put('/me/webhook').send({ url }),
      );
      if (saved.status !== 200) return;
      savedWebhook = { id: saved.body.id, url: saved.body.url };
      const read = await call('read webhook', token(webhookMember), (http) => http.get('/me/webhook'));
      if (read.body.id !== savedWebhook.id || read.body.url !== savedWebhook.url)
        webhookMismatches.push({ saved: savedWebhook, read: read.body });
      await call('deliveries', token(webhookMember), (http) => http.get('/me/deliveries'));
    });
  }

  /** The community's staff member follows the new tickets and clears their inbox. */
  async function clearStaffInbox(): Promise<void> {
    await keepCalling(async () => {
      await call('staff inbox', token(staffId), (http) => http.get('/me/notifications?limit=20'));
      await call('staff unread count', token(staffId), (http) => http.get('/me/notifications/unread-count'));
      await call('staff read all', token(staffId), (http) => http.post('/me/notifications/read-all'));
    });
  }

  async function countOf(sql: string, parameters: unknown[] = []): Promise<number> {
    const [row]: Array<{ count: string }> = await dataSource.query(sql, parameters);
    return Number(row.count);
  }

  /** How many times the service's consumers waited for a dependency instead of giving up on a message. */
  async function consumerWaits(): Promise<number> {
    const metrics = await request(service.app.getHttpServer()).get('/metrics');
    return metrics.text
      .split('\n')
      .filter(
        (line) =>
          line.startsWith('kafka_consumer_messages_total{') &&
          line.includes(`topic="${service.namespace.topicPrefix}`) &&
          line.includes('outcome="waiting"'),
      )
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  }

  const streamUrl = (baseUrl: string, userId: string) =>
    `${baseUrl}/me/stream?access_token=${encodeURIComponent(token(userId))}`;

  beforeAll(async () => {
    webhookReceiver = await startHttpReceiver();
    // Its people change webhooks and preferences about once a second: far past what the per-person
    // limits allow a real person, which this suite is not about.
    outage = await startNotificationsWithRestartablePostgres({
      RATE_LIMIT_WEBHOOK_CHANGES: '100000',
      RATE_LIMIT_PREFERENCE_CHANGES: '100000',
    });
    service = outage.service;
    dataSource = service.app.get(DataSource);
    feed = await EventFeed.connect(service.namespace.topicPrefix);
    callers = new PatientHttpClient(() => service.app.getHttpServer());
    const baseUrl = await listenOnLoopback(service.app);
    const roles: Array<[string, Role]> = [
      [staffId, 'staff'],
      ...residents.map((id): [string, Role] => [id, 'resident']),
      ...members.map((id): [string, Role] => [id, 'member']),
    ];
    for (const [id, role] of roles) tokens.set(id, await tokenOf(service, id, role));

    await feed.publish(staffRegisteredV1, aStaffMember(staffId, place.communityId));
    await waitFor(async () => (await countOf(`SELECT count(*) AS count FROM staff_fact`)) === 1, {
      description: 'the community staff to be known',
      timeoutMs: 30_000,
    });
    for (const userId of watchedBefore)
      streams.set(userId, await openStream(userId, streamUrl(baseUrl, userId)));

    // Both streams start; the restart strikes once the first tickets are published and calls answered.
    const people = Promise.all([
      ...residents.map((residentId) => readInbox(residentId)),
      ...preferenceMembers.map((memberId) => changePreferences(memberId)),
      moveWebhook(),
      clearStaffInbox(),
    ]);
    await publishTickets(0, ticketsPerPhase);
    await waitFor(() => callers.answers.length >= 20, {
      description: 'people’s first calls to be answered',
      timeoutMs: 20_000,
    });

    answersAtStrike = callers.answers.length;
    publishedAtStrike = published.length;
    const restart = outage.restartPostgres(downForMs).then(() => (restartFinished = true));
    await waitFor(() => callers.answers.some((answer) => answer.status === 503), {
      description: 'a call to meet PostgreSQL away',
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    // While connections are refused: more tickets, and a person opening their live stream.
    const lateStream = openStream(watchedDuring, streamUrl(baseUrl, watchedDuring));
    await publishTickets(ticketsPerPhase, ticketsPerPhase);
    await restart;
    await publishTickets(2 * ticketsPerPhase, ticketsPerPhase);
    streams.set(watchedDuring, await lateStream);

    await waitFor(
      async () =>
        (await countOf(`SELECT count(*) AS count FROM inbox WHERE event_id = ANY($1::uuid[])`, [
          published.map((event) => event.eventId),
        ])) === published.length && (await countOf(`SELECT count(*) AS count FROM deferred_event`)) === 0,
      { description: 'every published event to be handled', timeoutMs: 45_000, intervalMs: 250 },
    );
    peopleKeepCalling = false;
    await people;
  }, 120_000);

  afterAll(async () => {
    for (const stream of streams.values()) stream.close();
    await feed?.close();
    await outage?.close();
    await webhookReceiver?.close();
  });

  it('really struck while events and calls were in flight', async () => {
    expect(answersAtStrike).toBeGreaterThan(0);
    expect(publishedAtStrike).toBeGreaterThan(0);
    expect(publishedWhileDown).toBeGreaterThan(0);
    expect(callers.answers.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
    expect(callers.answers.slice(answersAtStrike).some((answer) => answer.status < 300)).toBe(true);
    expect(await consumerWaits()).toBeGreaterThan(0);
  });

  it('answers 503 with Retry-After and a problem document while PostgreSQL restarts, never another 5xx', () => {
    expect(callers.answers.filter((answer) => answer.status >= 500 && answer.status !== 503)).toEqual([]);
    for (const answer of callers.answers.filter((a) => a.status === 503)) {
      expect(answer).toEqual(
        expect.objectContaining({
          retryAfter: expect.stringMatching(/^[1-9][0-9]*$/),
          contentType: expect.stringContaining('application/problem+json'),
          code: expect.stringMatching(/^dependency-/),
        }),
      );
    }
    expect(callers.answers.filter((answer) => answer.status >= 300 && answer.status !== 503)).toEqual([]);
  });

  it('tells each person once of every event, in a gap-free stream of their own', async () => {
    const rows: Array<{ event: string; recipient: string; kind: string }> = await dataSource.query(
      `SELECT caused_by_event_id AS event, recipient_id AS recipient, kind FROM notification`,
    );
    const key = (event: string, recipient: string, kind: string) => `${event} ${recipient} ${kind}`;
    const expected = published.flatMap((event) =>
      event.tells.map((told) => key(event.eventId, told.recipientId, told.kind)),
    );
    expect(rows.map((row) => key(row.event, row.recipient, row.kind)).sort()).toEqual(expected.sort());
    expect(published.map((event) => event.type)).toEqual(
      expect.arrayContaining(['ticket.submitted', 'hours.credited']),
    );

    const streamsOfPeople: Array<{ recipient: string; count: string; first: string; last: string }> =
      await dataSource.query(
        `SELECT recipient_id AS recipient, count(*) AS count, min(sequence) AS first, max(sequence) AS last
         FROM notification GROUP BY recipient_id ORDER BY recipient_id`,
      );
    for (const stream of streamsOfPeople) expect([stream.first, stream.last]).toEqual(['1', stream.count]);

    // notification.delivered once per event that told anyone, and the relay got every one out after the restart.
    expect(await countOf(`SELECT count(*) AS count FROM outbox WHERE type = 'notification.delivered'`)).toBe(
      published.filter((event) => event.tells.length > 0).length,
    );
    await waitFor(
      async () => (await countOf(`SELECT count(*) AS count FROM outbox WHERE published_at IS NULL`)) === 0,
      { description: 'the outbox to be drained', timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  it('parks no valid event on a dead-letter topic', async () => {
    expect(await deadLetterCounts(service.namespace.topicPrefix)).toEqual({});
  });

  it('carries out every inbox, preference and webhook command exactly once', async () => {
    for (const residentId of residents) {
      const rows: Array<{ id: string; read: boolean }> = await dataSource.query(
        `SELECT id, read_at IS NOT NULL AS read FROM notification WHERE recipient_id = $1`,
        [residentId],
      );
      expect(rows.filter((row) => !row.read)).toEqual([]);
      expect(rows.map((row) => row.id).sort()).toEqual([...(markedRead.get(residentId) ?? [])].sort());
    }
    expect(
      await countOf(
        `SELECT count(*) AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL`,
        [staffId],
      ),
    ).toBe(0);

    expect(preferenceMismatches).toEqual([]);
    for (const memberId of preferenceMembers) {
      const saved = await call(`final preferences ${memberId}`, token(memberId), (http) =>
        http.get('/me/preferences'),
      );
      expect(saved.body).toEqual(savedPreferences.get(memberId));
    }
    expect(await countOf(`SELECT count(*) AS count FROM preference`)).toBe(preferenceMembers.length);

    expect(webhookMismatches).toEqual([]);
    const webhooks: Array<{ id: string; url: string }> = await dataSource.query(
      `SELECT id, url FROM webhook_subscription WHERE user_id = $1`,
      [webhookMember],
    );
    expect(webhooks).toEqual([savedWebhook]);
  });

  it('keeps the live streams open and the delivery worker sending through the restart', async () => {
    await waitFor(
      async () => (await countOf(`SELECT count(*) AS count FROM delivery WHERE status <> 'delivered'`)) === 0,
      { description: 'every delivery to be sent', timeoutMs: 45_000, intervalMs: 250 },
    );
    const webhookDeliveries: Array<{ id: string }> = await dataSource.query(
      `SELECT id FROM delivery WHERE channel = 'webhook' AND recipient_id = $1`,
      [webhookMember],
    );
    expect(webhookDeliveries.length).toBeGreaterThan(0);
    // A send whose outcome the restart kept from being recorded is sent again: receivers drop repeats.
    const received = new Set(webhookReceiver.requests.map((r) => r.headers['x-loop-delivery']));
    expect(webhookDeliveries.filter((delivery) => !received.has(delivery.id))).toEqual([]);

    for (const [userId, stream] of streams) {
      const count = await countOf(`SELECT count(*) AS count FROM notification WHERE recipient_id = $1`, [
        userId,
      ]);
      expect(count).toBeGreaterThan(0);
      await waitFor(() => stream.events.length >= count, {
        description: `${count} notifications on ${userId}'s stream`,
        timeoutMs: 30_000,
      });
      expect({ userId, ended: stream.ended, events: stream.events.map((e) => [e.event, e.id]) }).toEqual({
        userId,
        ended: false,
        events: Array.from({ length: count }, (_, i) => ['notification', String(i + 1)]),
      });
    }
  });
});
