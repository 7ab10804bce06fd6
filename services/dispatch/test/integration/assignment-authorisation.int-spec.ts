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

describe('who may act on offers and dispatch cases', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let ticketId: string;
  let assignmentId: string;
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    ({ service, harness, tokens } = await startAssignmentSuite({
      env: { LOG_LEVEL: 'error' },
      policies: [{ offerMinutes: 60, acceptMinutes: 120, completeMinutes: 600 }],
    }));
    const ticket = aSubmittedTicket();
    ticketId = ticket.ticketId;
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string }>(ticketId, 'ticket.dispatched');
    assignmentId = offer.payload.assignmentId;
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  it('refuses every route without a token', async () => {
    await http().get('/me/offers').expect(401);
    await http().post(`/assignments/${assignmentId}/accept`).expect(401);
    await http().get(`/communities/${world.communityA}/dispatch-board`).expect(401);
  });

  it('refuses residents the member and staff routes', async () => {
    await http().get('/me/offers').set('Authorization', tokens.resident).expect(403);
    await http()
      .post(`/assignments/${assignmentId}/accept`)
      .set('Authorization', tokens.resident)
      .expect(403);
    await http()
      .post(`/dispatch-cases/${ticketId}/dispatch`)
      .set('Authorization', tokens.resident)
      .send({ assignee: { kind: 'member', id: world.plainMember } })
      .expect(403);
  });

  it('lets a member act only on offers made to them, and changes nothing otherwise', async () => {
    for (const action of ['accept', 'start', 'decline', 'hand-back', 'complete']) {
      const body =
        action === 'complete'
          ? { minutesSpent: 10 }
          : action === 'decline'
            ? { reasonCode: 'busy' }
            : { reasonCode: 'other' };
      const refused = await http()
        .post(`/assignments/${assignmentId}/${action}`)
        .set('Authorization', tokens.plainMember)
        .send(body)
        .expect(403);
      expect(refused.body.code).toBe('assignment.not-yours');
    }
    const offers = await http().get('/me/offers').set('Authorization', tokens.plainMember).expect(200);
    expect(offers.body).toEqual([]);
    const dispatchCase = await waitForCase(service.app, ticketId, tokens.staffA);
    expect(dispatchCase).toMatchObject({ status: 'offered', returns: 0, currentAssignmentId: assignmentId });
  });

  it("keeps staff to their own community's tickets and board", async () => {
    const outside = await http()
      .get(`/dispatch-cases/${ticketId}/suggestion`)
      .set('Authorization', tokens.staffB)
      .expect(403);
    expect(outside.body.code).toBe('dispatch-case.outside-scope');
    await http().get(`/dispatch-cases/${ticketId}`).set('Authorization', tokens.staffB).expect(403);
    await http()
      .get(`/communities/${world.communityA}/dispatch-board`)
      .set('Authorization', tokens.staffB)
      .expect(403);
    await http()
      .post(`/dispatch-cases/${ticketId}/redispatch`)
      .set('Authorization', tokens.staffB)
      .send({ replacesAssignmentId: assignmentId, assignee: { kind: 'member', id: world.memberB } })
      .expect(403);
    await http()
      .get(`/communities/${world.communityA}/dispatch-board`)
      .set('Authorization', tokens.staffA)
      .expect(200);
  });

  it('lets an official dispatch only tickets escalated to their level', async () => {
    const refused = await http()
      .post(`/dispatch-cases/${ticketId}/redispatch`)
      .set('Authorization', tokens.streetOfficial)
      .send({ replacesAssignmentId: assignmentId, assignee: { kind: 'member', id: world.plainMember } })
      .expect(403);
    expect(refused.body.code).toBe('dispatch-case.outside-scope');
    const mine = await http()
      .get('/escalations/mine')
      .set('Authorization', tokens.countyOfficial)
      .expect(200);
    expect(mine.body).toEqual([]);
  });

  it('answers unknown offers and tickets with 404 and malformed input with 400 naming the field', async () => {
    const missing = '0190c000-0000-7000-8000-000000000000';
    expect(
      (
        await http()
          .post(`/assignments/${missing}/accept`)
          .set('Authorization', tokens.linkedMember)
          .expect(404)
      ).body.code,
    ).toBe('assignment.not-found');
    expect(
      (await http().get(`/dispatch-cases/${missing}`).set('Authorization', tokens.staffA).expect(404)).body
        .code,
    ).toBe('dispatch-case.not-found');
    await http().post('/assignments/not-a-uuid/accept').set('Authorization', tokens.linkedMember).expect(400);
    const badReason = await http()
      .post(`/assignments/${assignmentId}/decline`)
      .set('Authorization', tokens.linkedMember)
      .send({ reasonCode: 'lazy' })
      .expect(400);
    expect(badReason.body.errors.map((error: { field: string }) => error.field)).toEqual(['reasonCode']);
    const badMinutes = await http()
      .post(`/assignments/${assignmentId}/complete`)
      .set('Authorization', tokens.linkedMember)
      .send({ minutesSpent: 0 })
      .expect(400);
    expect(badMinutes.body.errors.map((error: { field: string }) => error.field)).toEqual(['minutesSpent']);
    const badAssignee = await http()
      .post(`/dispatch-cases/${ticketId}/dispatch`)
      .set('Authorization', tokens.staffA)
      .send({ assignee: { kind: 'robot', id: '13800138000' } })
      .expect(400);
    expect(badAssignee.body.errors.length).toBeGreaterThan(0);
    // Nothing changed: the offer still waits for its member.
    const dispatchCase = await waitForCase(service.app, ticketId, tokens.staffA);
    expect(dispatchCase).toMatchObject({ status: 'offered', currentAssignmentId: assignmentId });
  });
});
