// What keeps a ticket moving when nobody holds it (ADR 0024): the one reminder to staff when a queued
// ticket nears its accept deadline, and — past the top escalation level — the recurring supervision
// reminder (督办) to the county leader and the community secretary, a durable timer that is also the
// ticket's next deadline for the loop auditor. Windows of seconds on the wall clock.
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

interface ReminderPayload {
  assignmentId?: string;
  deadlineKind: string;
  deadlineAt: string;
  recipient: { role: string; id: string };
  dueAt: string;
  reason?: string;
}

// property.repair (the tickets' default) climbs the chain every 2 s; sanitation tickets wait 4 s in the
// queue. Completion is far away, so only the accept path escalates here.
const supervisedCategory = 'property.repair';
const queuedCategory = 'environment.sanitation';

describe('reminders when nobody holds a ticket', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let admin: string;
  const http = () => request(service.app.getHttpServer());

  const inCommunityB = (categoryCode: string) =>
    aSubmittedTicket({
      categoryCode,
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: undefined,
    });
  const remindersOf = (ticketId: string, reason: string) =>
    harness
      .eventsOf<ReminderPayload>(ticketId, 'sla.reminder_due')
      .filter((event) => event.payload.reason === reason);
  const timersOf = async (ticketId: string): Promise<Array<{ kind: string; due_at: Date }>> =>
    service.app
      .get(DataSource)
      .query(`SELECT kind, due_at FROM durable_timer WHERE key = $1 ORDER BY kind`, [ticketId]);

  beforeAll(async () => {
    ({ service, harness, tokens } = await startAssignmentSuite({
      env: { LOG_LEVEL: 'error', TIMERS_POLL_INTERVAL_MS: '100' },
      policies: [
        { offerMinutes: 60, acceptMinutes: 2 / 60, completeMinutes: 600 },
        { category: queuedCategory, acceptMinutes: 4 / 60 },
      ],
    }));
    admin = await bearer(service, { sub: 'admin-1', roles: ['admin'] });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  it('supervises a ticket past level 3 every window, keeping a future next deadline, until it is accepted', async () => {
    const ticket = inCommunityB(supervisedCategory);
    await harness.submit(ticket);
    const opened = await waitForCase(service.app, ticket.ticketId, tokens.staffB);
    const escalations = await harness.waitForEvents<{ level: number }>(
      ticket.ticketId,
      'ticket.escalated',
      3,
    );
    expect(escalations.map((event) => event.payload.level)).toEqual([1, 2, 3]);

    // Two rounds of 督办, each to the county leader and the secretary, with nobody holding an offer.
    await waitFor(() => remindersOf(ticket.ticketId, 'supervision').length >= 4, {
      timeoutMs: 20_000,
      description: 'two supervision rounds',
    });
    const [first, second] = remindersOf(ticket.ticketId, 'supervision');
    expect([first.payload.recipient, second.payload.recipient]).toEqual([
      { role: 'official', id: world.countyOfficial },
      { role: 'secretary', id: world.secretaryB },
    ]);
    expect(first.payload).toMatchObject({ deadlineKind: 'accept', deadlineAt: opened.acceptDueAt });
    expect(first.payload.assignmentId).toBeUndefined();
    expect(first.actor).toEqual({ role: 'system', id: 'sla-timer' });

    // The loop auditor always finds a deadline ahead: the supervision timer, re-armed each round.
    const facts = await waitFor(
      async () => {
        const response = await http()
          .post('/audit/dispatch-cases')
          .set('Authorization', admin)
          .send({ ids: [ticket.ticketId] })
          .expect(200);
        const [found] = response.body.cases as Array<{ nextDeadlineAt: string | null; owner: unknown }>;
        return found.nextDeadlineAt && Date.parse(found.nextDeadlineAt) > Date.now() ? found : undefined;
      },
      { timeoutMs: 10_000, description: 'a next deadline in the future' },
    );
    expect(facts.owner).toEqual({ kind: 'official', id: world.countyOfficial });
    const timers = await timersOf(ticket.ticketId);
    expect(timers.map((timer) => timer.kind)).toContain('dispatch.accept-supervision');
    expect(timers.map((timer) => timer.kind)).not.toContain('dispatch.accept-deadline');

    // The county leader dispatches; the member accepts: supervision of acceptance stops for good.
    await http()
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.countyOfficial)
      .send({ assignee: { kind: 'member', id: world.memberB } })
      .expect(201);
    const detail = await waitForCase(
      service.app,
      ticket.ticketId,
      tokens.staffB,
      (body) => body.status === 'offered',
    );
    const [offer] = detail.offers as Array<{ id: string }>;
    await http().post(`/assignments/${offer.id}/accept`).set('Authorization', tokens.memberB).expect(200);
    expect((await timersOf(ticket.ticketId)).map((timer) => timer.kind)).not.toContain(
      'dispatch.accept-supervision',
    );
    const accepted = await http()
      .post('/audit/dispatch-cases')
      .set('Authorization', admin)
      .send({ ids: [ticket.ticketId] })
      .expect(200);
    // Now the completion deadline, ten hours ahead, is what the ticket works against.
    expect(Date.parse(accepted.body.cases[0].nextDeadlineAt)).toBeGreaterThan(Date.now() + 9 * 3_600_000);
  });

  it('reminds the community staff once when a queued ticket nobody holds nears its accept deadline', async () => {
    const ticket = inCommunityB(queuedCategory);
    await harness.submit(ticket);
    const opened = await waitForCase(service.app, ticket.ticketId, tokens.staffB);

    const [reminder] = await harness.waitForEvents<ReminderPayload>(ticket.ticketId, 'sla.reminder_due');
    expect(reminder.payload).toEqual({
      ticketId: ticket.ticketId,
      deadlineKind: 'accept',
      deadlineAt: opened.acceptDueAt,
      recipient: { role: 'staff', id: world.staffB },
      dueAt: expect.any(String),
      reason: 'waiting_in_queue',
    });
    // Three quarters into the 4 s window, before the deadline.
    expect(Date.parse(reminder.payload.dueAt)).toBeLessThan(Date.parse(opened.acceptDueAt as string));

    // The deadline passes and escalates; the queue reminder does not come back.
    await harness.waitForEvents(ticket.ticketId, 'ticket.escalated', 1, 15_000);
    expect(remindersOf(ticket.ticketId, 'waiting_in_queue')).toHaveLength(1);
    expect((await timersOf(ticket.ticketId)).map((timer) => timer.kind)).not.toContain(
      'dispatch.queue-reminder',
    );
  });

  it('does not remind staff about a ticket someone holds an offer for', async () => {
    // Community A auto-dispatches at once: the member holding the offer is reminded instead.
    const ticket = aSubmittedTicket({ categoryCode: queuedCategory });
    await harness.submit(ticket);
    await harness.waitForEvents(ticket.ticketId, 'ticket.dispatched');
    const [reminder] = await harness.waitForEvents<ReminderPayload>(
      ticket.ticketId,
      'sla.reminder_due',
      1,
      15_000,
    );
    expect(reminder.payload).toMatchObject({ reason: 'deadline_near', recipient: { role: 'member' } });
    await waitFor(
      async () =>
        !(await timersOf(ticket.ticketId)).some((timer) => timer.kind === 'dispatch.queue-reminder'),
      { timeoutMs: 15_000, description: 'the queue reminder to be spent' },
    );
    expect(remindersOf(ticket.ticketId, 'waiting_in_queue')).toHaveLength(0);
  });
});
