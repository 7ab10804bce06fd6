import { assignmentAcceptedV1, ticketDispatchedV1, workCompletedV1 } from '@loop/contracts';
import { EventFeed, TestService } from '@loop/testing';
import request from 'supertest';
import { FakeAuditPeers } from './support/fake-audit-peers';
import {
  dispatchStory,
  People,
  readTicket,
  startRequestsService,
  submitTicket,
  waitForTicket,
} from './support/requests-kit';

// The auditor against real HTTP peers on 127.0.0.1 that answer with facts each test sets. Nothing
// settles here (LOOP_AUDIT_SETTLE_SECONDS=0), so every ticket and event is judged at once.
describe('the loop audit', () => {
  let peers: FakeAuditPeers;
  let service: TestService;
  let people: People;
  let feed: EventFeed;
  let admin: string;
  let open: { id: string; number: string };
  let resolved: { id: string; number: string };
  let closed: { id: string; number: string };

  beforeAll(async () => {
    peers = await FakeAuditPeers.start();
    service = await startRequestsService({ ...peers.env, LOOP_AUDIT_SETTLE_SECONDS: '0' });
    people = new People(service);
    feed = await EventFeed.connect(service);
    admin = await service.tokenFor({ sub: 'admin-1', roles: ['admin'] });
    const resident = await people.resident('resident-audit');
    open = await submitTicket(service, resident);
    resolved = await resolve(resident, await submitTicket(service, resident));
    closed = await resolve(resident, await submitTicket(service, resident));
    await request(service.app.getHttpServer())
      .post(`/tickets/${closed.id}/confirm`)
      .set('Authorization', `Bearer ${resident}`)
      .send({ rating: 5 })
      .expect(200);
  });
  afterEach(() => peers.reset());
  afterAll(async () => {
    await feed?.close();
    await service?.close();
    await peers?.close();
  });

  async function resolve(token: string, ticket: { id: string; number: string; submittedAt: string }) {
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)),
      feed.envelope(workCompletedV1, story.completed(3), story.at(3)),
    );
    await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.status === 'resolved',
      'the ticket to be resolved',
    );
    return ticket;
  }

  const audit = (token = admin, query = '') =>
    request(service.app.getHttpServer()).get(`/audit/loop${query}`).set('Authorization', `Bearer ${token}`);

  it('reports a clean loop when every service agrees, having asked each with the caller’s token', async () => {
    const response = await audit().expect(200);
    expect(response.body).toMatchObject({
      ticketsChecked: 3,
      findings: [],
      counts: {
        'open-without-owner': 0,
        'open-without-future-deadline': 0,
        'closed-hours-missing': 0,
        'closed-hours-doubled': 0,
        'notification-missing': 0,
      },
    });
    // Submitted ×3, then dispatched, accepted and completed ×2, and one confirmation.
    expect(response.body.eventsChecked).toBe(10);
    expect(new Date(response.body.checkedAt).getTime()).not.toBeNaN();
    for (const peer of [peers.dispatch, peers.volunteerHours, peers.notificationsPeer]) {
      expect(peer.authorizations.at(-1)).toBe(`Bearer ${admin}`);
    }
    expect(peers.dispatch.requests.at(-1)?.sort()).toEqual([open.id, resolved.id, closed.id].sort());
  });

  it('lists an open ticket dispatch has no case for as without an owner', async () => {
    peers.cases.set(open.id, null);
    const response = await audit().expect(200);
    expect(response.body.findings).toEqual([
      {
        kind: 'open-without-owner',
        ticketId: open.id,
        ticketNumber: open.number,
        detail: 'submitted, but dispatch has no case',
      },
    ]);
    expect(response.body.counts['open-without-owner']).toBe(1);
  });

  it('lists an open ticket whose case has no pending deadline', async () => {
    peers.cases.set(open.id, {
      ticketId: open.id,
      status: 'awaiting_dispatch',
      owner: { kind: 'community', id: 'c-01' },
      nextDeadlineAt: null,
      minutesSpent: null,
      completedByKind: null,
    });
    const response = await audit().expect(200);
    expect(response.body.findings).toEqual([
      expect.objectContaining({ kind: 'open-without-future-deadline', ticketId: open.id }),
    ]);
  });

  it('takes a resolved ticket’s deadline from its pending auto-confirmation, not from dispatch', async () => {
    peers.cases.set(resolved.id, {
      ticketId: resolved.id,
      status: 'resolved',
      owner: null,
      nextDeadlineAt: null,
      minutesSpent: 45,
      completedByKind: 'member',
    });
    const response = await audit().expect(200);
    expect(response.body.findings).toEqual([]);
  });

  it('lists a closed ticket whose hours are missing, and one whose hours are doubled', async () => {
    peers.standingCredits.set(closed.id, 0);
    const missing = await audit().expect(200);
    expect(missing.body.findings).toEqual([
      expect.objectContaining({
        kind: 'closed-hours-missing',
        ticketId: closed.id,
        ticketNumber: closed.number,
      }),
    ]);
    peers.standingCredits.set(closed.id, 2);
    const doubled = await audit().expect(200);
    expect(doubled.body.findings).toEqual([
      expect.objectContaining({ kind: 'closed-hours-doubled', ticketId: closed.id }),
    ]);
  });

  it('lists a loop event notifications never handled', async () => {
    const resident = await people.resident('resident-audit');
    const completion = (await readTicket(service, resident, resolved.id)).timeline.find(
      (entry) => entry.type === 'work.completed',
    );
    peers.notifications.set(completion?.eventId as string, { handled: false, notifications: 0 });
    const response = await audit().expect(200);
    expect(response.body.findings).toEqual([
      expect.objectContaining({ kind: 'notification-missing', ticketId: resolved.id }),
    ]);
    expect(response.body.findings[0].detail).toContain(`work.completed ${completion?.eventId}`);
    expect(response.body.findings[0].detail).toContain('never handled by notifications');
  });

  it('accepts a loop event notifications handled with nobody to tell', async () => {
    const resident = await people.resident('resident-audit');
    const completion = (await readTicket(service, resident, resolved.id)).timeline.find(
      (entry) => entry.type === 'work.completed',
    );
    peers.notifications.set(completion?.eventId as string, { handled: true, notifications: 0 });
    const response = await audit().expect(200);
    expect(response.body.findings).toEqual([]);
    expect(response.body.counts['notification-missing']).toBe(0);
  });

  it('leaves closed tickets older than closedSince out, and keeps every open one', async () => {
    const response = await audit(admin, `?closedSince=${new Date(Date.now() + 60_000).toISOString()}`).expect(
      200,
    );
    expect(response.body.ticketsChecked).toBe(2);
  });

  it('sets loop_audit_findings by kind and counts the runs by outcome', async () => {
    peers.cases.set(open.id, null);
    await audit().expect(200);
    const metrics = await request(service.app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/loop_audit_findings\{kind="open-without-owner"[^}]*\} 1/);
    expect(metrics.text).toMatch(/loop_audit_findings\{kind="notification-missing"[^}]*\} 0/);
    expect(metrics.text).toMatch(/loop_audit_runs_total\{outcome="findings"[^}]*\} \d+/);
  });

  it('fails with 503 naming the peer when a peer answers an error, never with a clean report', async () => {
    peers.volunteerHours.mode = 'error';
    const response = await audit().expect(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 503, code: 'loop-audit.peer-unavailable' });
    expect(response.body.detail).toContain('volunteer-hours');
    expect(response.body.findings).toBeUndefined();
  });

  it('fails with 503 naming the peer when a peer is down', async () => {
    peers.notificationsPeer.mode = 'drop';
    const response = await audit().expect(503);
    expect(response.body.detail).toContain('notifications');
    const metrics = await request(service.app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/loop_audit_runs_total\{outcome="failed"[^}]*\} [1-9]/);
  });

  it('is for admins only', async () => {
    await audit(await people.staff()).expect(403);
  });
});
