// A restart of PostgreSQL as dispatch sees it, in the middle of its work: ticket events keep arriving
// through Kafka, members answer offers and staff dispatch through the HTTP API, and everyone keeps
// looking at boards and task lists, while the service's sessions are terminated and its connections
// refused for a few seconds. Nothing may be lost, doubled or dead-lettered, and the outage may show to
// HTTP clients only as 503 problem+json with Retry-After, after which they send the same request again.
import { connect } from 'node:net';
import {
  EventDefinition,
  EventEnvelope,
  ticketCancelledV1,
  ticketReopenedV1,
  TicketSubmittedV1,
} from '@loop/contracts';
import {
  deadLetterCounts,
  listenOnLoopback,
  PatientHttpClient,
  ServiceWithRestartablePostgres,
  startTestServiceWithRestartablePostgres,
  TestService,
  waitFor,
} from '@loop/testing';
import request, { Response, Test } from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { dispatchServiceOptions } from '../../src/service-options';
import { aSubmittedTicket, AssignmentHarness, seedDirectory, tokensOf, world } from './assignment-world';

/** An offer as ticket.dispatched announced it. */
interface Offer {
  ticketId: string;
  assignmentId: string;
  assigneeId: string;
}

/** Which half of a person's work: before PostgreSQL goes away, or from the moment it is away. */
type Half = 0 | 1;

// How long a client keeps sending one request that is answered 503 before the suite calls the service broken.
const CLIENT_PATIENCE_MS = 30_000;
// Generous: a busy two-core machine catches up on a backlog after the restart.
const SETTLE_MS = 40_000;
// How long PostgreSQL refuses the service's connections.
const DOWN_FOR_MS = 3_000;

/** A ticket for the community where staff dispatch by hand. */
function aTicketForStaff(): TicketSubmittedV1 {
  return aSubmittedTicket({
    communityId: world.communityB,
    gridId: world.gridB1,
    householdId: undefined,
    compoundId: undefined,
  });
}

/** Tickets of each kind intake tells apart: queued for staff, offered to a household's member, offered in a grid. */
function aMixOfTickets(count: number): TicketSubmittedV1[] {
  const kinds = [
    aTicketForStaff,
    () => aSubmittedTicket(),
    () => aSubmittedTicket({ gridId: world.gridA2, householdId: undefined, compoundId: undefined }),
  ];
  return Array.from({ length: count }, (_, index) => kinds[index % kinds.length]());
}

/** Whether a new connection to the port on 127.0.0.1 is refused right now. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('dispatch through a PostgreSQL restart in the middle of its work', () => {
  let restartable: ServiceWithRestartablePostgres;
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let dataSource: DataSource;
  const http = () => request(service.app.getHttpServer());
  // Patient clients, as real ones ride out the outage: after a 503 they wait as long as Retry-After asks
  // and send the same request again. One for commands and one for queries, so that every answer and
  // every request in flight is known by kind.
  const patientClient = () =>
    new PatientHttpClient(() => service.app.getHttpServer(), { patienceMs: CLIENT_PATIENCE_MS });
  const commands = patientClient();
  const queries = patientClient();
  // Set when the test ends early, so that the streams stop instead of outliving the service.
  let abandoned = false;
  const abandon = () => {
    abandoned = true;
    commands.stop();
    queries.stop();
  };

  beforeAll(async () => {
    // The dispatch consumers belong to the messaging backbone, which starts with the app: there is no
    // Nest microservice to start, as in the other suites of this service.
    restartable = await startTestServiceWithRestartablePostgres(AppModule, dispatchServiceOptions, {
      env: {
        LOG_LEVEL: 'error',
        SLA_WORKING_TIME: 'wall_clock',
        // No offer lapses and no deadline passes during the suite: every effect comes from the streams.
        SLA_POLICY_OVERRIDES: JSON.stringify([
          { offerMinutes: 60, acceptMinutes: 120, completeMinutes: 600 },
        ]),
      },
    });
    service = restartable.service;
    // Concurrent requests must not cut each other's listener.
    await listenOnLoopback(service.app);
    dataSource = service.app.get(DataSource);
    await seedDirectory(dataSource);
    harness = await AssignmentHarness.start(service);
    tokens = await tokensOf(service);
  }, 60_000);

  afterAll(async () => {
    abandon();
    await harness?.stop();
    await restartable?.close();
  });

  /**
   * A command, sent until it is not a 503; it must then have succeeded. A connection lost while
   * PostgreSQL committed leaves the client not knowing whether an attempt answered 503 took effect; a
   * retry then meets its own effect as a 409. A real client reads back what it wanted to do
   * (`tookEffect`); the effect counts below show whether it happened once.
   */
  async function command(
    what: string,
    expected: 200 | 201,
    send: () => Test,
    tookEffect?: () => Promise<boolean>,
  ): Promise<Response> {
    const { response, unavailable } = await commands.send(what, send);
    if (response.status === expected) return response;
    if (unavailable > 0 && response.status === 409 && tookEffect && (await tookEffect())) return response;
    throw new Error(`${what} was answered ${response.status}: ${JSON.stringify(response.body)}`);
  }

  /** A query, sent until it is not a 503; it must then have been answered. */
  async function query(what: string, send: () => Test): Promise<Response> {
    const { response } = await queries.send(what, send);
    if (response.status !== 200) {
      throw new Error(`${what} was answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response;
  }

  /** A member takes an offer through to completion: accept, start, complete. */
  async function workThrough(offer: Offer, token: string, minutesSpent: number): Promise<void> {
    for (const step of ['accept', 'start'] as const) {
      await command(`${step} ${offer.assignmentId}`, 200, () =>
        http().post(`/assignments/${offer.assignmentId}/${step}`).set('Authorization', token),
      );
    }
    await command(`complete ${offer.assignmentId}`, 200, () =>
      http()
        .post(`/assignments/${offer.assignmentId}/complete`)
        .set('Authorization', token)
        .send({ minutesSpent, note: '已处理' }),
    );
  }

  /** Submits the tickets and waits until each has its offer; returns the offers in the tickets' order. */
  async function offered(tickets: TicketSubmittedV1[]): Promise<Offer[]> {
    for (const ticket of tickets) await harness.submit(ticket);
    const offers: Offer[] = [];
    for (const ticket of tickets) {
      const [dispatched] = await harness.waitForEvents<{ assignmentId: string; assignee: { id: string } }>(
        ticket.ticketId,
        'ticket.dispatched',
      );
      offers.push({
        ticketId: ticket.ticketId,
        assignmentId: dispatched.payload.assignmentId,
        assigneeId: dispatched.payload.assignee.id,
      });
    }
    return offers;
  }

  /** Publishes a ticket event of the requests service, as a resident caused it; returns the envelope. */
  async function residentDid<P extends object>(
    definition: EventDefinition<P>,
    payload: P,
  ): Promise<EventEnvelope> {
    return harness.feed.publish(definition, payload, { actor: { role: 'resident', id: 'resident-1' } });
  }

  function cancel(offer: Offer): Promise<EventEnvelope> {
    return residentDid(ticketCancelledV1, {
      ticketId: offer.ticketId,
      reasonCode: 'withdrawn',
      cancelledAt: new Date().toISOString(),
    });
  }

  function confirm(offer: Offer): Promise<EventEnvelope> {
    return harness.confirm(offer.ticketId, offer.assignmentId);
  }

  function reopen(offer: Offer): Promise<EventEnvelope> {
    return residentDid(ticketReopenedV1, {
      ticketId: offer.ticketId,
      assignmentId: offer.assignmentId,
      reopenedFrom: 'closed',
      reasonCode: 'recurred',
      reopenCount: 1,
      reopenedAt: new Date().toISOString(),
    });
  }

  async function count(sql: string, parameters: unknown[]): Promise<number> {
    const rows: Array<{ count: string }> = await dataSource.query(sql, parameters);
    return Number(rows[0].count);
  }

  /** Outbox rows of a type about one ticket. */
  function eventsAbout(ticketId: string, type: string): Promise<number> {
    return count(`SELECT count(*) AS count FROM outbox WHERE aggregateid = $1 AND type = $2`, [
      ticketId,
      type,
    ]);
  }

  /** Outbox rows of a type about one assignment. */
  function eventsOfAssignment(assignmentId: string, type: string): Promise<number> {
    return count(
      `SELECT count(*) AS count FROM outbox WHERE type = $2 AND payload->'payload'->>'assignmentId' = $1`,
      [assignmentId, type],
    );
  }

  /** The dispatch case as staff of its community read it through the API. */
  async function caseOf(ticketId: string, staffToken: string): Promise<Record<string, unknown>> {
    const response = await http()
      .get(`/dispatch-cases/${ticketId}`)
      .set('Authorization', staffToken)
      .expect(200);
    return response.body as Record<string, unknown>;
  }

  it('handles every ticket event and every member’s and staff’s command exactly once, parks nothing, and answers only 503 with Retry-After while the database is away', async () => {
    const tokenOf: Record<string, string> = {
      [world.linkedMember]: tokens.linkedMember,
      [world.repairMember]: tokens.repairMember,
      [world.plainMember]: tokens.plainMember,
    };

    // Work waiting before the streams begin: offers to answer, tickets for staff, tickets to be cancelled.
    const toComplete = await offered(Array.from({ length: 4 }, () => aSubmittedTicket()));
    const toDecline = await offered([aSubmittedTicket(), aSubmittedTicket()]);
    const toCancel = await offered(Array.from({ length: 3 }, () => aSubmittedTicket()));
    // Grid A1 without a household: offered to the grid's members, as the ranking sees fit.
    const inGrid = await offered(
      Array.from({ length: 4 }, () => aSubmittedTicket({ householdId: undefined, compoundId: undefined })),
    );
    // The last of them staff keep re-dispatching between the grid's two members.
    const toRedispatch = inGrid.pop()!;
    const forStaff = Array.from({ length: 4 }, aTicketForStaff);
    for (const ticket of forStaff) await harness.submit(ticket);
    for (const ticket of forStaff) await harness.waitForEvents(ticket.ticketId, 'ticket.queued');
    expect(new Set([...toComplete, ...toDecline, ...toCancel].map((offer) => offer.assigneeId))).toEqual(
      new Set([world.linkedMember]),
    );
    const minutesFor = new Map(
      [...toComplete, ...inGrid].map((offer, index) => [offer.assignmentId, 15 + index]),
    );

    // Each person's work comes in two halves: the first before PostgreSQL goes away, the second from
    // the moment it is seen to be away, so that those commands certainly meet the outage.
    let seenAway!: () => void;
    const databaseAway = new Promise<void>((resolve) => (seenAway = resolve));
    let commandsDone = false;
    let restarted = false;
    const streamsOver = () => (commandsDone && restarted) || abandoned;

    const people: Array<(half: Half) => Promise<void>> = [
      // The linked member works through half the offers and declines one, in each half.
      async (half) => {
        for (const [index, offer] of toComplete.entries()) {
          if (index % 2 === half) {
            await workThrough(offer, tokens.linkedMember, minutesFor.get(offer.assignmentId)!);
          }
        }
        await command(`decline ${toDecline[half].assignmentId}`, 200, () =>
          http()
            .post(`/assignments/${toDecline[half].assignmentId}/decline`)
            .set('Authorization', tokens.linkedMember)
            .send({ reasonCode: 'busy', reasonText: '本周出差' }),
        );
      },
      // The grid's members work through their offers, one before and the others during the outage.
      async (half) => {
        for (const [index, offer] of inGrid.entries()) {
          if (Math.min(index, 1) === half) {
            await workThrough(offer, tokenOf[offer.assigneeId], minutesFor.get(offer.assignmentId)!);
          }
        }
      },
      // Staff of community B dispatch their waiting tickets to member B.
      async (half) => {
        for (const [index, ticket] of forStaff.entries()) {
          if (index % 2 === half) {
            await command(`dispatch ${ticket.ticketId}`, 201, () =>
              http()
                .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
                .set('Authorization', tokens.staffB)
                .send({ assignee: { kind: 'member', id: world.memberB } }),
            );
          }
        }
      },
    ];

    // Member B does not know when staff dispatch: the app looks for new offers and accepts each one.
    const acceptedByMemberB = new Set<string>();
    const memberB = async () => {
      while (acceptedByMemberB.size < forStaff.length && !abandoned) {
        const fresh = await waitFor(
          async () => {
            if (abandoned) return [];
            const offers = await query('my offers (member B)', () =>
              http().get('/me/offers').set('Authorization', tokens.memberB),
            );
            const ids = (offers.body as Array<{ id: string }>).map((offer) => offer.id);
            return ids.some((id) => !acceptedByMemberB.has(id)) ? ids : undefined;
          },
          { timeoutMs: SETTLE_MS, intervalMs: 100, description: 'a new offer to member B' },
        );
        for (const id of fresh.filter((offerId) => !acceptedByMemberB.has(offerId))) {
          await command(
            `accept ${id}`,
            200,
            () => http().post(`/assignments/${id}/accept`).set('Authorization', tokens.memberB),
            async () => {
              const tasks = await query('my tasks (member B)', () =>
                http().get('/me/tasks').set('Authorization', tokens.memberB),
              );
              return (tasks.body as Array<{ id: string }>).some((task) => task.id === id);
            },
          );
          acceptedByMemberB.add(id);
        }
      }
    };

    // Staff A moves one ticket back and forth between the grid's two members for as long as the streams
    // last: a command that is always under way, whatever moment the restart strikes.
    let current = toRedispatch;
    let redispatches = 0;
    const redispatchBackAndForth = async () => {
      while (!streamsOver()) {
        const replaced = current;
        const to = replaced.assigneeId === world.repairMember ? world.plainMember : world.repairMember;
        const response = await command(
          `redispatch ${replaced.assignmentId} to ${to}`,
          201,
          () =>
            http()
              .post(`/dispatch-cases/${toRedispatch.ticketId}/redispatch`)
              .set('Authorization', tokens.staffA)
              .send({ replacesAssignmentId: replaced.assignmentId, assignee: { kind: 'member', id: to } }),
          async () => {
            const dispatchCase = await query('the re-dispatched case', () =>
              http().get(`/dispatch-cases/${toRedispatch.ticketId}`).set('Authorization', tokens.staffA),
            );
            const { currentAssignmentId, assignee } = dispatchCase.body as {
              currentAssignmentId: string;
              assignee: { id: string } | null;
            };
            if (currentAssignmentId === replaced.assignmentId || assignee?.id !== to) return false;
            current = { ...replaced, assignmentId: currentAssignmentId, assigneeId: to };
            return true;
          },
        );
        if (response.status === 201) {
          current = { ...replaced, assignmentId: (response.body as { id: string }).id, assigneeId: to };
        }
        redispatches++;
      }
    };

    const firstHalves = people.map((work) => work(0));
    const commandStream = Promise.all([
      ...firstHalves.map((first, index) => first.then(() => databaseAway).then(() => people[index](1))),
      memberB(),
    ]).then(() => {
      commandsDone = true;
    });
    const ongoingStreams = Promise.all([
      redispatchBackAndForth(),
      ...[
        [
          'the open board of community A',
          () =>
            http()
              .get(`/communities/${world.communityA}/dispatch-board?view=open`)
              .set('Authorization', tokens.staffA),
        ] as const,
        [
          'the board of community B',
          () =>
            http()
              .get(`/communities/${world.communityB}/dispatch-board?view=unassigned`)
              .set('Authorization', tokens.staffB),
        ] as const,
        [
          'a dispatch case',
          () => http().get(`/dispatch-cases/${toComplete[0].ticketId}`).set('Authorization', tokens.staffA),
        ] as const,
        [
          'my tasks (linked member)',
          () => http().get('/me/tasks').set('Authorization', tokens.linkedMember),
        ] as const,
        [
          'my escalations (secretary)',
          () => http().get('/escalations/mine').set('Authorization', tokens.secretaryA),
        ] as const,
      ].map(async ([what, send]) => {
        while (!streamsOver()) await query(what, send);
      }),
    ]);
    // All are awaited below; this only keeps an early failure of one from going unhandled meanwhile.
    for (const stream of [commandStream, ongoingStreams, ...firstHalves]) stream.catch(() => undefined);

    try {
      // The event stream: a third just before the restart, a third (with cancellations and a
      // redelivery) while the database is away, a third once it is back.
      await Promise.all(firstHalves);
      const submitted = aMixOfTickets(9);
      const published: EventEnvelope[] = [];
      for (const ticket of submitted) published.push(await harness.submit(ticket));

      const inFlightWhenStruck = { command: commands.inFlight, query: queries.inFlight };
      const restart = restartable.restartPostgres(DOWN_FOR_MS);
      await waitFor(() => refusesConnections(restartable.proxy.port), {
        timeoutMs: 10_000,
        intervalMs: 20,
        description: 'PostgreSQL to refuse the service’s connections',
      });
      seenAway();
      const whileAway = aMixOfTickets(9);
      for (const ticket of whileAway) published.push(await harness.submit(ticket));
      for (const offer of toCancel) published.push(await cancel(offer));
      // Residents confirm two tickets finished before the restart; one of them they will reopen.
      const [toClose, , toReopen] = toComplete;
      for (const offer of [toClose, toReopen]) published.push(await confirm(offer));
      // A redelivery of an event of the first third.
      await harness.feed.send(published[0]);
      submitted.push(...whileAway);
      await restart;
      restarted = true;

      const afterwards = aMixOfTickets(9);
      for (const ticket of afterwards) published.push(await harness.submit(ticket));
      published.push(await reopen(toReopen));
      submitted.push(...afterwards);
      await Promise.all([commandStream, ongoingStreams]);

      // It struck while work was in flight: commands and queries were awaiting answers, both streams met
      // the outage, and the consumer waited for the database instead of parking what it was handling.
      expect(inFlightWhenStruck.command).toBeGreaterThan(0);
      expect(inFlightWhenStruck.query).toBeGreaterThan(0);
      expect(commands.answered(503).length).toBeGreaterThan(0);
      expect(queries.answered(503).length).toBeGreaterThan(0);
      const metrics = await http().get('/metrics').expect(200);
      const waited = [
        ...metrics.text.matchAll(/^kafka_consumer_messages_total\{[^}]*outcome="waiting"[^}]*\} (\d+)/gm),
      ];
      expect(waited.reduce((sum, [, value]) => sum + Number(value), 0)).toBeGreaterThan(0);

      // Only 503 said that something was wrong, always as problem+json with Retry-After — apart from a
      // retry meeting its own earlier attempt's effect (see `command`).
      const unexpected = [
        ...commands.answers.filter((answer) => ![200, 201, 409, 503].includes(answer.status)),
        ...queries.answers.filter((answer) => ![200, 201, 503].includes(answer.status)),
      ];
      expect(unexpected).toEqual([]);
      for (const answer of [...commands.answered(503), ...queries.answered(503)]) {
        expect(answer).toMatchObject({
          retryAfter: expect.stringMatching(/^[1-9][0-9]*$/),
          contentType: expect.stringContaining('application/problem+json'),
          code: expect.stringMatching(/^dependency-(unavailable|conflict|busy)$/),
        });
      }

      // Every event had its effect, exactly once: one case per ticket, one offer or one queue notice.
      const forStaffCommunity = (ticket: TicketSubmittedV1) => ticket.communityId === world.communityB;
      await waitFor(
        async () => {
          for (const ticket of submitted) {
            const type = forStaffCommunity(ticket) ? 'ticket.queued' : 'ticket.dispatched';
            if ((await eventsAbout(ticket.ticketId, type)) === 0) return false;
          }
          const cancelled = await count(
            `SELECT count(*) AS count FROM dispatch_case WHERE ticket_id = ANY($1) AND status = 'cancelled'`,
            [toCancel.map((offer) => offer.ticketId)],
          );
          const closed = await count(
            `SELECT count(*) AS count FROM dispatch_case WHERE ticket_id = $1 AND status = 'closed'`,
            [toClose.ticketId],
          );
          const reoffered = await eventsAbout(toReopen.ticketId, 'ticket.dispatched');
          return cancelled === toCancel.length && closed === 1 && reoffered === 2;
        },
        { timeoutMs: SETTLE_MS, intervalMs: 200, description: 'every event’s effect' },
      );
      const eventIds = [...new Set(published.map((envelope) => envelope.eventId))];
      expect(await count(`SELECT count(*) AS count FROM inbox WHERE event_id = ANY($1)`, [eventIds])).toBe(
        eventIds.length,
      );
      expect(
        await count(`SELECT count(*) AS count FROM dispatch_case WHERE ticket_id = ANY($1)`, [
          submitted.map((ticket) => ticket.ticketId),
        ]),
      ).toBe(submitted.length);
      for (const ticket of submitted) {
        const staff = forStaffCommunity(ticket);
        expect([
          ticket.ticketId,
          await eventsAbout(ticket.ticketId, 'ticket.dispatched'),
          await eventsAbout(ticket.ticketId, 'ticket.queued'),
        ]).toEqual([ticket.ticketId, staff ? 0 : 1, staff ? 1 : 0]);
      }
      expect(await eventsAbout(toReopen.ticketId, 'ticket.dispatched')).toBe(2);
      for (const offer of toCancel) {
        const dispatchCase = await caseOf(offer.ticketId, tokens.staffA);
        expect(dispatchCase).toMatchObject({ status: 'cancelled', attempts: 1 });
        expect(dispatchCase.offers).toEqual([
          expect.objectContaining({ id: offer.assignmentId, status: 'withdrawn' }),
        ]);
      }

      // Every command had its effect, exactly once.
      for (const offer of [...toComplete, ...inGrid]) {
        for (const type of ['assignment.accepted', 'work.started', 'work.completed']) {
          expect([offer.assignmentId, type, await eventsOfAssignment(offer.assignmentId, type)]).toEqual([
            offer.assignmentId,
            type,
            1,
          ]);
        }
        const dispatchCase = await caseOf(offer.ticketId, tokens.staffA);
        // Confirmed tickets are closed; the reopened one was offered again, once.
        const [status, attempts] =
          offer === toClose ? ['closed', 1] : offer === toReopen ? ['offered', 2] : ['resolved', 1];
        expect(dispatchCase).toMatchObject({ status, attempts, returns: 0 });
        expect((dispatchCase.offers as unknown[])[0]).toMatchObject({
          id: offer.assignmentId,
          status: 'completed',
          minutesSpent: minutesFor.get(offer.assignmentId),
        });
      }
      const minutesByMember = new Map<string, number>();
      for (const offer of [...toComplete, ...inGrid]) {
        const minutes = minutesFor.get(offer.assignmentId)!;
        minutesByMember.set(offer.assigneeId, (minutesByMember.get(offer.assigneeId) ?? 0) + minutes);
      }
      const served: Array<{ member_id: string; minutes: number }> = await dataSource.query(
        `SELECT member_id, minutes FROM member_service_minutes`,
      );
      expect(new Map(served.map((row) => [row.member_id, Number(row.minutes)]))).toEqual(minutesByMember);
      for (const offer of toDecline) {
        expect(await eventsOfAssignment(offer.assignmentId, 'assignment.declined')).toBe(1);
        // The decline re-offered the work to one of the grid's members, once.
        expect(await eventsAbout(offer.ticketId, 'ticket.dispatched')).toBe(2);
        expect(await caseOf(offer.ticketId, tokens.staffA)).toMatchObject({
          status: 'offered',
          attempts: 2,
          returns: 1,
        });
      }
      for (const ticket of forStaff) {
        expect(await eventsAbout(ticket.ticketId, 'ticket.dispatched')).toBe(1);
        expect(await eventsAbout(ticket.ticketId, 'assignment.accepted')).toBe(1);
        expect(await caseOf(ticket.ticketId, tokens.staffB)).toMatchObject({
          status: 'accepted',
          attempts: 1,
          assignee: { id: world.memberB },
        });
      }
      expect(acceptedByMemberB.size).toBe(forStaff.length);
      // Each re-dispatch made one offer: the automatic one and one per re-dispatch, only the last live.
      expect(redispatches).toBeGreaterThan(0);
      expect(await eventsAbout(toRedispatch.ticketId, 'ticket.dispatched')).toBe(redispatches + 1);
      const redispatched = await caseOf(toRedispatch.ticketId, tokens.staffA);
      expect(redispatched).toMatchObject({
        status: 'offered',
        attempts: redispatches + 1,
        currentAssignmentId: current.assignmentId,
      });
      const offers = redispatched.offers as Array<{ id: string; status: string }>;
      expect(offers.filter((offer) => offer.status !== 'withdrawn')).toEqual([
        expect.objectContaining({ id: current.assignmentId, status: 'offered' }),
      ]);

      // Everything dispatch decided reached Kafka, and nothing valid was parked.
      const tickets = [
        ...submitted.map((ticket) => ticket.ticketId),
        ...forStaff.map((ticket) => ticket.ticketId),
        ...[...toComplete, ...toDecline, ...toCancel, ...inGrid, toRedispatch].map((offer) => offer.ticketId),
      ];
      const decided: Array<{ id: string }> = await dataSource.query(
        `SELECT id FROM outbox WHERE aggregateid = ANY($1)`,
        [tickets],
      );
      await waitFor(
        () => {
          const seen = new Set(harness.published.map((envelope) => envelope.eventId));
          return decided.every(({ id }) => seen.has(id));
        },
        { timeoutMs: SETTLE_MS, intervalMs: 200, description: 'every outbox event on the dispatch topic' },
      );
      expect(await deadLetterCounts(service.namespace.topicPrefix)).toEqual({});
    } finally {
      // Streams still running after a failure stop at their next step instead of outliving the service.
      abandon();
      await Promise.allSettled([commandStream, ongoingStreams]);
    }
  }, 120_000);
});
