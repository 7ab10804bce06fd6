// A restart of Redis in the middle of the volunteer-hours service's work: hours keep being credited
// from ticket-loop events and members keep reading their leaderboards while the service's Redis
// connection is cut, its keys are gone (the machine's Redis keeps nothing on disk, so a restart empties
// it) and it comes back. The boards must come back by themselves, equal to the ledger; reads answer 503
// with Retry-After while Redis is away, never 500; and no event is parked.
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import type { EventEnvelope } from '@loop/contracts';
import {
  deadLetterCounts,
  EventFeed,
  PatientHttpClient,
  startTcpProxyTo,
  startTestService,
  TcpProxy,
  testRedisUrl,
  TestService,
  throughProxy,
  waitFor,
} from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { aMemberId, minutesAgo, TicketLoop } from './support/loop-events';
import { queryDatabase } from './support/ledger-database';
import {
  bearer,
  connectClients,
  failedAnswers,
  malformedUnavailableAnswers,
  noWork,
  OutagePhases,
  registerDistrict,
  settle,
} from './support/outage-scenario';

/** Deletes every key under `prefix`, as a restart of Redis does. */
async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}

/** A board as the API lists it, or totals as the API sums them, as comparable `member=minutes` lines. */
function scores(rows: Array<{ memberId?: string; key?: string; minutes: number }>): string[] {
  return rows.map((row) => `${row.memberId ?? row.key}=${row.minutes}`).sort();
}

describe('the volunteer-hours leaderboards through a Redis restart', () => {
  let redisProxy: TcpProxy;
  let service: TestService;
  /** The machine's Redis itself, not through the proxy: what a restart does to the service's keys. */
  let redis: Redis;
  let events: EventFeed;
  let client: PatientHttpClient;

  beforeAll(async () => {
    redisProxy = await startTcpProxyTo(testRedisUrl(), 6379);
    service = await startTestService(AppModule, volunteerHoursServiceOptions, {
      env: { REDIS_URL: throughProxy(testRedisUrl(), redisProxy) },
    });
    redis = new Redis(testRedisUrl());
    ({ events, client } = await connectClients(service));
  });

  afterAll(async () => {
    // A test that failed halfway leaves its streams running; they end here, before the service does.
    client?.stop();
    redis?.disconnect();
    await events?.close();
    // Connections must be possible again for the service to shut down cleanly.
    await redisProxy?.restore().catch(() => undefined);
    await service?.close();
    await redisProxy?.close();
  });

  it('rebuilds the boards from the ledger by itself once Redis is back empty, and answers 503 but never 500 meanwhile', async () => {
    // Members credited all along, and members whose last credit is made while Redis is away: only a
    // restoration from the ledger can bring the second ones' scores back.
    const creditedThroughout = [aMemberId(), aMemberId()];
    const creditedUntilTheOutage = [aMemberId(), aMemberId(), aMemberId()];
    const members = [...creditedThroughout, ...creditedUntilTheOutage];
    const { communityId, unitId, staff, unitAdmin, memberTokens } = await registerDistrict(
      service,
      events,
      members,
    );
    const restart = new OutagePhases();

    // ---- the event stream: ticket loops, credited once confirmed ----
    const sent: EventEnvelope[] = [];
    const loopsSent = noWork();
    async function sendLoops(count: number, creditees: readonly string[]): Promise<void> {
      for (let index = 0; index < count; index++) {
        const memberId = creditees[(loopsSent.before + loopsSent.down + loopsSent.after) % creditees.length];
        const loop = new TicketLoop(memberId);
        const assignmentId = randomUUID();
        const loopEvents = [
          loop.completed(assignmentId, 10 + (index % 40), minutesAgo(30)),
          loop.confirmed(assignmentId, minutesAgo(20)),
        ];
        sent.push(...loopEvents);
        loopsSent[restart.phase]++;
        await events.send(...loopEvents);
      }
    }
    // In three parts, so that credits are made before, while and after Redis is away without flooding
    // the consumers in between.
    const eventStream = (async () => {
      await sendLoops(20, members);
      await restart.struck;
      await sendLoops(20, members);
      await restart.recovered;
      await sendLoops(12, creditedThroughout);
    })();

    // ---- the HTTP stream: members and unit admins reading the boards ----
    const reads = noWork();
    const unexpected: Array<{ operation: string; status: number; body: unknown }> = [];
    async function keepReading(): Promise<void> {
      while (!client.isStopped && (restart.phase !== 'after' || reads.after < 10)) {
        const index = reads.before + reads.down + reads.after;
        reads[restart.phase]++;
        const [operation, path, token] =
          index % 2 === 0
            ? [
                'GET /leaderboards/communities/:communityId',
                `/leaderboards/communities/${communityId}`,
                memberTokens[index % members.length],
              ]
            : ['GET /leaderboards/units/:unitId', `/leaderboards/units/${unitId}`, unitAdmin];
        const { response } = await client.send(operation, (http) =>
          http.get(path).set('Authorization', bearer(token)),
        );
        if (response.status !== 200)
          unexpected.push({ operation, status: response.status, body: response.body });
      }
    }
    const readers = [keepReading(), keepReading()];
    // Their failures surface below, where they are awaited; after a failed test they are left alone.
    for (const stream of [eventStream, ...readers]) stream.catch(() => undefined);

    // ---- the restart, once hours are being credited and the boards read ----
    const ledgerSize = async () =>
      (await queryDatabase<{ count: number }>(service, `SELECT COUNT(*)::int AS count FROM ledger_entry`))[0]
        .count;
    const handled = async (eventIds: string[]) =>
      (await queryDatabase(service, `SELECT 1 FROM inbox WHERE event_id = ANY($1::uuid[])`, [eventIds]))
        .length;
    await waitFor(async () => reads.before >= 6 && (await ledgerSize()) >= 5, {
      ...settle,
      description: 'hours to be credited and the boards read',
    });
    restart.strike();
    await redisProxy.cut();
    const creditedBeforeTheCut = await ledgerSize();
    const deletedKeys = await deleteKeys(redis, service.namespace.redisKeyPrefix);
    // Redis stays away until every credit sent so far is in the ledger — the last ones of the members
    // credited until the outage among them, which cannot reach the boards — and a read was refused.
    await waitFor(
      async () => {
        const sentSoFar = sent.map((event) => event.eventId);
        return (
          loopsSent.down >= 20 &&
          (await handled(sentSoFar)) === sentSoFar.length &&
          client.answered(503).length > 0
        );
      },
      {
        ...settle,
        description: 'the credits sent so far to be made, and a read refused, while Redis is away',
      },
    );
    const creditedWhileAway = (await ledgerSize()) - creditedBeforeTheCut;
    await redisProxy.restore();
    restart.recover();
    await Promise.all([eventStream, ...readers]);

    // ---- what the readers were told ----
    expect(failedAnswers(client)).toEqual([]);
    expect(malformedUnavailableAnswers(client)).toEqual([]);
    expect(unexpected).toEqual([]);

    // ---- every credit made, and the boards back as the ledger has them ----
    const sentIds = sent.map((event) => event.eventId);
    await waitFor(async () => (await handled(sentIds)) === sentIds.length, {
      ...settle,
      description: `all ${sentIds.length} ticket-loop events to be handled`,
    });
    const boardsAndLedger = async () => {
      const [communityBoard, unitBoard, communityTotals, unitTotals] = await Promise.all([
        request(service.app.getHttpServer())
          .get(`/leaderboards/communities/${communityId}`)
          .query({ limit: 100 })
          .set('Authorization', bearer(staff)),
        request(service.app.getHttpServer())
          .get(`/leaderboards/units/${unitId}`)
          .query({ limit: 100 })
          .set('Authorization', bearer(unitAdmin)),
        request(service.app.getHttpServer())
          .get('/totals')
          .query({ groupBy: 'member', communityId })
          .set('Authorization', bearer(staff)),
        request(service.app.getHttpServer())
          .get('/totals')
          .query({ groupBy: 'member', unitId })
          .set('Authorization', bearer(unitAdmin)),
      ]);
      return {
        boards: { community: scores(communityBoard.body.rows), unit: scores(unitBoard.body.rows) },
        ledger: { community: scores(communityTotals.body.rows), unit: scores(unitTotals.body.rows) },
      };
    };
    const restored = await waitFor(
      async () => {
        const seen = await boardsAndLedger();
        return JSON.stringify(seen.boards) === JSON.stringify(seen.ledger) && seen;
      },
      { ...settle, description: 'the boards to equal the ledger' },
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await boardsAndLedger())}`);
    });
    expect(restored.boards.community).toHaveLength(members.length);
    expect(restored.boards).toEqual(restored.ledger);

    // ---- it struck while the work was under way ----
    expect({
      keysDeleted: deletedKeys > 0,
      loopsSentWhileAway: loopsSent.down > 0,
      creditedWhileAway: creditedWhileAway > 0,
      readsRefusedWhileAway: client.answered(503).length > 0,
    }).toEqual({
      keysDeleted: true,
      loopsSentWhileAway: true,
      creditedWhileAway: true,
      readsRefusedWhileAway: true,
    });

    expect(await deadLetterCounts(service.namespace.topicPrefix)).toEqual({});
    process.stdout.write(
      `redis restart: ${deletedKeys} keys deleted; ${loopsSent.before + loopsSent.down + loopsSent.after} ticket loops (${loopsSent.down} while away), ${creditedWhileAway} entries appended while away; ${reads.before + reads.down + reads.after} reads, ${client.answered(503).length} answered 503\n`,
    );
  }, 120_000);
});
