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

  it('lets exactly one acceptance of an offer win when it is sent several times at once', async () => {
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

    expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const loser of responses.filter((response) => response.status === 409)) {
      expect(loser.body).toMatchObject({ code: 'assignment.state-conflict', status: 409 });
      expect(loser.body.detail).toContain('already accepted');
    }
    expect(await outboxCount(ticket.ticketId, 'assignment.accepted')).toBe(1);
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
    const accepted = attempts.filter((response) => response.status === 200).length;
    expect(accepted).toBeLessThanOrEqual(1);
    expect(attempts.every((response) => response.status === 200 || response.status === 409)).toBe(true);

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
