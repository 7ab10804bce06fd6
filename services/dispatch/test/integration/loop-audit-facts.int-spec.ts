import { randomUUID } from 'node:crypto';
import { itGuardsTheAuditFactsEndpoint, TestService } from '@loop/testing';
import request from 'supertest';
import {
  aSubmittedTicket,
  AssignmentHarness,
  bearer,
  startAssignmentSuite,
  tokensOf,
  waitForCase,
  world,
} from './assignment-world';

describe('the loop auditor asking dispatch for its case facts', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let admin: string;
  const http = () => request(service.app.getHttpServer());
  const factsOf = async (ids: string[]) =>
    (await http().post('/audit/dispatch-cases').set('Authorization', admin).send({ ids }).expect(200))
      .body as { cases: Array<Record<string, unknown>> };

  beforeAll(async () => {
    ({ service, harness, tokens } = await startAssignmentSuite({
      policies: [{ offerMinutes: 60, acceptMinutes: 120, completeMinutes: 600 }],
    }));
    admin = await bearer(service, { sub: 'admin-1', roles: ['admin'] });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  it('names the offered member as owner with the offer expiry as next deadline, and nobody once cancelled', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    await harness.waitForEvents(ticket.ticketId, 'ticket.dispatched');
    const detail = await waitForCase(service.app, ticket.ticketId, tokens.staffA);
    const [offer] = detail.offers as Array<{ offerExpiresAt: string }>;

    const offered = await factsOf([ticket.ticketId]);
    expect(offered.cases).toEqual([
      {
        ticketId: ticket.ticketId,
        status: 'offered',
        owner: { kind: 'member', id: world.linkedMember },
        nextDeadlineAt: offer.offerExpiresAt,
        minutesSpent: null,
        completedByKind: null,
      },
    ]);
    expect(new Date(offered.cases[0].nextDeadlineAt as string).getTime()).toBeGreaterThan(Date.now());

    await harness.cancel(ticket.ticketId);
    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'cancelled');
    const cancelled = await factsOf([ticket.ticketId]);
    expect(cancelled.cases).toEqual([
      expect.objectContaining({ status: 'cancelled', owner: null, nextDeadlineAt: null }),
    ]);
  });

  it('reports the completed work’s minutes and assignee kind, and no owner after the ticket closes', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    const assignment = `/assignments/${offer.payload.assignmentId}`;
    await http().post(`${assignment}/accept`).set('Authorization', tokens.linkedMember).expect(200);
    const accepted = await factsOf([ticket.ticketId]);
    expect(accepted.cases[0]).toMatchObject({
      status: 'accepted',
      owner: { kind: 'member', id: world.linkedMember },
    });
    await http().post(`${assignment}/start`).set('Authorization', tokens.linkedMember).expect(200);
    await http()
      .post(`${assignment}/complete`)
      .set('Authorization', tokens.linkedMember)
      .send({ minutesSpent: 30, note: '已修好' })
      .expect(200);

    const resolved = await factsOf([ticket.ticketId]);
    expect(resolved.cases).toEqual([
      {
        ticketId: ticket.ticketId,
        status: 'resolved',
        owner: null,
        nextDeadlineAt: null,
        minutesSpent: 30,
        completedByKind: 'member',
      },
    ]);

    await harness.confirm(ticket.ticketId, offer.payload.assignmentId);
    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'closed');
    const closed = await factsOf([ticket.ticketId]);
    expect(closed.cases[0]).toMatchObject({ status: 'closed', owner: null, minutesSpent: 30 });
  });

  it('leaves a ticket of a hand-dispatching community with the community’s staff queue until its accept deadline', async () => {
    const ticket = aSubmittedTicket({
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: undefined,
    });
    await harness.submit(ticket);
    const detail = await waitForCase(service.app, ticket.ticketId, tokens.staffB);

    const facts = await factsOf([ticket.ticketId]);
    expect(facts.cases).toEqual([
      expect.objectContaining({
        status: 'awaiting_dispatch',
        owner: { kind: 'community', id: world.communityB },
        nextDeadlineAt: detail.acceptDueAt,
      }),
    ]);
  });

  it('gives a ticket nobody is left to take to the secretary it was escalated to', async () => {
    const ticket = aSubmittedTicket({ gridId: world.gridA2, householdId: undefined, compoundId: undefined });
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    await http()
      .post(`/assignments/${offer.payload.assignmentId}/decline`)
      .set('Authorization', tokens.linkedMember)
      .send({ reasonCode: 'not_nearby' })
      .expect(200);
    await harness.waitForEvents(ticket.ticketId, 'ticket.escalated');

    const facts = await factsOf([ticket.ticketId]);
    expect(facts.cases[0]).toMatchObject({
      status: 'awaiting_dispatch',
      owner: { kind: 'secretary', id: world.secretaryA },
    });
  });

  it('leaves out a ticket dispatch never heard of', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    await waitForCase(service.app, ticket.ticketId, tokens.staffA);

    const facts = await factsOf([randomUUID(), ticket.ticketId]);
    expect(facts.cases.map((entry) => entry.ticketId)).toEqual([ticket.ticketId]);
  });

  itGuardsTheAuditFactsEndpoint({
    path: '/audit/dispatch-cases',
    responseSchema: 'DispatchCaseFactsResponseDto',
    service: () => service,
  });
});
