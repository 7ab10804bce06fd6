import { ticketReopenedV1 } from '@loop/contracts';
import { TestService, waitFor } from '@loop/testing';
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

describe('the offer lifecycle from a submitted ticket', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let dataSource: DataSource;
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    ({ service, harness, tokens, dataSource } = await startAssignmentSuite({
      policies: [{ offerMinutes: 60, acceptMinutes: 120, completeMinutes: 600 }],
    }));
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  it('shows the member what and where an offered task is, and by when, and hides it from everyone else', async () => {
    const ticket = aSubmittedTicket({ urgency: 'urgent' });
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string; place: object }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    const { assignmentId } = offer.payload;
    // The offer event names the place for the notification, down to the building but not the home.
    expect(offer.payload.place).toEqual({
      community: '幸福社区',
      grid: '第一网格',
      compound: '幸福里',
      building: '1号楼',
    });

    const offers = await http().get('/me/offers').set('Authorization', tokens.linkedMember).expect(200);
    const offered = offers.body.find((item: { id: string }) => item.id === assignmentId);
    expect(offered.task).toEqual({
      ticketNumber: ticket.ticketNumber,
      categoryCode: 'property.repair',
      urgency: 'urgent',
      place: {
        community: '幸福社区',
        grid: '第一网格',
        compound: '幸福里',
        building: '1号楼',
        household: '幸福里 1号楼 101',
      },
      dispatchedBy: { role: 'system', id: 'auto-dispatch' },
      acceptDueAt: expect.any(String),
      completeDueAt: expect.any(String),
      escalationLevel: 0,
    });
    expect(new Date(offered.offerExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const one = await http()
      .get(`/assignments/${assignmentId}`)
      .set('Authorization', tokens.linkedMember)
      .expect(200);
    expect(one.body).toMatchObject({
      id: assignmentId,
      status: 'offered',
      task: { ticketNumber: ticket.ticketNumber },
    });
    await http().get(`/assignments/${assignmentId}`).set('Authorization', tokens.plainMember).expect(404);
    await http().get(`/assignments/${assignmentId}`).set('Authorization', tokens.propertyCompany).expect(404);

    await http()
      .post(`/assignments/${assignmentId}/accept`)
      .set('Authorization', tokens.linkedMember)
      .expect(200);
    const tasks = await http().get('/me/tasks').set('Authorization', tokens.linkedMember).expect(200);
    expect(tasks.body.find((item: { id: string }) => item.id === assignmentId)?.task.place.household).toBe(
      '幸福里 1号楼 101',
    );
    await http()
      .post(`/assignments/${assignmentId}/complete`)
      .set('Authorization', tokens.linkedMember)
      .send({ minutesSpent: 30 })
      .expect(409);
  });

  it('offers a submitted ticket to the household’s linked member, re-offers after a decline, and follows the work to completion', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);

    const [first] = await harness.waitForEvents<{
      assignmentId: string;
      assignee: { id: string };
      attempt: number;
      mode: string;
    }>(ticket.ticketId, 'ticket.dispatched');
    expect(first.payload).toMatchObject({
      assignee: { kind: 'member', id: world.linkedMember },
      attempt: 1,
      mode: 'auto',
    });
    expect(first.actor).toEqual({ role: 'system', id: 'auto-dispatch' });

    const offers = await http().get('/me/offers').set('Authorization', tokens.linkedMember).expect(200);
    expect(offers.body.map((offer: { id: string }) => offer.id)).toContain(first.payload.assignmentId);

    await http()
      .post(`/assignments/${first.payload.assignmentId}/decline`)
      .set('Authorization', tokens.linkedMember)
      .send({ reasonCode: 'busy', reasonText: '本周出差' })
      .expect(200);
    const [declined] = await harness.waitForEvents(ticket.ticketId, 'assignment.declined');
    expect(declined.payload).toMatchObject({ reasonCode: 'busy', reasonText: '本周出差' });

    // The member with matching skills in the ticket's grid is next.
    const dispatched = await harness.waitForEvents<{ assignmentId: string; attempt: number }>(
      ticket.ticketId,
      'ticket.dispatched',
      2,
    );
    const second = dispatched[1];
    expect(second.payload).toMatchObject({
      assignee: { kind: 'member', id: world.repairMember },
      attempt: 2,
    });

    const accepted = await http()
      .post(`/assignments/${second.payload.assignmentId}/accept`)
      .set('Authorization', tokens.repairMember)
      .expect(200);
    expect(accepted.body.status).toBe('accepted');
    const tasks = await http().get('/me/tasks').set('Authorization', tokens.repairMember).expect(200);
    expect(tasks.body.map((task: { id: string }) => task.id)).toEqual([second.payload.assignmentId]);

    await http()
      .post(`/assignments/${second.payload.assignmentId}/start`)
      .set('Authorization', tokens.repairMember)
      .expect(200);
    const completed = await http()
      .post(`/assignments/${second.payload.assignmentId}/complete`)
      .set('Authorization', tokens.repairMember)
      .send({ minutesSpent: 45, note: '已更换水管' })
      .expect(200);
    expect(completed.body).toMatchObject({ status: 'completed', minutesSpent: 45, note: '已更换水管' });

    const [done] = await harness.waitForEvents(ticket.ticketId, 'work.completed');
    expect(done.payload).toMatchObject({
      minutesSpent: 45,
      assignee: { kind: 'member', id: world.repairMember },
    });
    await harness.waitForEvents(ticket.ticketId, 'assignment.accepted');
    await harness.waitForEvents(ticket.ticketId, 'work.started');

    const dispatchCase = await waitForCase(service.app, ticket.ticketId, tokens.staffA);
    expect(dispatchCase).toMatchObject({
      status: 'resolved',
      attempts: 2,
      returns: 1,
      assignee: null,
      nextDeadline: null,
    });
    expect((dispatchCase.offers as unknown[]).length).toBe(2);
    // Events of one ticket keep their order on the topic.
    expect(harness.eventsOf(ticket.ticketId).map((envelope) => envelope.type)).toEqual([
      'ticket.dispatched',
      'assignment.declined',
      'ticket.dispatched',
      'assignment.accepted',
      'work.started',
      'work.completed',
    ]);

    // The resident confirms: the case closes and no timer is left for it.
    await harness.confirm(ticket.ticketId, second.payload.assignmentId);
    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'closed');
    expect(await timersOf(ticket.ticketId, [first.payload.assignmentId, second.payload.assignmentId])).toBe(
      0,
    );

    // The resident reopens it: back into dispatch against fresh deadlines, offered to the linked member again.
    await harness.feed.publish(
      ticketReopenedV1,
      {
        ticketId: ticket.ticketId,
        assignmentId: second.payload.assignmentId,
        reopenedFrom: 'closed',
        reasonCode: 'recurred',
        reopenCount: 1,
        reopenedAt: new Date().toISOString(),
      },
      { actor: { role: 'resident', id: 'resident-1' } },
    );
    const reoffered = await harness.waitForEvents(ticket.ticketId, 'ticket.dispatched', 3);
    expect(reoffered[2].payload).toMatchObject({ attempt: 3, assignee: { id: world.linkedMember } });
    const reopened = await waitForCase(
      service.app,
      ticket.ticketId,
      tokens.staffA,
      (body) => body.status === 'offered',
    );
    expect(new Date(reopened.acceptDueAt as string).getTime()).toBeGreaterThan(
      new Date(dispatchCase.acceptDueAt as string).getTime(),
    );
  });

  it('opens one case however often the submission arrives', async () => {
    const ticket = aSubmittedTicket();
    const envelope = await harness.submit(ticket);
    await harness.feed.send(envelope);
    await harness.submit(ticket); // the same ticket again under a new event id
    // The cancellation shares the ticket's partition, so once it is applied the duplicates were handled.
    await harness.cancel(ticket.ticketId);
    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'cancelled');
    const rows: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) AS count FROM outbox WHERE aggregateid = $1 AND type = 'ticket.dispatched'`,
      [ticket.ticketId],
    );
    expect(Number(rows[0].count)).toBe(1);
  });

  it('re-offers handed-back work to the next member, counts the return and keeps the deadlines', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [first] = await harness.waitForEvents<{ assignmentId: string; completionDueAt: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    const before = await waitForCase(service.app, ticket.ticketId, tokens.staffA);

    await http()
      .post(`/assignments/${first.payload.assignmentId}/accept`)
      .set('Authorization', tokens.linkedMember)
      .expect(200);
    await http()
      .post(`/assignments/${first.payload.assignmentId}/hand-back`)
      .set('Authorization', tokens.linkedMember)
      .send({ reasonCode: 'needs_other_skill' })
      .expect(200);

    const [handedBack] = await harness.waitForEvents(ticket.ticketId, 'assignment.handed_back');
    expect(handedBack.payload).toMatchObject({
      reasonCode: 'needs_other_skill',
      assignee: { id: world.linkedMember },
    });
    const dispatched = await harness.waitForEvents<{ attempt: number; completionDueAt: string }>(
      ticket.ticketId,
      'ticket.dispatched',
      2,
    );
    expect(dispatched[1].payload).toMatchObject({ attempt: 2, assignee: { id: world.repairMember } });
    expect(dispatched[1].payload.completionDueAt).toBe(first.payload.completionDueAt);

    const after = await waitForCase(service.app, ticket.ticketId, tokens.staffA);
    expect(after).toMatchObject({
      status: 'offered',
      returns: 1,
      acceptDueAt: before.acceptDueAt,
      completeDueAt: before.completeDueAt,
    });
  });

  it('escalates to the community secretary when nobody is left, and the secretary dispatches by hand', async () => {
    // Grid A2 has one member and the ticket names no household.
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

    const [escalated] = await harness.waitForEvents(ticket.ticketId, 'ticket.escalated');
    expect(escalated.payload).toMatchObject({
      level: 1,
      reason: 'no_candidates',
      assignmentId: null,
      escalatedTo: { role: 'secretary', id: world.secretaryA },
    });

    const mine = await http().get('/escalations/mine').set('Authorization', tokens.secretaryA).expect(200);
    expect(mine.body.map((entry: { ticketId: string }) => entry.ticketId)).toContain(ticket.ticketId);
    const escalatedBoard = await http()
      .get(`/communities/${world.communityA}/dispatch-board?view=escalated`)
      .set('Authorization', tokens.staffA)
      .expect(200);
    expect(escalatedBoard.body.cases.map((entry: { ticketId: string }) => entry.ticketId)).toContain(
      ticket.ticketId,
    );

    const dispatched = await http()
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.secretaryA)
      .send({ assignee: { kind: 'member', id: world.plainMember } })
      .expect(201);
    expect(dispatched.body).toMatchObject({ status: 'offered', mode: 'manual', attempt: 2 });
    const manual = await harness.waitForEvents(ticket.ticketId, 'ticket.dispatched', 2);
    expect(manual[1].payload).toMatchObject({
      mode: 'manual',
      dispatchedBy: { role: 'secretary', id: world.secretaryA },
    });
  });

  it('leaves tickets of a hand-dispatching community on the board with a ranked suggestion until staff dispatch', async () => {
    const ticket = aSubmittedTicket({
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: undefined,
    });
    await harness.submit(ticket);
    const dispatchCase = await waitForCase(service.app, ticket.ticketId, tokens.staffB);
    expect(dispatchCase).toMatchObject({
      status: 'awaiting_dispatch',
      assignee: null,
      attempts: 0,
      escalation: null,
      overdue: false,
    });

    const board = await http()
      .get(`/communities/${world.communityB}/dispatch-board?view=unassigned`)
      .set('Authorization', tokens.staffB)
      .expect(200);
    expect(board.body.cases.map((entry: { ticketId: string }) => entry.ticketId)).toContain(ticket.ticketId);
    expect(board.body.byGrid).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ gridId: world.gridB1, status: 'awaiting_dispatch' }),
      ]),
    );

    const suggestion = await http()
      .get(`/dispatch-cases/${ticket.ticketId}/suggestion`)
      .set('Authorization', tokens.staffB)
      .expect(200);
    expect(suggestion.body.candidates[0].memberId).toBe(world.memberB);
    expect(suggestion.body.candidates[0].reasons.map((reason: { code: string }) => reason.code)).toEqual(
      expect.arrayContaining(['same_grid', 'skill_match']),
    );

    await http()
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.staffB)
      .send({ assignee: { kind: 'member', id: world.memberB } })
      .expect(201);
    const [dispatched] = await harness.waitForEvents(ticket.ticketId, 'ticket.dispatched');
    expect(dispatched.payload).toMatchObject({
      mode: 'manual',
      attempt: 1,
      dispatchedBy: { role: 'staff', id: world.staffB },
    });
    const offered = await http()
      .get(`/communities/${world.communityB}/dispatch-board?view=offered`)
      .set('Authorization', tokens.staffB)
      .expect(200);
    const entry = offered.body.cases.find((item: { ticketId: string }) => item.ticketId === ticket.ticketId);
    // Every open ticket says who holds it and which deadline it works against.
    expect(entry).toMatchObject({
      assignee: { kind: 'member', id: world.memberB },
      nextDeadline: { kind: 'accept', at: dispatchCase.acceptDueAt },
    });
  });

  it('re-dispatches a property repair to the property company, which accepts it', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [first] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    const suggestion = await http()
      .get(`/dispatch-cases/${ticket.ticketId}/suggestion`)
      .set('Authorization', tokens.staffA)
      .expect(200);
    expect(suggestion.body.propertyCompany).toEqual({ id: world.propertyCompany });

    const redispatched = await http()
      .post(`/dispatch-cases/${ticket.ticketId}/redispatch`)
      .set('Authorization', tokens.staffA)
      .send({
        replacesAssignmentId: first.payload.assignmentId,
        assignee: { kind: 'property_company', id: world.propertyCompany },
      })
      .expect(201);
    expect(redispatched.body).toMatchObject({
      assignee: { kind: 'property_company', id: world.propertyCompany },
      attempt: 2,
    });

    // The member's offer is gone: accepting it now says it was withdrawn.
    const late = await http()
      .post(`/assignments/${first.payload.assignmentId}/accept`)
      .set('Authorization', tokens.linkedMember)
      .expect(409);
    expect(late.body.code).toBe('assignment.state-conflict');
    await http()
      .post(`/assignments/${redispatched.body.id}/accept`)
      .set('Authorization', tokens.propertyCompany)
      .expect(200);
    const [accepted] = await harness.waitForEvents(ticket.ticketId, 'assignment.accepted');
    expect(accepted.payload).toMatchObject({
      assignee: { kind: 'property_company', id: world.propertyCompany },
    });
  });

  it('offers a ticket only to members of its own community, even when it names another community’s grid', async () => {
    // Grid B1 belongs to community B; its member must not be offered community A's ticket.
    const ticket = aSubmittedTicket({ gridId: world.gridB1, householdId: undefined, compoundId: undefined });
    await harness.submit(ticket);
    const [escalated] = await harness.waitForEvents(ticket.ticketId, 'ticket.escalated');
    expect(escalated.payload).toMatchObject({ level: 1, reason: 'no_candidates' });
    expect(harness.eventsOf(ticket.ticketId, 'ticket.dispatched')).toEqual([]);
    const refused = await http()
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.secretaryA)
      .send({ assignee: { kind: 'member', id: world.memberB } })
      .expect(422);
    expect(refused.body.code).toBe('dispatch-case.unknown-assignee');
  });

  it('gives a property ticket only to the company that manages its compound', async () => {
    const ticket = aSubmittedTicket({
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: world.compoundA,
    });
    await harness.submit(ticket);
    await waitForCase(service.app, ticket.ticketId, tokens.staffB);
    const refused = await http()
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.staffB)
      .send({ assignee: { kind: 'property_company', id: world.otherPropertyCompany } })
      .expect(422);
    expect(refused.body.code).toBe('dispatch-case.unknown-assignee');
    await http()
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.staffB)
      .send({ assignee: { kind: 'property_company', id: world.propertyCompany } })
      .expect(201);
  });

  it('refuses to give a category only members may take to a property company', async () => {
    const ticket = aSubmittedTicket({
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: undefined,
      categoryCode: 'neighbour.dispute',
    });
    await harness.submit(ticket);
    await waitForCase(service.app, ticket.ticketId, tokens.staffB);
    const refused = await http()
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.staffB)
      .set('Accept-Language', 'en')
      .send({ assignee: { kind: 'property_company', id: world.propertyCompany } })
      .expect(422);
    expect(refused.body.code).toBe('dispatch-case.property-company-not-allowed');
    const unknown = await http()
      .post(`/dispatch-cases/${ticket.ticketId}/dispatch`)
      .set('Authorization', tokens.staffB)
      .send({ assignee: { kind: 'member', id: world.repairMember } })
      .expect(422);
    expect(unknown.body.code).toBe('dispatch-case.unknown-assignee');
  });

  it('withdraws the offer and stops every timer when the ticket is cancelled', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    expect(await timersOf(ticket.ticketId, [offer.payload.assignmentId])).toBeGreaterThan(0);
    await harness.cancel(ticket.ticketId);
    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'cancelled');
    expect(await timersOf(ticket.ticketId, [offer.payload.assignmentId])).toBe(0);
    const offers = await http().get('/me/offers').set('Authorization', tokens.linkedMember).expect(200);
    expect(offers.body.map((entry: { id: string }) => entry.id)).not.toContain(offer.payload.assignmentId);
  });

  async function timersOf(ticketId: string, assignmentIds: string[]): Promise<number> {
    const rows: Array<{ count: string }> = await waitFor(
      () =>
        dataSource.query(`SELECT count(*) AS count FROM durable_timer WHERE key = ANY($1)`, [
          [ticketId, ...assignmentIds],
        ]),
      { description: 'the durable timers' },
    );
    return Number(rows[0].count);
  }
});
