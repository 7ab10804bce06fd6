import { assignmentAcceptedV1, ticketDispatchedV1, Topics, workCompletedV1 } from '@loop/contracts';
import { TimerPoller } from '@loop/platform';
import { EventFeed, TestService, TopicRecorder } from '@loop/testing';
import { DataSource } from 'typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import {
  dispatchStory,
  People,
  readTicket,
  startRequestsService,
  submitTicket,
  waitForTicket,
} from './support/requests-kit';

// The confirmation period is a few seconds here; the reopening window one second.
describe('auto-confirmation of resolved tickets', () => {
  let service: TestService;
  let people: People;
  let feed: EventFeed;
  let published: TopicRecorder;

  beforeAll(async () => {
    service = await startRequestsService({ AUTO_CONFIRM_AFTER: 'PT4S', REOPEN_WINDOW: '1' });
    people = new People(service);
    feed = await EventFeed.connect(service);
    published = await TopicRecorder.start(service, Topics.requestsTicket);
  });
  afterAll(async () => {
    await published?.stop();
    await feed?.close();
    await service?.close();
  });

  async function resolve(token: string, ticket: { id: string; submittedAt: string }, app = service.app) {
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)),
      feed.envelope(workCompletedV1, story.completed(3), story.at(3)),
    );
    await waitFor(app, token, ticket.id, 'resolved');
    return story;
  }

  async function waitFor(app: NestExpressApplication, token: string, id: string, status: string) {
    return waitForTicket(
      { ...service, app },
      token,
      id,
      (ticket) => ticket.status === status,
      `the ticket to be ${status}`,
    );
  }

  it('closes a resolved ticket the resident does not confirm, once, and refuses a reopening after the window with 422', async () => {
    const token = await people.resident('resident-silent');
    const ticket = await submitTicket(service, token);
    const story = await resolve(token, ticket);
    const closed = await waitFor(service.app, token, ticket.id, 'closed');
    expect(closed).toMatchObject({ autoConfirmed: true, rating: null });
    expect(closed.timeline.filter((entry) => entry.type === 'ticket.confirmed')).toHaveLength(1);
    const envelope = await published.waitFor('ticket.confirmed', ticket.id);
    expect(envelope).toMatchObject({
      actor: { role: 'system' },
      payload: { auto: true, rating: null, assignmentId: story.assignmentId },
    });
    const late = await request(service.app.getHttpServer())
      .post(`/tickets/${ticket.id}/reopen`)
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', 'en')
      .send({ reasonCode: 'recurred', reasonText: 'broke again' })
      .expect(422);
    expect(late.body.code).toBe('ticket.reopen-window-closed');
  });

  it('does not auto-confirm a ticket the resident confirmed themselves', async () => {
    const token = await people.resident('resident-prompt');
    const ticket = await submitTicket(service, token);
    await resolve(token, ticket);
    await request(service.app.getHttpServer())
      .post(`/tickets/${ticket.id}/confirm`)
      .set('Authorization', `Bearer ${token}`)
      .send({ rating: 4 })
      .expect(200);
    const other = await submitTicket(service, token);
    await resolve(token, other);
    await waitFor(service.app, token, other.id, 'closed');
    // The other ticket's auto-confirmation has fired by now; this one's timer was cancelled.
    const read = await readTicket(service, token, ticket.id);
    expect(read).toMatchObject({ autoConfirmed: false, rating: 4 });
    expect(read.timeline.filter((entry) => entry.type === 'ticket.confirmed')).toHaveLength(1);
  });

  it('ends with exactly one confirmation when the resident confirms just as the auto-confirm timer fires', async () => {
    const token = await people.resident('resident-racing');
    const ticket = await submitTicket(service, token);
    await resolve(token, ticket);
    // Hold the timer's row so the background poller (which skips locked rows) cannot fire it before the
    // race; once it is due, release it and let the resident and the poller go at the same moment.
    const holder = service.app.get(DataSource).createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    const [timer] = await holder.query(`SELECT due_at FROM durable_timer WHERE key = $1 FOR UPDATE`, [
      ticket.id,
    ]);
    expect(timer).toBeDefined();
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, new Date(timer.due_at).getTime() - Date.now() + 50)),
    );
    await holder.commitTransaction();
    await holder.release();
    const [byResident] = await Promise.all([
      request(service.app.getHttpServer())
        .post(`/tickets/${ticket.id}/confirm`)
        .set('Authorization', `Bearer ${token}`)
        .send({ rating: 4 }),
      service.app.get(TimerPoller).fireDueTimers(),
    ]);
    expect([200, 409]).toContain(byResident.status);
    const closed = await waitFor(service.app, token, ticket.id, 'closed');
    expect(closed.timeline.filter((entry) => entry.type === 'ticket.confirmed')).toHaveLength(1);
    // Whoever won, the ticket says so consistently: the resident's rating or the automatic confirmation.
    expect(closed).toMatchObject(
      byResident.status === 200 ? { autoConfirmed: false, rating: 4 } : { autoConfirmed: true, rating: null },
    );
  });

  it('still auto-confirms after the service restarts before the timer is due', async () => {
    const token = await people.resident('resident-restart');
    const ticket = await submitTicket(service, token);
    await resolve(token, ticket);
    const restarted = await service.restart();
    const closed = await waitFor(restarted, token, ticket.id, 'closed');
    expect(closed.autoConfirmed).toBe(true);
    expect(closed.timeline.filter((entry) => entry.type === 'ticket.confirmed')).toHaveLength(1);
  });
});
