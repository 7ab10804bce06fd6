import {
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  QueueReason,
  ticketDispatchedV1,
  TicketQueuedV1,
  ticketQueuedV1,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import { EventFeed, TestService } from '@loop/testing';
import request from 'supertest';
import {
  dispatchStory,
  People,
  place,
  startRequestsService,
  submitTicket,
  waitForTicket,
} from './support/requests-kit';

const hour = 3_600_000;

/** What dispatch publishes when a ticket waits for the community's staff, `acceptInMs` before its deadline. */
function queuedPayload(ticketId: string, reason: QueueReason, queuedAt: Date, acceptInMs = 2 * hour) {
  return {
    ticketId,
    communityId: place.community,
    reason,
    acceptDueAt: new Date(queuedAt.getTime() + acceptInMs).toISOString(),
    completionDueAt: new Date(queuedAt.getTime() + 24 * hour).toISOString(),
    queuedAt: queuedAt.toISOString(),
  } satisfies TicketQueuedV1;
}

describe('tickets waiting in the community’s dispatch queue, as the loop sees them', () => {
  let service: TestService;
  let people: People;
  let feed: EventFeed;
  let staff: string;

  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    feed = await EventFeed.connect(service);
    staff = await people.staff();
  });
  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  async function openByDeadline(): Promise<Record<string, number>> {
    const response = await request(service.app.getHttpServer())
      .get(`/reports/loop?communityId=${place.community}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    return response.body.open.byDeadline as Record<string, number>;
  }

  it('gives a ticket left for staff its accept deadline and no longer reports it without one', async () => {
    const token = await people.resident('resident-queued');
    const ticket = await submitTicket(service, token);
    expect(await openByDeadline()).toMatchObject({ none: 1, within_24h: 0 });

    const queued = queuedPayload(
      ticket.id,
      'submitted',
      new Date(new Date(ticket.submittedAt).getTime() + 5),
    );
    await feed.send(feed.envelope(ticketQueuedV1, queued, new Date(queued.queuedAt)));
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.nextDeadlineAt !== null,
      'the accept deadline on the ticket',
    );

    expect(read).toMatchObject({
      status: 'submitted',
      nextDeadlineAt: queued.acceptDueAt,
      owner: { kind: 'community', id: place.community },
    });
    const entry = read.timeline[read.timeline.length - 1];
    expect(entry).toMatchObject({ type: 'ticket.queued', outcome: 'applied', summary: '等待社区派单' });
    expect(await openByDeadline()).toMatchObject({ none: 0, within_24h: 1 });
  });

  it('keeps the offer’s deadline when the queue notice arrives after the dispatch that followed it', async () => {
    const token = await people.resident('resident-overtaken-queue');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    const dispatched = story.dispatched(2);
    await feed.send(
      feed.envelope(ticketDispatchedV1, dispatched, story.at(2)),
      feed.envelope(
        ticketQueuedV1,
        queuedPayload(ticket.id, 'submitted', story.at(1), 8 * hour),
        story.at(1),
      ),
    );
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.timeline.some((entry) => entry.type === 'ticket.queued'),
      'the late queue notice on the timeline',
    );

    expect(read).toMatchObject({ status: 'dispatched', nextDeadlineAt: dispatched.offerExpiresAt });
    expect(read.timeline.find((entry) => entry.type === 'ticket.queued')?.outcome).toBe('stale');
  });

  it('shows the deadline again when a decline leaves nobody to offer the ticket to', async () => {
    const token = await people.resident('resident-returned');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    const queued = queuedPayload(ticket.id, 'returned', story.at(3));
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentDeclinedV1, story.declined(2), story.at(2)),
      feed.envelope(ticketQueuedV1, queued, story.at(3)),
    );
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.timeline.length === 4,
      'the decline and the queue notice',
    );

    expect(read).toMatchObject({
      status: 'submitted',
      assignmentId: null,
      nextDeadlineAt: queued.acceptDueAt,
    });
    expect(read.timeline[3]).toMatchObject({
      type: 'ticket.queued',
      outcome: 'applied',
      summary: '暂无其他可派人选，等待社区派单',
    });
  });

  it('gives a reopened ticket the fresh deadline dispatch set for it', async () => {
    const token = await people.resident('resident-reopened-queue');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)),
      feed.envelope(workStartedV1, story.started(3), story.at(3)),
      feed.envelope(workCompletedV1, story.completed(4), story.at(4)),
    );
    await waitForTicket(service, token, ticket.id, (t) => t.status === 'resolved', 'the resolution');
    const reopened = await request(service.app.getHttpServer())
      .post(`/tickets/${ticket.id}/reopen`)
      .set('Authorization', `Bearer ${token}`)
      .send({ reasonCode: 'not_fixed', reasonText: '灯还是不亮' })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'reopened', nextDeadlineAt: null });

    const queued = queuedPayload(ticket.id, 'reopened', new Date());
    await feed.send(feed.envelope(ticketQueuedV1, queued, new Date(queued.queuedAt)));
    const read = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.nextDeadlineAt !== null,
      'the fresh accept deadline',
    );
    expect(read).toMatchObject({ status: 'reopened', nextDeadlineAt: queued.acceptDueAt });
  });
});
