import {
  assignmentAcceptedV1,
  fixturePayload,
  hoursCreditedV1,
  hoursReversedV1,
  notificationDeliveredV1,
  notificationDeliveredV2,
  assignmentDeclinedV1,
  Topics,
  ticketDispatchedV1,
  ticketEscalatedV1,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import { EventFeed, TestService, TopicRecorder, waitFor } from '@loop/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  dispatchStory,
  People,
  readTicket,
  startRequestsService,
  submitTicket,
  waitForTicket,
} from './support/requests-kit';

describe('the ticket projection of dispatch events', () => {
  let service: TestService;
  let people: People;
  let feed: EventFeed;
  let published: TopicRecorder;

  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    feed = await EventFeed.connect(service);
    published = await TopicRecorder.start(service, Topics.requestsTicket);
  });
  afterAll(async () => {
    await published?.stop();
    await feed?.close();
    await service?.close();
  });

  async function resolvedTicket(residentId: string) {
    const token = await people.resident(residentId);
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)),
      feed.envelope(workStartedV1, story.started(3), story.at(3)),
      feed.envelope(workCompletedV1, story.completed(4), story.at(4)),
    );
    await waitForTicket(
      service,
      token,
      ticket.id,
      (read) => read.status === 'resolved',
      'the ticket to be resolved',
    );
    return { token, ticket, story };
  }

  it('publishes ticket.submitted through the outbox, with no contact details in it', async () => {
    const ticket = await submitTicket(service, await people.resident('resident-outbox'));
    const envelope = await published.waitFor('ticket.submitted', ticket.id);
    expect(envelope.payload).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      residentId: 'resident-outbox',
    });
    expect(JSON.stringify(envelope)).not.toContain('13800138000');
  });

  it('follows the loop from dispatch to resolution and tells the story on the timeline', async () => {
    const { token, ticket, story } = await resolvedTicket('resident-story');
    const read = await readTicket(service, token, ticket.id);
    expect(read).toMatchObject({
      status: 'resolved',
      assignmentId: story.assignmentId,
      owner: { kind: 'resident', id: 'resident-story' },
    });
    expect(read.nextDeadlineAt).toEqual(expect.any(String));
    expect(read.timeline.map((entry) => entry.type)).toEqual([
      'ticket.submitted',
      'ticket.dispatched',
      'assignment.accepted',
      'work.started',
      'work.completed',
    ]);
    expect(read.timeline[2].summary).toBe('党员已接单');
  });

  it('tells the resident the story, one line per step saying who was told, while staff read every fact', async () => {
    const { token, ticket, story } = await resolvedTicket('resident-told');
    const accepted = (await readTicket(service, token, ticket.id)).timeline.find(
      (entry) => entry.type === 'assignment.accepted',
    )!;
    const deliveryOf = (causedByEventId: string, role: 'resident' | 'staff', at: number) =>
      feed.envelope(
        notificationDeliveredV1,
        {
          ...fixturePayload(notificationDeliveredV1),
          notificationId: uuidv7(),
          recipient: { role, id: `${role}-told` },
          causedByEventId,
          causedByEventType: 'assignment.accepted',
          ticketId: ticket.id,
          deliveredAt: story.at(at).toISOString(),
        },
        story.at(at),
      );
    await feed.send(
      deliveryOf(accepted.eventId, 'resident', 5),
      deliveryOf(accepted.eventId, 'staff', 5),
      deliveryOf(accepted.eventId, 'resident', 6),
    );
    const staffToken = await people.staff();
    const everyFact = await waitForTicket(
      service,
      staffToken,
      ticket.id,
      (t) => t.timeline.length === 8,
      'the three deliveries on the staff timeline',
    );
    const residentView = await readTicket(service, token, ticket.id);

    expect(residentView.timeline.map((entry) => entry.type)).toEqual([
      'ticket.submitted',
      'ticket.dispatched',
      'assignment.accepted',
      'work.started',
      'work.completed',
    ]);
    const acceptedStep = residentView.timeline[2];
    expect(acceptedStep.told).toEqual(['resident', 'staff']);
    expect(acceptedStep.summary).toBe('党员已接单；已通知群众、社区工作人员');
    expect(everyFact.timeline.filter((entry) => entry.type === 'notification.delivered')).toHaveLength(3);
  });

  it('folds one delivery fact naming every recipient of a step into that step, beside an older per-recipient fact', async () => {
    const { token, ticket, story } = await resolvedTicket('resident-told-all');
    const completed = (await readTicket(service, token, ticket.id)).timeline.find(
      (entry) => entry.type === 'work.completed',
    )!;
    const recipient = (role: 'resident' | 'member', id: string) => ({
      notificationId: uuidv7(),
      recipient: { role, id },
      channel: 'inbox' as const,
    });
    await feed.send(
      feed.envelope(
        notificationDeliveredV2,
        {
          causedByEventId: completed.eventId,
          causedByEventType: 'work.completed',
          ticketId: ticket.id,
          deliveries: [recipient('resident', 'resident-told-all'), recipient('member', 'member-told-all')],
          deliveredAt: story.at(5).toISOString(),
        },
        story.at(5),
      ),
      feed.envelope(
        notificationDeliveredV1,
        {
          ...fixturePayload(notificationDeliveredV1),
          notificationId: uuidv7(),
          recipient: { role: 'member', id: 'member-told-all' },
          causedByEventId: completed.eventId,
          causedByEventType: 'work.completed',
          ticketId: ticket.id,
          deliveredAt: story.at(5).toISOString(),
        },
        story.at(5),
      ),
    );
    const staffToken = await people.staff();
    const everyFact = await waitForTicket(
      service,
      staffToken,
      ticket.id,
      (t) => t.timeline.length === 7,
      'both delivery facts on the staff timeline',
    );
    const residentView = await readTicket(service, token, ticket.id);

    expect(everyFact.timeline.filter((entry) => entry.type === 'notification.delivered')).toHaveLength(2);
    expect(residentView.timeline).toHaveLength(5);
    expect(residentView.timeline[4].told).toEqual(['resident', 'member']);
    expect(residentView.timeline[4].summary).toContain('；已通知群众、党员');
  });

  it('applies an event delivered twice only once', async () => {
    const token = await people.resident('resident-twice');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    const dispatched = feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1));
    await feed.send(dispatched, dispatched);
    const accepted = feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2));
    await feed.send(accepted, accepted);
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.status === 'accepted',
      'the acceptance',
    );
    expect(read.timeline.filter((entry) => entry.eventId === dispatched.eventId)).toHaveLength(1);
    expect(read.timeline.filter((entry) => entry.eventId === accepted.eventId)).toHaveLength(1);
  });

  it('never moves a status backwards when older events arrive after newer ones', async () => {
    const token = await people.resident('resident-reordered');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(workCompletedV1, story.completed(4), story.at(4)),
      feed.envelope(workStartedV1, story.started(3), story.at(3)),
      feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)),
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
    );
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.timeline.length === 5,
      'all four events on the timeline',
    );
    expect(read.status).toBe('resolved');
    expect(
      read.timeline
        .filter((entry) => entry.outcome === 'stale')
        .map((entry) => entry.type)
        .sort(),
    ).toEqual(['assignment.accepted', 'ticket.dispatched', 'work.started'].sort());
  });

  it('returns a declined offer to dispatch and takes the next offer', async () => {
    const token = await people.resident('resident-declined');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    const second = uuidv7();
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentDeclinedV1, story.declined(2), story.at(2)),
    );
    await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.status === 'submitted' && t.timeline.length === 3,
      'the decline',
    );
    await feed.send(feed.envelope(ticketDispatchedV1, story.dispatched(3, 2, second), story.at(3)));
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.status === 'dispatched',
      'the second offer',
    );
    expect(read.assignmentId).toBe(second);
  });

  it('never takes an offer whose decline overtook it', async () => {
    const token = await people.resident('resident-overtaken');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(assignmentDeclinedV1, story.declined(2), story.at(2)),
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
    );
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.timeline.length === 3,
      'both events',
    );
    expect(read).toMatchObject({ status: 'submitted', assignmentId: null });
    expect(read.timeline.map((entry) => entry.outcome)).toEqual([
      'applied',
      'not-applicable',
      'not-applicable',
    ]);
  });

  it('raises the escalation level and never lowers it', async () => {
    const token = await people.resident('resident-escalated');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(ticketEscalatedV1, story.escalated(1, 2), story.at(1)),
      feed.envelope(ticketEscalatedV1, story.escalated(2, 1), story.at(2)),
    );
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.timeline.length === 3,
      'both escalations',
    );
    expect(read.escalationLevel).toBe(2);
    expect(read.status).toBe('submitted');
  });

  it('puts credited and reversed hours and deliveries on the staff timeline, in English when asked, without changing the status', async () => {
    const { ticket, story } = await resolvedTicket('resident-hours');
    const token = await people.staff();
    const source = { kind: 'ticket' as const, id: ticket.id };
    await feed.send(
      feed.envelope(
        notificationDeliveredV1,
        {
          ...fixturePayload(notificationDeliveredV1),
          ticketId: ticket.id,
          deliveredAt: story.at(5).toISOString(),
        },
        story.at(5),
      ),
      feed.envelope(
        hoursCreditedV1,
        { ...fixturePayload(hoursCreditedV1), source, creditedAt: story.at(6).toISOString() },
        story.at(6),
      ),
      feed.envelope(
        hoursReversedV1,
        { ...fixturePayload(hoursReversedV1), source, reversedAt: story.at(7).toISOString() },
        story.at(7),
      ),
    );
    await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.timeline.length === 8,
      'the three entries on the timeline',
    );
    const response = await request(service.app.getHttpServer())
      .get(`/tickets/${ticket.id}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(response.body.status).toBe('resolved');
    expect(response.body.timeline.slice(5).map((entry: { summary: string }) => entry.summary)).toEqual([
      'A person concerned was notified',
      '40 service minutes credited to the member',
      '40 service minutes reversed',
    ]);
    expect(response.body.timeline[2].summary).toBe('Accepted by a party member');
  });

  it('records deliveries and credited hours while another transaction is changing the ticket', async () => {
    const { ticket, story } = await resolvedTicket('resident-busy-ticket');
    const token = await people.staff();
    // A writer (a confirmation, a dispatch fact) holds the ticket as the service's own writers do and has
    // already changed it; timeline-only events must not wait for it to finish.
    const writer = service.app.get(DataSource).createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query(`SELECT id FROM ticket WHERE id = $1 FOR NO KEY UPDATE`, [ticket.id]);
      await writer.query(`UPDATE ticket SET updated_at = now() WHERE id = $1`, [ticket.id]);
      const delivered = feed.envelope(
        notificationDeliveredV1,
        {
          ...fixturePayload(notificationDeliveredV1),
          ticketId: ticket.id,
          deliveredAt: story.at(5).toISOString(),
        },
        story.at(5),
      );
      const credited = feed.envelope(
        hoursCreditedV1,
        {
          ...fixturePayload(hoursCreditedV1),
          source: { kind: 'ticket' as const, id: ticket.id },
          creditedAt: story.at(6).toISOString(),
        },
        story.at(6),
      );
      await feed.send(delivered, credited);
      const read = await waitForTicket(
        service,
        token,
        ticket.id,
        (t) => t.timeline.length === 7,
        'the delivery and the credit on the timeline while the ticket is held',
      );
      expect(read.timeline.slice(5)).toEqual([
        expect.objectContaining({ eventId: delivered.eventId, outcome: 'not-applicable' }),
        expect.objectContaining({ eventId: credited.eventId, outcome: 'not-applicable' }),
      ]);
      expect(read.status).toBe('resolved');
    } finally {
      await writer.commitTransaction();
      await writer.release();
    }
  });

  it('ignores a delivery about a ticket it does not know and goes on with the others', async () => {
    const { ticket, story } = await resolvedTicket('resident-unknown-neighbour');
    const token = await people.staff();
    const unknownTicketId = uuidv7();
    const delivery = (ticketId: string) =>
      feed.envelope(
        notificationDeliveredV1,
        { ...fixturePayload(notificationDeliveredV1), ticketId, deliveredAt: story.at(5).toISOString() },
        story.at(5),
      );
    const aboutUnknown = delivery(unknownTicketId);
    await feed.send(aboutUnknown, delivery(ticket.id));
    await waitForTicket(service, token, ticket.id, (t) => t.timeline.length === 6, 'the known delivery');
    const dataSource = service.app.get(DataSource);
    await waitFor(
      async () =>
        (await dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [aboutUnknown.eventId])).length,
      { description: 'the delivery about an unknown ticket to be handled' },
    );
    const entries = await dataSource.query(`SELECT 1 FROM ticket_timeline_event WHERE ticket_id = $1`, [
      unknownTicketId,
    ]);
    expect(entries).toHaveLength(0);
  });

  it('closes a resolved ticket with the resident’s rating and publishes ticket.confirmed', async () => {
    const { token, ticket, story } = await resolvedTicket('resident-confirm');
    const response = await request(service.app.getHttpServer())
      .post(`/tickets/${ticket.id}/confirm`)
      .set('Authorization', `Bearer ${token}`)
      .send({ rating: 5, comment: '修得很快，谢谢！' })
      .expect(200);
    expect(response.body).toMatchObject({
      status: 'closed',
      rating: 5,
      autoConfirmed: false,
      nextDeadlineAt: null,
    });
    const envelope = await published.waitFor('ticket.confirmed', ticket.id);
    expect(envelope.payload).toMatchObject({ assignmentId: story.assignmentId, rating: 5, auto: false });
  });

  it('refuses a rating outside 1–5 with 400 and a stranger’s confirmation with 404', async () => {
    const { token, ticket } = await resolvedTicket('resident-rating');
    const http = request(service.app.getHttpServer());
    await http
      .post(`/tickets/${ticket.id}/confirm`)
      .set('Authorization', `Bearer ${token}`)
      .send({ rating: 6 })
      .expect(400);
    await http
      .post(`/tickets/${ticket.id}/confirm`)
      .set('Authorization', `Bearer ${await people.resident('resident-stranger')}`)
      .send({ rating: 1 })
      .expect(404);
    const staff = await http
      .post(`/tickets/${ticket.id}/confirm`)
      .set('Authorization', `Bearer ${await people.staff()}`)
      .send({ rating: 1 });
    expect(staff.status).toBe(403);
  });

  it('never lets whoever filed a ticket rate it: staff close a patrol finding on a callback, counted apart', async () => {
    const filer = await people.staff('staff-filer');
    const ticket = await submitTicket(service, filer, { source: 'walk_in' });
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)),
      feed.envelope(workCompletedV1, story.completed(3), story.at(3)),
    );
    await waitForTicket(service, filer, ticket.id, (t) => t.status === 'resolved', 'the completion');
    const http = request(service.app.getHttpServer());

    const ownVerdict = await http
      .post(`/tickets/${ticket.id}/callback`)
      .set('Authorization', `Bearer ${filer}`)
      .send({ rating: 5 })
      .expect(403);
    expect(ownVerdict.body.code).toBe('ticket.own-filing-verdict');
    await http
      .post(`/tickets/${ticket.id}/confirm`)
      .set('Authorization', `Bearer ${filer}`)
      .send({ rating: 5 })
      .expect(403);

    const closed = await http
      .post(`/tickets/${ticket.id}/callback`)
      .set('Authorization', `Bearer ${await people.staff('staff-callback')}`)
      .send({ rating: 4, comment: '电话回访，居民表示满意' })
      .expect(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.timeline.at(-1)).toMatchObject({
      type: 'ticket.confirmed',
      summary: '社区回访群众确认办结，评分 4 星',
    });
    const confirmed = await published.waitFor('ticket.confirmed', ticket.id);
    expect(confirmed.payload).toMatchObject({ rating: 4, auto: false, confirmedBy: 'callback' });
  });

  it('reopens a resolved ticket with a reason and publishes ticket.reopened', async () => {
    const { token, ticket, story } = await resolvedTicket('resident-reopen');
    const http = request(service.app.getHttpServer());
    await http
      .post(`/tickets/${ticket.id}/reopen`)
      .set('Authorization', `Bearer ${token}`)
      .send({ reasonCode: 'not_fixed' })
      .expect(400);
    const response = await http
      .post(`/tickets/${ticket.id}/reopen`)
      .set('Authorization', `Bearer ${token}`)
      .send({ reasonCode: 'not_fixed', reasonText: '灯还是不亮' })
      .expect(200);
    expect(response.body).toMatchObject({ status: 'reopened', reopenCount: 1, assignmentId: null });
    const envelope = await published.waitFor('ticket.reopened', ticket.id);
    expect(envelope.payload).toMatchObject({
      assignmentId: story.assignmentId,
      reopenedFrom: 'resolved',
      reopenCount: 1,
    });
    // A late re-publication of the completed work must not resolve the reopened ticket again.
    await feed.send(feed.envelope(workCompletedV1, story.completed(4), story.at(4)));
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.timeline.length === 7,
      'the late completion on the timeline',
    );
    expect(read.status).toBe('reopened');
  });
});
