import { TestService, waitFor } from '@loop/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  aSubmittedTicket,
  AssignmentHarness,
  bearer,
  startAssignmentSuite,
  tokensOf,
  waitForCase,
  world,
} from './assignment-world';

describe('races for one ticket under real concurrency', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let dataSource: DataSource;
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    ({ service, harness, tokens, dataSource } = await startAssignmentSuite({
      env: { LOG_LEVEL: 'error', TIMERS_POLL_INTERVAL_MS: '100' },
      policies: [
        { offerMinutes: 60, acceptMinutes: 120, completeMinutes: 600 },
        // City-management offers lapse after two seconds, for the accept-versus-expiry race.
        { category: 'city.management', offerMinutes: 2 / 60 },
      ],
      // Concurrent requests must not cut each other's listener.
      listen: true,
    }));
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  async function outboxCount(ticketId: string, type: string): Promise<number> {
    const rows: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) AS count FROM outbox WHERE aggregateid = $1 AND type = $2`,
      [ticketId, type],
    );
    return Number(rows[0].count);
  }

  it('lets exactly one of several staff dispatching one ticket at once win; the others get a 409 saying it was dispatched', async () => {
    const ticket = aSubmittedTicket({
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: undefined,
    });
    await harness.submit(ticket);
    await waitForCase(service.app, ticket.ticketId, tokens.staffB);
    const colleague = await bearer(service, {
      sub: 'staff-b2',
      roles: ['staff'],
      community_ids: [world.communityB],
    });

    const responses = await Promise.all(
      [tokens.staffB, colleague, tokens.staffB, colleague].map((token, index) =>
        http()
          .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
          .set('Authorization', token)
          .set('Accept-Language', index % 2 === 0 ? 'zh-CN' : 'en')
          .send({ assignee: { kind: 'member', id: world.memberB } }),
      ),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const loser of responses.filter((response) => response.status === 409)) {
      expect(loser.headers['content-type']).toContain('application/problem+json');
      expect(loser.body.code).toBe('dispatch-case.already-dispatched');
      expect(loser.body.detail).toMatch(/已被派出|already been dispatched/);
    }
    expect(await outboxCount(ticket.ticketId, 'ticket.dispatched')).toBe(1);
  });

  it('accepts an offer once when a phone sends the acceptance several times at once, and answers every repeat with the accepted task', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );

    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        http()
          .post(`/assignments/${offer.payload.assignmentId}/accept`)
          .set('Authorization', tokens.linkedMember)
          .set('Accept-Language', 'en'),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((response) => response.body.status))).toEqual(new Set(['accepted']));
    expect(await outboxCount(ticket.ticketId, 'assignment.accepted')).toBe(1);

    // A repeat of start and complete is the same: one effect, the task as it stands.
    const start = () =>
      http()
        .post(`/assignments/${offer.payload.assignmentId}/start`)
        .set('Authorization', tokens.linkedMember);
    await start().expect(200);
    await start().expect(200);
    const complete = () =>
      http()
        .post(`/assignments/${offer.payload.assignmentId}/complete`)
        .set('Authorization', tokens.linkedMember)
        .send({ minutesSpent: 30 });
    await complete().expect(200);
    const again = await complete().expect(200);
    expect(again.body.status).toBe('completed');
    expect(await outboxCount(ticket.ticketId, 'work.started')).toBe(1);
    expect(await outboxCount(ticket.ticketId, 'work.completed')).toBe(1);
    // …but what went another way stays a conflict: the completed task cannot be declined.
    const declined = await http()
      .post(`/assignments/${offer.payload.assignmentId}/decline`)
      .set('Authorization', tokens.linkedMember)
      .send({ reasonCode: 'busy' })
      .expect(409);
    expect(declined.body.code).toBe('assignment.state-conflict');
  });

  it('lets exactly one of two staff re-dispatching the same offer at once win', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    const colleague = await bearer(service, {
      sub: 'staff-a2',
      roles: ['staff'],
      community_ids: [world.communityA],
    });

    const responses = await Promise.all(
      [
        [tokens.staffA, world.repairMember],
        [colleague, world.plainMember],
      ].map(([token, memberId]) =>
        http()
          .post(`/dispatch-cases/${ticket.ticketId}/redispatch`)
          .set('Authorization', token)
          .send({
            replacesAssignmentId: offer.payload.assignmentId,
            assignee: { kind: 'member', id: memberId },
          }),
      ),
    );

    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.status === 409)?.body.code).toBe(
      'dispatch-case.changed-meanwhile',
    );
    const dispatchCase = await waitForCase(service.app, ticket.ticketId, tokens.staffA);
    expect(dispatchCase).toMatchObject({ status: 'offered', attempts: 2 });
    expect(dispatchCase.currentAssignmentId).toBe(
      responses.find((response) => response.status === 201)?.body.id,
    );
  });

  it('records exactly one outcome when a member accepts an offer as it expires, and a late acceptance hears it expired', async () => {
    const ticket = aSubmittedTicket({ categoryCode: 'city.management' });
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string; offerExpiresAt: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    const expiresAt = new Date(offer.payload.offerExpiresAt).getTime();

    // Accept repeatedly from just before the expiry until just after it, racing the expiry timer.
    await waitFor(() => Date.now() >= expiresAt - 150, {
      timeoutMs: 5_000,
      intervalMs: 10,
      description: 'the edge of the offer window',
    });
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        new Promise((resolve) => setTimeout(resolve, index * 60)).then(() =>
          http()
            .post(`/assignments/${offer.payload.assignmentId}/accept`)
            .set('Authorization', tokens.linkedMember),
        ),
      ),
    );
    // One outcome, and every attempt hears the same one: all accepted (the first, then its repeats) or all
    // refused as expired.
    const statuses = new Set(attempts.map((response) => response.status));
    expect([[200], [409]]).toContainEqual([...statuses]);
    const accepted = statuses.has(200) ? 1 : 0;

    if (accepted === 0) await harness.waitForEvents(ticket.ticketId, 'assignment.expired');
    const outcomes =
      (await outboxCountFor(offer.payload.assignmentId, 'assignment.accepted')) +
      (await outboxCountFor(offer.payload.assignmentId, 'assignment.expired'));
    expect(outcomes).toBe(1);

    // Well after the window, an acceptance is refused and says why, in both languages.
    if (accepted === 0) {
      const late = await http()
        .post(`/assignments/${offer.payload.assignmentId}/accept`)
        .set('Authorization', tokens.linkedMember)
        .set('Accept-Language', 'en')
        .expect(409);
      expect(late.body.detail).toContain('expired');
      const lateZh = await http()
        .post(`/assignments/${offer.payload.assignmentId}/accept`)
        .set('Authorization', tokens.linkedMember)
        .expect(409);
      expect(lateZh.headers['content-language']).toBe('zh-CN');
      expect(lateZh.body.detail).toContain('超时');
    }
  });

  async function outboxCountFor(assignmentId: string, type: string): Promise<number> {
    const rows: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) AS count FROM outbox WHERE type = $2 AND payload->'payload'->>'assignmentId' = $1`,
      [assignmentId, type],
    );
    return Number(rows[0].count);
  }
});
