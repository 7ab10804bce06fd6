import { ticketReopenedV1 } from '@loop/contracts';
import { TestService } from '@loop/testing';
import request from 'supertest';
import {
  aSubmittedTicket,
  AssignmentHarness,
  startAssignmentSuite,
  tokensOf,
  waitForCase,
  world,
} from './assignment-world';

interface QueuedPayload {
  ticketId: string;
  communityId: string;
  reason: string;
  acceptDueAt: string;
  completionDueAt: string;
  queuedAt: string;
}

describe('tickets waiting in the community’s dispatch queue', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    ({ service, harness, tokens } = await startAssignmentSuite({
      policies: [{ offerMinutes: 60, acceptMinutes: 120, completeMinutes: 600 }],
    }));
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  /** A ticket in the community where staff dispatch by hand. */
  function aTicketForStaff() {
    return aSubmittedTicket({
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: undefined,
    });
  }

  async function dispatchToMemberB(ticketId: string): Promise<string> {
    const response = await http()
      .post(`/dispatch-cases/${ticketId}/dispatch`)
      .set('Authorization', tokens.staffB)
      .send({ assignee: { kind: 'member', id: world.memberB } })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  it('announces a ticket submitted where nobody auto-dispatches, with the accept deadline staff work against', async () => {
    const ticket = aTicketForStaff();
    await harness.submit(ticket);

    const [queued] = await harness.waitForEvents<QueuedPayload>(ticket.ticketId, 'ticket.queued');
    const dispatchCase = await waitForCase(service.app, ticket.ticketId, tokens.staffB);
    expect(queued.payload).toEqual({
      ticketId: ticket.ticketId,
      communityId: world.communityB,
      reason: 'submitted',
      acceptDueAt: dispatchCase.acceptDueAt,
      completionDueAt: dispatchCase.completeDueAt,
      queuedAt: expect.any(String),
    });
    expect(queued.aggregateId).toBe(ticket.ticketId);
    expect(queued.actor).toEqual({ role: 'system', id: 'dispatch-queue' });
    expect(new Date(queued.payload.queuedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(ticket.submittedAt).getTime(),
    );
    expect(harness.eventsOf(ticket.ticketId).map((envelope) => envelope.type)).toEqual(['ticket.queued']);
  });

  it('announces nothing to the queue when auto-dispatch offers the work at once', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    await harness.waitForEvents(ticket.ticketId, 'ticket.dispatched');
    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'offered');
    expect(harness.eventsOf(ticket.ticketId, 'ticket.queued')).toEqual([]);
  });

  it('announces the ticket again when a decline leaves nobody to offer it to, and after it is reopened', async () => {
    const ticket = aTicketForStaff();
    await harness.submit(ticket);
    const [submitted] = await harness.waitForEvents<QueuedPayload>(ticket.ticketId, 'ticket.queued');

    const first = await dispatchToMemberB(ticket.ticketId);
    await http()
      .post(`/assignments/${first}/decline`)
      .set('Authorization', tokens.memberB)
      .send({ reasonCode: 'busy' })
      .expect(200);
    const afterDecline = await harness.waitForEvents<QueuedPayload>(ticket.ticketId, 'ticket.queued', 2);
    // Declines never move the deadlines: the ticket waits against the same ones.
    expect(afterDecline[1].payload).toMatchObject({
      reason: 'returned',
      acceptDueAt: submitted.payload.acceptDueAt,
      completionDueAt: submitted.payload.completionDueAt,
    });
    await waitForCase(
      service.app,
      ticket.ticketId,
      tokens.staffB,
      (body) => body.status === 'awaiting_dispatch',
    );

    const second = await dispatchToMemberB(ticket.ticketId);
    for (const step of ['accept', 'start']) {
      await http().post(`/assignments/${second}/${step}`).set('Authorization', tokens.memberB).expect(200);
    }
    await http()
      .post(`/assignments/${second}/complete`)
      .set('Authorization', tokens.memberB)
      .send({ minutesSpent: 30 })
      .expect(200);
    await harness.waitForEvents(ticket.ticketId, 'work.completed');

    await harness.feed.publish(
      ticketReopenedV1,
      {
        ticketId: ticket.ticketId,
        assignmentId: second,
        reopenedFrom: 'resolved',
        reasonCode: 'not_fixed',
        reopenCount: 1,
        reopenedAt: new Date().toISOString(),
      },
      { actor: { role: 'resident', id: 'resident-1' } },
    );
    const afterReopen = await harness.waitForEvents<QueuedPayload>(ticket.ticketId, 'ticket.queued', 3);
    expect(afterReopen[2].payload.reason).toBe('reopened');
    expect(new Date(afterReopen[2].payload.acceptDueAt).getTime()).toBeGreaterThan(
      new Date(submitted.payload.acceptDueAt).getTime(),
    );

    expect(harness.eventsOf(ticket.ticketId).map((envelope) => envelope.type)).toEqual([
      'ticket.queued',
      'ticket.dispatched',
      'assignment.declined',
      'ticket.escalated',
      'ticket.queued',
      'ticket.dispatched',
      'assignment.accepted',
      'work.started',
      'work.completed',
      'ticket.queued',
    ]);
  });
});
