import { TestService, waitFor } from '@loop/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  aSubmittedTicket,
  AssignmentHarness,
  startAssignmentSuite,
  tokensOf,
  waitForCase,
  world,
} from './assignment-world';

// Deadlines of seconds: accept within 3 s, complete within 6 s, offers never lapse on their own first.
const acceptSeconds = 3;
const completeSeconds = 6;

describe('deadline timers', () => {
  let service: TestService;
  let app: NestExpressApplication;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;

  beforeAll(async () => {
    ({ service, harness, tokens } = await startAssignmentSuite({
      env: { LOG_LEVEL: 'error', TIMERS_POLL_INTERVAL_MS: '100' },
      policies: [
        { offerMinutes: 60, acceptMinutes: acceptSeconds / 60, completeMinutes: completeSeconds / 60 },
      ],
    }));
    app = service.app;
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  it('escalates a ticket nobody accepted level by level, firing each timer once, even when the service was down at the deadline', async () => {
    const ticket = aSubmittedTicket({
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: undefined,
    });
    await harness.submit(ticket);
    const opened = await waitForCase(app, ticket.ticketId, tokens.staffB);
    const acceptDueAt = new Date(opened.acceptDueAt as string).getTime();

    // The service stops before the deadline and comes back after it.
    app = await service.restart(() =>
      waitFor(() => Date.now() > acceptDueAt + 500, {
        timeoutMs: 10_000,
        description: 'the accept deadline to pass',
      }),
    );

    const [first] = await harness.waitForEvents(ticket.ticketId, 'ticket.escalated');
    expect(first.payload).toMatchObject({
      level: 1,
      reason: 'accept_deadline',
      assignmentId: null,
      escalatedTo: { role: 'secretary', id: world.secretaryB },
    });
    expect(first.actor).toEqual({ role: 'system', id: 'sla-timer' });

    // Still unaccepted one window later: town/street; then the completion deadline: county.
    const all = await harness.waitForEvents<{ level: number; reason: string; escalatedTo: { id: string } }>(
      ticket.ticketId,
      'ticket.escalated',
      3,
    );
    expect(all.map((event) => [event.payload.level, event.payload.escalatedTo.id])).toEqual([
      [1, world.secretaryB],
      [2, world.streetOfficial],
      [3, world.countyOfficial],
    ]);
    expect(all.map((event) => event.payload.reason)).toContain('completion_deadline');

    const dispatchCase = await waitForCase(app, ticket.ticketId, tokens.staffB);
    expect(dispatchCase).toMatchObject({
      status: 'awaiting_dispatch',
      overdue: true,
      escalation: { level: 3 },
    });
    const overdue = await request(app.getHttpServer())
      .get(`/communities/${world.communityB}/dispatch-board?view=overdue`)
      .set('Authorization', tokens.staffB)
      .expect(200);
    expect(overdue.body.cases.map((entry: { ticketId: string }) => entry.ticketId)).toContain(
      ticket.ticketId,
    );
    const mine = await request(app.getHttpServer())
      .get('/escalations/mine')
      .set('Authorization', tokens.countyOfficial)
      .expect(200);
    expect(mine.body.map((entry: { ticketId: string }) => entry.ticketId)).toContain(ticket.ticketId);

    // The county leader, now the owner, dispatches it.
    await request(app.getHttpServer())
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.countyOfficial)
      .send({ assignee: { kind: 'member', id: world.memberB } })
      .expect(201);
    // Nothing fires twice: at level 3 there is no higher owner and no deadline timer left; what remains is
    // the supervision reminder (督办) until acceptance, proved in sla-supervision.int-spec.ts.
    await waitFor(
      async () => {
        const rows: Array<{ count: string }> = await app
          .get(DataSource)
          .query(`SELECT count(*) AS count FROM durable_timer WHERE key = $1 AND kind LIKE '%deadline'`, [
            ticket.ticketId,
          ]);
        return Number(rows[0].count) === 0;
      },
      { timeoutMs: 15_000, description: 'the deadline timers to be spent' },
    );
    expect(harness.eventsOf(ticket.ticketId, 'ticket.escalated')).toHaveLength(3);
  });

  it('reminds the member before the completion deadline and escalates the breach, but not the met accept deadline', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    await request(app.getHttpServer())
      .post(`/assignments/${offer.payload.assignmentId}/accept`)
      .set('Authorization', tokens.linkedMember)
      .expect(200);

    const [reminder] = await harness.waitForEvents(ticket.ticketId, 'sla.reminder_due', 1, 15_000);
    expect(reminder.payload).toMatchObject({
      assignmentId: offer.payload.assignmentId,
      deadlineKind: 'complete',
      recipient: { role: 'member', id: world.linkedMember },
    });
    const [escalated] = await harness.waitForEvents(ticket.ticketId, 'ticket.escalated', 1, 15_000);
    expect(escalated.payload).toMatchObject({
      level: 1,
      reason: 'completion_deadline',
      assignmentId: offer.payload.assignmentId,
      escalatedTo: { id: world.secretaryA },
    });
    expect(harness.eventsOf(ticket.ticketId, 'ticket.escalated')).toHaveLength(1);
  });

  it('reminds the offered member before the accept deadline, then withdraws the lapsed offer and escalates', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string; offerExpiresAt: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );

    const [reminder] = await harness.waitForEvents(ticket.ticketId, 'sla.reminder_due', 1, 15_000);
    expect(reminder.payload).toMatchObject({
      deadlineKind: 'accept',
      recipient: { role: 'member', id: world.linkedMember },
    });
    const [expired] = await harness.waitForEvents(ticket.ticketId, 'assignment.expired', 1, 15_000);
    expect(expired.payload).toMatchObject({
      assignmentId: offer.payload.assignmentId,
      offerExpiresAt: offer.payload.offerExpiresAt,
    });
    const [escalated] = await harness.waitForEvents(ticket.ticketId, 'ticket.escalated', 1, 15_000);
    expect(escalated.payload).toMatchObject({ level: 1, reason: 'accept_deadline' });
    // The lapsed offer went to the next member.
    const dispatched = await harness.waitForEvents(ticket.ticketId, 'ticket.dispatched', 2, 15_000);
    expect(dispatched[1].payload).toMatchObject({ attempt: 2, assignee: { id: world.repairMember } });
  });
});
