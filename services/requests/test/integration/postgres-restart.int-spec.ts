// A restart of PostgreSQL in the middle of the service's work, as the service sees it: its sessions are
// terminated (57P01, as a shutdown does), its connections refused for a few seconds, then accepted again.
// Residents and staff keep calling the API and dispatch keeps publishing all the while; afterwards
// nothing is lost, nothing happened twice, no valid event was parked and nobody was answered 500.
import { connect } from 'node:net';
import {
  assignmentAcceptedV1,
  EventEnvelope,
  fixturePayload,
  hoursCreditedV1,
  notificationDeliveredV1,
  ticketDispatchedV1,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import { REDIS } from '@loop/platform';
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
import type Redis from 'ioredis';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { autoConfirmTimerKind } from '../../src/ticket/application/auto-confirm.timer-handler';
import { rememberedFrom } from '../../src/ticket/application/idempotent-requests';
import {
  dispatchStory,
  People,
  startRequestsServiceWithRestartablePostgres,
  submitTicket,
  ticketBody,
  waitForTicket,
} from './support/requests-kit';

/** A ticket made ready before the restart, with its resident's token. */
interface PreparedTicket {
  id: string;
  token: string;
  submittedAt: Date;
}

/** What one resident's submission finally got. */
interface Submission {
  residentId: string;
  idempotencyKey: string;
  status: number;
  ticketId: string | undefined;
}

/** What one command on a prepared ticket finally got. */
interface ActionOutcome {
  action: 'cancel' | 'confirm' | 'reopen';
  ticketId: string;
  status: number;
  code: unknown;
  ticketStatus: unknown;
}

const downForMs = 3_000;
const submittingResidents = [
  'resident-submit-1',
  'resident-submit-2',
  'resident-submit-3',
  'resident-submit-4',
];
const submissionsEach = 6;
const ticketsPerAction = 6;
const followedTicketCount = 10;
const staffSearches = 12;
// Each submission is followed by a read of the ticket and of the resident's list; each action by a read.
const totalCalls =
  submittingResidents.length * submissionsEach * 3 + 3 * ticketsPerAction * 2 + staffSearches;
// The restart strikes once a quarter of the calls are answered, so most of both streams is still to come.
const strikeAfterCalls = Math.floor(totalCalls / 4);

const actionBodies = {
  cancel: { reasonCode: 'resolved_elsewhere', reasonText: '邻居帮忙修好了' },
  confirm: { rating: 4, comment: '修好了，谢谢' },
  reopen: { reasonCode: 'not_fixed', reasonText: '灯又不亮了' },
} as const;

describe('a PostgreSQL restart in the middle of residents’ commands and dispatch’s events', () => {
  let outage: ServiceWithRestartablePostgres;
  let service: TestService;
  let people: People;
  let feed: EventFeed;
  let dataSource: DataSource;
  /**
   * The API's callers, behaving as real clients do: on 503 they read Retry-After, wait as long as it
   * says and send the very same request again (same body, same Idempotency-Key) until another answer
   * comes. The wait is the client's back-off, asked for by the server — not the test waiting for the
   * system.
   */
  let callers: PatientHttpClient;
  const submissions: Submission[] = [];
  const actionOutcomes: ActionOutcome[] = [];
  const publishedEvents: EventEnvelope[] = [];
  const prepared = {
    toCancel: [] as PreparedTicket[],
    toConfirm: [] as PreparedTicket[],
    toReopen: [] as PreparedTicket[],
    followed: [] as PreparedTicket[],
  };
  let inFlightAtStrike = 0;

  /** Sends `build`'s request as `token` until the answer is not 503, and returns that answer. */
  async function call(operation: string, token: string, build: RequestBuilder): Promise<Response> {
    const { response } = await callers.send(operation, (http) =>
      build(http).set('Authorization', `Bearer ${token}`),
    );
    return response;
  }

  async function prepareTicket(residentId: string, resolved: boolean): Promise<PreparedTicket> {
    const token = await people.resident(residentId);
    const ticket = await submitTicket(service, token);
    if (resolved) {
      const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
      await feed.send(
        feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
        feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)),
        feed.envelope(workStartedV1, story.started(3), story.at(3)),
        feed.envelope(workCompletedV1, story.completed(4), story.at(4)),
      );
      await waitForTicket(service, token, ticket.id, (read) => read.status === 'resolved', 'resolution');
    }
    return { id: ticket.id, token, submittedAt: new Date(ticket.submittedAt) };
  }

  function prepareMany(prefix: string, count: number, resolved: boolean): Promise<PreparedTicket[]> {
    return Promise.all(
      Array.from({ length: count }, (_, index) => prepareTicket(`${prefix}-${index + 1}`, resolved)),
    );
  }

  /** A resident submits tickets one after another, each under its own key, and follows each one. */
  async function submitAndFollow(residentId: string): Promise<void> {
    const token = await people.resident(residentId);
    for (let index = 0; index < submissionsEach; index++) {
      const idempotencyKey = `${residentId}-ticket-${index + 1}`;
      const created = await call(`submit ${idempotencyKey}`, token, (http) =>
        http
          .post('/tickets')
          .set('Idempotency-Key', idempotencyKey)
          .send(ticketBody({ title: `楼道灯不亮（第 ${index + 1} 处）` })),
      );
      const ticketId = (created.body as { id?: string }).id;
      submissions.push({ residentId, idempotencyKey, status: created.status, ticketId });
      if (created.status !== 201 || !ticketId) continue;
      await call(`read ${ticketId}`, token, (http) => http.get(`/tickets/${ticketId}`));
      await call(`list ${residentId}`, token, (http) => http.get('/tickets/mine'));
    }
  }

  /** Residents cancel, confirm or reopen their prepared tickets, each under its own key, and read it. */
  async function act(action: ActionOutcome['action'], tickets: PreparedTicket[]): Promise<void> {
    for (const ticket of tickets) {
      const idempotencyKey = `${action}-${ticket.id}`;
      const answer = await call(`${action} ${ticket.id}`, ticket.token, (http) =>
        http
          .post(`/tickets/${ticket.id}/${action}`)
          .set('Idempotency-Key', idempotencyKey)
          .send(actionBodies[action]),
      );
      const body = answer.body as { code?: unknown; status?: unknown };
      actionOutcomes.push({
        action,
        ticketId: ticket.id,
        status: answer.status,
        code: body.code,
        ticketStatus: body.status,
      });
      await call(`read ${ticket.id}`, ticket.token, (http) => http.get(`/tickets/${ticket.id}`));
    }
  }

  /** The community's staff search their tickets over and over. */
  async function searchAsStaff(): Promise<void> {
    const token = await people.staff();
    for (let index = 0; index < staffSearches; index++) {
      await call('staff search', token, (http) =>
        http.get('/tickets').query({ status: index % 2 ? 'resolved,closed' : 'submitted', limit: 50 }),
      );
    }
  }

  /** Dispatch's, notifications' and volunteer-hours' events about the followed tickets, one round per step. */
  function eventRounds() {
    const stories = prepared.followed.map((ticket) => ({
      ticket,
      story: dispatchStory(ticket.id, ticket.submittedAt),
    }));
    const round = (build: (item: (typeof stories)[number]) => EventEnvelope) => stories.map(build);
    return {
      dispatched: round(({ story }) => feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1))),
      accepted: round(({ story }) => feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2))),
      started: round(({ story }) => feed.envelope(workStartedV1, story.started(3), story.at(3))),
      completed: round(({ story }) => feed.envelope(workCompletedV1, story.completed(4), story.at(4))),
      delivered: round(({ ticket, story }) =>
        feed.envelope(
          notificationDeliveredV1,
          {
            ...fixturePayload(notificationDeliveredV1),
            ticketId: ticket.id,
            deliveredAt: story.at(5).toISOString(),
          },
          story.at(5),
        ),
      ),
      credited: round(({ ticket, story }) =>
        feed.envelope(
          hoursCreditedV1,
          {
            ...fixturePayload(hoursCreditedV1),
            source: { kind: 'ticket' as const, id: ticket.id },
            creditedAt: story.at(6).toISOString(),
          },
          story.at(6),
        ),
      ),
    };
  }

  async function publish(envelopes: EventEnvelope[]): Promise<void> {
    publishedEvents.push(...envelopes.filter((envelope) => !publishedEvents.includes(envelope)));
    await feed.send(...envelopes);
  }

  /** Whether the service's way to PostgreSQL refuses connections right now (the restart's down time). */
  function postgresRefusesConnections(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(outage.proxy.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
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

  async function countsBy(sql: string, parameters: unknown[]): Promise<Map<string, number>> {
    const rows: Array<{ key: string; count: string }> = await dataSource.query(sql, parameters);
    return new Map(rows.map((row) => [row.key, Number(row.count)]));
  }

  beforeAll(async () => {
    outage = await startRequestsServiceWithRestartablePostgres();
    service = outage.service;
    await listenOnLoopback(service.app);
    people = new People(service);
    feed = await EventFeed.connect(service);
    dataSource = service.app.get(DataSource);
    callers = new PatientHttpClient(() => service.app.getHttpServer());

    [prepared.toCancel, prepared.toConfirm, prepared.toReopen, prepared.followed] = await Promise.all([
      prepareMany('resident-cancelling', ticketsPerAction, false),
      prepareMany('resident-confirming', ticketsPerAction, true),
      prepareMany('resident-reopening', ticketsPerAction, true),
      prepareMany('resident-followed', followedTicketCount, false),
    ]);
    const rounds = eventRounds();

    // Both streams start; the restart strikes once they are well under way.
    const commands = Promise.all([
      ...submittingResidents.map((residentId) => submitAndFollow(residentId)),
      act('cancel', prepared.toCancel),
      act('confirm', prepared.toConfirm),
      act('reopen', prepared.toReopen),
      searchAsStaff(),
    ]);
    // Awaited below; a failing caller must not surface as an unhandled rejection meanwhile.
    commands.catch(() => undefined);
    await publish([...rounds.dispatched, ...rounds.accepted]);
    await waitFor(() => callers.finished >= strikeAfterCalls, {
      description: `${strikeAfterCalls} of ${totalCalls} calls to be answered before the restart`,
      timeoutMs: 30_000,
    });

    inFlightAtStrike = callers.inFlight;
    const restart = outage.restartPostgres(downForMs);
    const down = waitFor(postgresRefusesConnections, {
      description: 'PostgreSQL to refuse the service’s connections',
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    // Events published as the sessions are terminated, and more while connections are refused.
    await publish(rounds.started);
    await down;
    await publish([...rounds.completed, ...rounds.delivered]);
    await restart;
    // After the restart: the last events, and the started round again, as a producer retrying would.
    await publish([...rounds.credited, ...rounds.started]);
    await commands;

    await waitFor(
      async () => {
        const handled: Array<{ count: string }> = await dataSource.query(
          `SELECT count(*) AS count FROM inbox WHERE event_id = ANY($1::uuid[])`,
          [publishedEvents.map((envelope) => envelope.eventId)],
        );
        return Number(handled[0].count) === publishedEvents.length;
      },
      { description: 'every published event to be handled', timeoutMs: 45_000, intervalMs: 250 },
    );
  }, 120_000);

  afterAll(async () => {
    callers?.stop();
    await feed?.close();
    await outage?.close();
  });

  it('really struck while commands and events were in flight', async () => {
    expect(inFlightAtStrike).toBeGreaterThan(0);
    expect(callers.answers.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
    expect(await consumerWaits()).toBeGreaterThan(0);
  });

  it('answers 503 with Retry-After and a problem document while PostgreSQL restarts, never another 5xx', () => {
    const failures = callers.answers.filter((answer) => answer.status >= 500 && answer.status !== 503);
    expect(failures).toEqual([]);
    const unavailable = callers.answers.filter((answer) => answer.status === 503);
    for (const answer of unavailable) {
      expect(answer).toEqual(
        expect.objectContaining({
          retryAfter: expect.stringMatching(/^[1-9][0-9]*$/),
          contentType: expect.stringContaining('application/problem+json'),
          code: expect.stringMatching(/^dependency-/),
        }),
      );
    }
    expect(callers.finished).toBe(totalCalls);
    const refused = callers.answers.filter((answer) => answer.status >= 300 && answer.status !== 503);
    expect(refused).toEqual([]);
  });

  it('creates each ticket a resident submitted exactly once, however often the submission was retried', async () => {
    expect(submissions.filter((submission) => submission.status !== 201)).toEqual([]);
    const rows: Array<{ id: string; resident_id: string }> = await dataSource.query(
      `SELECT id, resident_id FROM ticket WHERE resident_id = ANY($1)`,
      [submittingResidents],
    );
    expect(rows.map((row) => row.id).sort()).toEqual(
      submissions.map((submission) => submission.ticketId).sort(),
    );
    expect(rows).toHaveLength(submittingResidents.length * submissionsEach);
    const submittedEvents = await countsBy(
      `SELECT aggregateid AS key, count(*) AS count FROM outbox
       WHERE type = 'ticket.submitted' AND aggregateid = ANY($1) GROUP BY aggregateid`,
      [rows.map((row) => row.id)],
    );
    expect([...submittedEvents.values()]).toEqual(rows.map(() => 1));
  });

  it('cancels, confirms and reopens each ticket exactly once', async () => {
    expect(actionOutcomes.filter((outcome) => outcome.status !== 200)).toEqual([]);
    const expected = { cancel: 'cancelled', confirm: 'closed', reopen: 'reopened' } as const;
    const eventTypes = { cancel: 'ticket.cancelled', confirm: 'ticket.confirmed', reopen: 'ticket.reopened' };
    for (const action of ['cancel', 'confirm', 'reopen'] as const) {
      const ids = actionOutcomes.filter((outcome) => outcome.action === action).map((o) => o.ticketId);
      expect(ids).toHaveLength(ticketsPerAction);
      const tickets: Array<{ id: string; status: string; reopen_count: number; rating: number | null }> =
        await dataSource.query(`SELECT id, status, reopen_count, rating FROM ticket WHERE id = ANY($1)`, [
          ids,
        ]);
      expect(tickets.map((ticket) => ticket.status)).toEqual(ids.map(() => expected[action]));
      if (action === 'reopen') expect(tickets.map((ticket) => ticket.reopen_count)).toEqual(ids.map(() => 1));
      if (action === 'confirm') expect(tickets.map((ticket) => ticket.rating)).toEqual(ids.map(() => 4));
      const published = await countsBy(
        `SELECT aggregateid AS key, count(*) AS count FROM outbox
         WHERE type = $1 AND aggregateid = ANY($2) GROUP BY aggregateid`,
        [eventTypes[action], ids],
      );
      const recorded = await countsBy(
        `SELECT ticket_id::text AS key, count(*) AS count FROM ticket_timeline_event
         WHERE type = $1 AND ticket_id = ANY($2::uuid[]) GROUP BY ticket_id`,
        [eventTypes[action], ids],
      );
      expect(ids.map((id) => [published.get(id), recorded.get(id)])).toEqual(ids.map(() => [1, 1]));
    }
  });

  it('applies every event to its ticket exactly once', async () => {
    const followedIds = prepared.followed.map((ticket) => ticket.id);
    const entries = await countsBy(
      `SELECT event_id::text AS key, count(*) AS count FROM ticket_timeline_event
       WHERE ticket_id = ANY($1::uuid[]) AND type <> 'ticket.submitted' GROUP BY event_id`,
      [followedIds],
    );
    const eventIds = publishedEvents.map((envelope) => envelope.eventId);
    expect([...entries.keys()].sort()).toEqual([...eventIds].sort());
    expect([...entries.values()]).toEqual(eventIds.map(() => 1));
    const tickets: Array<{ id: string; status: string }> = await dataSource.query(
      `SELECT id, status FROM ticket WHERE id = ANY($1::uuid[])`,
      [followedIds],
    );
    expect(tickets.map((ticket) => ticket.status)).toEqual(followedIds.map(() => 'resolved'));
    // The auto-confirmation timer is set when the completion is applied; set twice, its version would be 2.
    const timers: Array<{ key: string; version: number }> = await dataSource.query(
      `SELECT key, version FROM durable_timer WHERE kind = $1 AND key = ANY($2)`,
      [autoConfirmTimerKind, followedIds],
    );
    expect(timers.map((timer) => timer.version)).toEqual(followedIds.map(() => 1));
  });

  it('parks no valid event on a dead-letter topic', async () => {
    expect(await deadLetterCounts(service.namespace.topicPrefix)).toEqual({});
  });

  it('publishes every event it recorded, once PostgreSQL is back', async () => {
    await waitFor(
      async () => {
        const pending: Array<{ count: string }> = await dataSource.query(
          `SELECT count(*) AS count FROM outbox WHERE published_at IS NULL`,
        );
        return Number(pending[0].count) === 0;
      },
      { description: 'the outbox to be drained', timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  describe('when PostgreSQL committed a command but the answer was lost with the connection', () => {
    // What an attempt terminated during COMMIT leaves under its key: the reserved id, and no knowing
    // whether it took effect. The restart above makes this happen only by chance, so it is set up here.
    async function loseTheAnswer(callerId: string, idempotencyKey: string): Promise<void> {
      const redis = service.app.get<Redis>(REDIS);
      const redisKey = `idempotency:tickets:${callerId}:${idempotencyKey}`;
      const remembered = rememberedFrom(await redis.get(redisKey));
      expect(remembered?.state).toBe('done');
      await redis.set(redisKey, JSON.stringify({ ...remembered, state: 'unsettled' }), 'EX', 3_600);
    }

    it('answers the retried submission with the ticket that was created, and creates no second one', async () => {
      const residentId = 'resident-lost-answer';
      const token = await people.resident(residentId);
      const submit = () =>
        request(service.app.getHttpServer())
          .post('/tickets')
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', 'lost-answer-1')
          .send(ticketBody());
      const first = await submit().expect(201);
      await loseTheAnswer(residentId, 'lost-answer-1');
      const retried = await submit().expect(201);
      expect(retried.body.id).toBe(first.body.id);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      const tickets = await dataSource.query(`SELECT id FROM ticket WHERE resident_id = $1`, [residentId]);
      expect(tickets).toHaveLength(1);
    });

    it('answers the retried cancellation 200 instead of refusing it, and cancels once', async () => {
      const ticket = await prepareTicket('resident-lost-cancellation', false);
      const cancel = () =>
        request(service.app.getHttpServer())
          .post(`/tickets/${ticket.id}/cancel`)
          .set('Authorization', `Bearer ${ticket.token}`)
          .set('Idempotency-Key', 'lost-cancellation-1')
          .send(actionBodies.cancel);
      await cancel().expect(200);
      await loseTheAnswer('resident-lost-cancellation', 'lost-cancellation-1');
      const retried = await cancel().expect(200);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.body.status).toBe('cancelled');
      const cancellations = await dataSource.query(
        `SELECT 1 FROM ticket_timeline_event WHERE ticket_id = $1 AND type = 'ticket.cancelled'`,
        [ticket.id],
      );
      expect(cancellations).toHaveLength(1);
    });
  });
});
