// A restart of PostgreSQL in the middle of the volunteer-hours service's work: ticket-loop events keep
// arriving on Kafka, and staff, volunteers, organisers and members keep calling the API, while the
// server terminates the service's sessions and refuses its connections for a few seconds. Nothing may
// be lost, doubled or dead-lettered; the API answers 503 with Retry-After — never 500 — until the
// database is back, and the clients' retries then succeed.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { EventEnvelope } from '@loop/contracts';
import {
  deadLetterCounts,
  EventFeed,
  PatientHttpClient,
  PatientOutcome,
  RequestBuilder,
  ServiceWithRestartablePostgres,
  startTestServiceWithRestartablePostgres,
  TestService,
  waitFor,
} from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { aMemberId, minutesAgo, TicketLoop } from './support/loop-events';
import { handledEventCount, outboxEvents, queryDatabase } from './support/ledger-database';
import {
  bearer,
  connectClients,
  failedAnswers,
  malformedUnavailableAnswers,
  noWork,
  OutagePhases,
  PhaseCounts,
  registerDistrict,
  settle,
} from './support/outage-scenario';

/** Minutes the organiser approves at every check-out. */
const attendedMinutes = 30;

/** One ticket loop the event stream sent, and the ledger entries it must leave. */
interface SentLoop {
  memberId: string;
  minutes: number;
  confirmation: EventEnvelope;
  reopen: EventEnvelope | undefined;
  events: EventEnvelope[];
}

/** A staff adjustment, by the Idempotency-Key its retries carry. */
interface SentAdjustment {
  key: string;
  memberId: string;
  minutes: number;
}

/** A command or query whose final answer was not the one expected. */
interface UnexpectedAnswer {
  operation: string;
  status: number;
  body: unknown;
}

describe('the volunteer-hours service through a PostgreSQL restart', () => {
  let outage: ServiceWithRestartablePostgres;
  let service: TestService;
  /** The same service as the assertions see it: straight to PostgreSQL, not through the proxy that is cut. */
  let direct: TestService;
  let events: EventFeed;
  let client: PatientHttpClient;

  beforeAll(async () => {
    outage = await startTestServiceWithRestartablePostgres(AppModule, volunteerHoursServiceOptions);
    service = outage.service;
    direct = { ...service, env: { ...service.env, DATABASE_URL: service.database.url } };
    ({ events, client } = await connectClients(service));
  });

  afterAll(async () => {
    // A test that failed halfway leaves its streams running; they end here, before the service does.
    client?.stop();
    await events?.close();
    await outage?.close();
  });

  it('credits every event and carries out every command exactly once, parks nothing, and answers 503 with Retry-After but never 500', async () => {
    // ---- the district: four members credited for tickets, their staff, their unit's admin ----
    const members = [aMemberId(), aMemberId(), aMemberId(), aMemberId()];
    const { communityId, unitId, staff, unitAdmin, memberTokens } = await registerDistrict(
      service,
      events,
      members,
      direct,
    );
    const admin = await service.tokenFor({ sub: 'admin-1', roles: ['admin'] });
    const published = await request(service.app.getHttpServer())
      .post('/activities')
      .set('Authorization', bearer(staff))
      .send({
        title: '重阳节敬老院陪伴',
        place: '幸福里社区敬老院',
        communityId,
        categoryCode: 'elderly_care',
        skills: ['elderly_care'],
        startsAt: minutesAgo(120).toISOString(),
        endsAt: minutesAgo(-60).toISOString(),
        capacity: 1000,
      })
      .expect(201);
    const activityId = published.body.activityId as string;

    const restart = new OutagePhases();
    const unexpected: UnexpectedAnswer[] = [];
    let doneOnRetry = 0;
    /** Commands and queries answered 503 at least once before they went through. */
    const retried = { commands: 0, queries: 0 };

    /**
     * Sends a command until it is not answered 503. A command without an Idempotency-Key that meets
     * the outage may have committed although its answer was lost; its retry is then refused as done
     * already (409 `doneCode`), which a real client takes as success.
     */
    async function command(
      operation: string,
      build: RequestBuilder,
      expected: number,
      doneCode?: string,
    ): Promise<PatientOutcome> {
      const outcome = await client.send(operation, build);
      if (outcome.unavailable > 0) retried[operation.startsWith('GET ') ? 'queries' : 'commands']++;
      const { status, body } = outcome.response;
      if (status === expected) return outcome;
      if (doneCode && outcome.unavailable > 0 && status === 409 && body?.code === doneCode) {
        doneOnRetry++;
        return outcome;
      }
      unexpected.push({ operation, status, body });
      return outcome;
    }

    /** Waits as waitFor does; a timeout also names what was parked, the likeliest reason for it. */
    async function settled(predicate: () => Promise<boolean>, description: string): Promise<void> {
      try {
        await waitFor(predicate, { ...settle, description });
      } catch (error) {
        const parked = await deadLetterCounts(service.namespace.topicPrefix);
        throw new Error(`${(error as Error).message}; on the dead-letter topics: ${JSON.stringify(parked)}`);
      }
    }

    /** Repeats `work` until the restart is over and `work` was started `afterwards` times since. */
    async function keepWorking(work: () => Promise<void>, counts: PhaseCounts, afterwards: number) {
      while (!client.isStopped && (restart.phase !== 'after' || counts.after < afterwards)) {
        counts[restart.phase]++;
        await work();
      }
    }

    // ---- the event stream: ticket loops of the four members, some reopened after the credit ----
    const loops: SentLoop[] = [];
    const loopsSent = noWork();
    async function sendLoops(count: number): Promise<void> {
      for (let sent = 0; sent < count; sent++) {
        const index = loops.length;
        const memberId = members[index % members.length];
        const loop = new TicketLoop(memberId);
        const assignmentId = randomUUID();
        const minutes = 10 + (index % 50);
        const confirmation = loop.confirmed(assignmentId, minutesAgo(20));
        const reopen = index % 4 === 3 ? loop.reopened(assignmentId, minutesAgo(10)) : undefined;
        const loopEvents = [loop.completed(assignmentId, minutes, minutesAgo(30)), confirmation];
        if (reopen) loopEvents.push(reopen);
        loops.push({ memberId, minutes, confirmation, reopen, events: loopEvents });
        loopsSent[restart.phase]++;
        await events.send(...loopEvents);
      }
    }
    // In three parts, so that events arrive before, while and after the database is away without
    // flooding the consumers in between.
    const eventStream = (async () => {
      await sendLoops(30);
      await restart.struck;
      await sendLoops(30);
      await restart.recovered;
      await sendLoops(20);
    })();

    // ---- the HTTP streams ----
    const adjustments: SentAdjustment[] = [];
    const adjustmentsStarted = noWork();
    const adjust = async () => {
      const index = adjustments.length;
      const adjustment = {
        key: randomUUID(),
        memberId: members[index % members.length],
        minutes: 5 + (index % 20),
      };
      adjustments.push(adjustment);
      await command(
        'POST /members/:memberId/adjustments',
        (http) =>
          http
            .post(`/members/${adjustment.memberId}/adjustments`)
            .set('Authorization', bearer(staff))
            .set('Idempotency-Key', adjustment.key)
            .send({ minutes: adjustment.minutes, reason: '按签到表补录服务时长' }),
        201,
      );
    };

    const volunteers: string[] = [];
    const volunteersStarted = noWork();
    const volunteer = async () => {
      const memberId = aMemberId();
      volunteers.push(memberId);
      const token = await service.tokenFor({
        sub: memberId,
        roles: ['member'],
        community_ids: [communityId],
      });
      const signUps = `/activities/${activityId}/sign-ups`;
      await command(
        'POST /activities/:activityId/sign-ups',
        (http) => http.post(signUps).set('Authorization', bearer(token)),
        201,
        'activity.already-signed-up',
      );
      await command(
        'POST /activities/:activityId/sign-ups/:memberId/check-in',
        (http) => http.post(`${signUps}/${memberId}/check-in`).set('Authorization', bearer(staff)),
        200,
        'activity.attendance-conflict',
      );
      await command(
        'POST /activities/:activityId/sign-ups/:memberId/check-out',
        (http) =>
          http
            .post(`${signUps}/${memberId}/check-out`)
            .set('Authorization', bearer(staff))
            .send({ minutes: attendedMinutes }),
        200,
        'activity.attendance-conflict',
      );
    };

    const readsStarted = noWork();
    let readIndex = 0;
    const reads: Array<[string, (index: number) => RequestBuilder]> = [
      [
        'GET /members/:memberId/statement',
        (index) => (http) =>
          http
            .get(`/members/${members[index % members.length]}/statement`)
            .set('Authorization', bearer(memberTokens[index % members.length])),
      ],
      [
        'GET /totals',
        () => (http) =>
          http.get('/totals').query({ groupBy: 'member', communityId }).set('Authorization', bearer(staff)),
      ],
      [
        'GET /leaderboards/units/:unitId',
        (index) => (http) =>
          http
            .get(`/leaderboards/units/${unitId}`)
            .set('Authorization', bearer(memberTokens[index % members.length])),
      ],
      [
        'GET /activities/:activityId',
        (index) => (http) =>
          http
            .get(`/activities/${activityId}`)
            .set('Authorization', bearer(memberTokens[index % members.length])),
      ],
    ];
    const read = async () => {
      const index = readIndex++;
      const [operation, build] = reads[index % reads.length];
      await command(operation, build(index), 200);
    };

    const httpStreams = [
      keepWorking(adjust, adjustmentsStarted, 10),
      keepWorking(adjust, adjustmentsStarted, 10),
      keepWorking(adjust, adjustmentsStarted, 10),
      keepWorking(volunteer, volunteersStarted, 4),
      keepWorking(volunteer, volunteersStarted, 4),
      keepWorking(read, readsStarted, 12),
      keepWorking(read, readsStarted, 12),
    ];

    // Their failures surface below, where they are awaited; after a failed test they are left alone.
    for (const stream of [eventStream, ...httpStreams]) stream.catch(() => undefined);

    // ---- the restart, once both streams are under way and the consumers are busy ----
    await waitFor(
      async () =>
        loops.length >= 15 &&
        adjustmentsStarted.before >= 8 &&
        volunteersStarted.before >= 4 &&
        readsStarted.before >= 8 &&
        (await handledEventCount(direct)) >= members.length + 10,
      { ...settle, description: 'the events and the HTTP commands to be under way' },
    );
    restart.strike();
    await outage.restartPostgres(3_000);
    restart.recover();
    await Promise.all([eventStream, ...httpStreams]);

    // ---- what the clients were told ----
    expect(failedAnswers(client)).toEqual([]);
    expect(malformedUnavailableAnswers(client)).toEqual([]);
    expect(unexpected).toEqual([]);

    // ---- everything settles: every event handled, every check-out credited, the outbox relayed ----
    const sentEventIds = loops.flatMap((loop) => loop.events.map((event) => event.eventId));
    await settled(async () => {
      const [{ count }] = await queryDatabase<{ count: number }>(
        direct,
        `SELECT COUNT(*)::int AS count FROM inbox WHERE event_id = ANY($1::uuid[])`,
        [sentEventIds],
      );
      return count === sentEventIds.length;
    }, `all ${sentEventIds.length} ticket-loop events to be handled`);
    await settled(
      async () =>
        (await queryDatabase(direct, `SELECT 1 FROM ledger_entry WHERE source_kind = 'activity'`)).length >=
        volunteers.length,
      `the ${volunteers.length} check-outs to be credited`,
    );
    await settled(
      async () =>
        (await queryDatabase(direct, `SELECT 1 FROM outbox WHERE published_at IS NULL`)).length === 0,
      'the outbox to be relayed',
    );

    // ---- it struck while work was in flight ----
    const metrics = await request(service.app.getHttpServer()).get('/metrics').expect(200);
    const waited = metrics.text
      .split('\n')
      .filter(
        (line) => line.startsWith('kafka_consumer_messages_total{') && line.includes('outcome="waiting"'),
      )
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    expect({
      loopsSentWhileDown: loopsSent.down > 0,
      commandsRetriedThroughTheOutage: retried.commands > 0,
      answered503: client.answered(503).length > 0,
      consumersWaitedForTheDatabase: waited > 0,
    }).toEqual({
      loopsSentWhileDown: true,
      commandsRetriedThroughTheOutage: true,
      answered503: true,
      consumersWaitedForTheDatabase: true,
    });

    // ---- every event's effect exactly once ----
    const ticketEntries = await queryDatabase<{
      cause: string;
      kind: string;
      member_id: string;
      minutes: number;
    }>(
      direct,
      `SELECT caused_by_event_id AS cause, kind, member_id, minutes FROM ledger_entry WHERE source_kind = 'ticket'`,
    );
    const expectedTicketEntries = loops.flatMap((loop) => [
      { cause: loop.confirmation.eventId, kind: 'credit', member_id: loop.memberId, minutes: loop.minutes },
      ...(loop.reopen
        ? [{ cause: loop.reopen.eventId, kind: 'reversal', member_id: loop.memberId, minutes: -loop.minutes }]
        : []),
    ]);
    const byCause = (a: { cause: string; kind: string }, b: { cause: string; kind: string }) =>
      `${a.cause}${a.kind}`.localeCompare(`${b.cause}${b.kind}`);
    expect(ticketEntries.sort(byCause)).toEqual(expectedTicketEntries.sort(byCause));

    // ---- every command's effect exactly once ----
    const adjustmentEntries = await queryDatabase<{ key: string; member_id: string; minutes: number }>(
      direct,
      `SELECT caused_by_event_id AS key, member_id, minutes FROM ledger_entry WHERE kind = 'adjustment'`,
    );
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(adjustmentEntries.sort(byKey)).toEqual(
      adjustments.map(({ key, memberId, minutes }) => ({ key, member_id: memberId, minutes })).sort(byKey),
    );
    const signUps = await queryDatabase<{
      member_id: string;
      status: string;
      checked_in: boolean;
      credited_minutes: number;
    }>(
      direct,
      `SELECT member_id, status, checked_in_at IS NOT NULL AS checked_in, credited_minutes
         FROM activity_sign_up WHERE activity_id = $1 ORDER BY member_id`,
      [activityId],
    );
    expect(signUps).toEqual(
      [...volunteers].sort().map((memberId) => ({
        member_id: memberId,
        status: 'signed_up',
        checked_in: true,
        credited_minutes: attendedMinutes,
      })),
    );
    const announced = async (type: string) =>
      (await outboxEvents(direct, type)).map((event) => event.payload.memberId as string).sort();
    expect(await announced('activity.signed_up')).toEqual([...volunteers].sort());
    expect(await announced('activity.checked_out')).toEqual([...volunteers].sort());
    const activityCredits = await queryDatabase<{ member_id: string; minutes: number }>(
      direct,
      `SELECT member_id, minutes FROM ledger_entry WHERE source_kind = 'activity' ORDER BY member_id`,
    );
    expect(activityCredits).toEqual(
      [...volunteers].sort().map((memberId) => ({ member_id: memberId, minutes: attendedMinutes })),
    );
    // One hours.credited per credit, and one hours.reversed per reversal: the outbox rows rolled back
    // with their entries when the restart aborted the transactions that wrote them.
    const entryIds = async (kind: string) =>
      (
        await queryDatabase<{ id: string }>(
          direct,
          `SELECT id FROM ledger_entry WHERE kind = $1 ORDER BY id`,
          [kind],
        )
      ).map((row) => row.id);
    expect(
      (await outboxEvents(direct, 'hours.credited')).map((event) => event.payload.entryId).sort(),
    ).toEqual(await entryIds('credit'));
    expect(
      (await outboxEvents(direct, 'hours.reversed')).map((event) => event.payload.entryId).sort(),
    ).toEqual(await entryIds('reversal'));

    // ---- as the API tells it ----
    for (const [index, memberId] of members.entries()) {
      const expectedMinutes =
        loops
          .filter((loop) => loop.memberId === memberId && !loop.reopen)
          .reduce((sum, loop) => sum + loop.minutes, 0) +
        adjustments
          .filter((adjustment) => adjustment.memberId === memberId)
          .reduce((sum, { minutes }) => sum + minutes, 0);
      const statement = await request(service.app.getHttpServer())
        .get(`/members/${memberId}/statement`)
        .set('Authorization', bearer(memberTokens[index]))
        .expect(200);
      expect({ memberId, closingMinutes: statement.body.closingMinutes }).toEqual({
        memberId,
        closingMinutes: expectedMinutes,
      });
    }
    const verification = await request(service.app.getHttpServer())
      .get('/ledger/verification')
      .set('Authorization', bearer(admin))
      .expect(200);
    expect(verification.body).toMatchObject({ intact: true, firstBrokenLink: null });
    // The unit's board was written inside the transactions the restart aborted; their retries set the
    // scores again, so the board agrees with the ledger.
    const totals = await request(service.app.getHttpServer())
      .get('/totals')
      .query({ groupBy: 'member', unitId })
      .set('Authorization', bearer(unitAdmin))
      .expect(200);
    const board = await request(service.app.getHttpServer())
      .get(`/leaderboards/units/${unitId}`)
      .query({ limit: 100 })
      .set('Authorization', bearer(unitAdmin))
      .expect(200);
    expect(
      board.body.rows
        .map((row: { memberId: string; minutes: number }) => `${row.memberId}=${row.minutes}`)
        .sort(),
    ).toEqual(
      totals.body.rows.map((row: { key: string; minutes: number }) => `${row.key}=${row.minutes}`).sort(),
    );

    expect(await deadLetterCounts(service.namespace.topicPrefix)).toEqual({});
    // For the record of the run: how the clients rode the outage out.
    process.stdout.write(
      `postgres restart: ${loops.length} ticket loops (${loopsSent.down} while down), ${adjustments.length} adjustments, ${volunteers.length} volunteers, ${readIndex} reads; ${client.answered(503).length} answers 503; ${retried.commands} commands and ${retried.queries} queries retried through the outage, ${doneOnRetry} found done on retry\n`,
    );
  }, 120_000);
});
