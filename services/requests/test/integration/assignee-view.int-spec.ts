// The party member (or property company) a ticket is offered to reads what and where the task is, with
// the resident's contact masked while deciding, in full while the work is theirs, masked again once it is
// confirmed; an assignee whose offer ended reads nothing; staff list every full read.
import {
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  ticketDispatchedV1,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import { EventFeed, TestService } from '@loop/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import {
  dispatchStory,
  People,
  startRequestsService,
  submitTicket,
  uploadPhoto,
  waitForTicket,
} from './support/requests-kit';

describe('the assignee’s view of a ticket', () => {
  let service: TestService;
  let people: People;
  let feed: EventFeed;

  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    feed = await EventFeed.connect(service);
  });
  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  const read = (token: string, ticketId: string) =>
    request(service.app.getHttpServer()).get(`/tickets/${ticketId}`).set('Authorization', `Bearer ${token}`);
  const contactReads = async (token: string, ticketId: string) =>
    (
      await request(service.app.getHttpServer())
        .get(`/tickets/${ticketId}/contact-reads`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body as Array<{ readerId: string; readerRole: string }>;

  it('shows the resident’s contact masked before acceptance, in full while the work is in hand, masked after confirmation, and logs every full read', async () => {
    const residentToken = await people.resident('resident-privacy');
    const photo = await uploadPhoto(service, residentToken);
    const ticket = await submitTicket(service, residentToken, { attachments: [photo] });
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    const memberToken = await people.member(story.assignee.id);
    const staffToken = await people.staff();

    // Before any offer the member reads nothing.
    await read(memberToken, ticket.id).expect(404);

    await feed.send(feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)));
    await waitForTicket(service, residentToken, ticket.id, (t) => t.status === 'dispatched', 'the offer');
    const offered = (await read(memberToken, ticket.id).expect(200)).body;
    expect(offered).toMatchObject({
      number: ticket.number,
      title: '楼道灯不亮',
      categoryCode: 'property.repair',
      location: { address: '幸福小区 3 号楼' },
      contact: { name: '王**', phone: '138****8000' },
      contactMasked: true,
    });
    expect(offered.description).toContain('3 号楼 2 单元');
    expect(offered.attachments).toEqual([photo]);
    // The offered member sees the photo too, as they see the ticket.
    await request(service.app.getHttpServer())
      .get(`/attachments/${photo.sha256}`)
      .set('Authorization', `Bearer ${memberToken}`)
      .expect(200)
      .expect('Content-Type', 'image/jpeg');
    expect(await contactReads(staffToken, ticket.id)).toEqual([]);

    await feed.send(feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)));
    await waitForTicket(service, residentToken, ticket.id, (t) => t.status === 'accepted', 'the acceptance');
    const accepted = (await read(memberToken, ticket.id).expect(200)).body;
    expect(accepted).toMatchObject({
      contact: { name: '王阿姨', phone: '13800138000' },
      contactMasked: false,
    });

    await feed.send(
      feed.envelope(workStartedV1, story.started(3), story.at(3)),
      feed.envelope(workCompletedV1, story.completed(4), story.at(4)),
    );
    await waitForTicket(service, residentToken, ticket.id, (t) => t.status === 'resolved', 'the completion');
    expect((await read(memberToken, ticket.id).expect(200)).body.contactMasked).toBe(false);

    await request(service.app.getHttpServer())
      .post(`/tickets/${ticket.id}/confirm`)
      .set('Authorization', `Bearer ${residentToken}`)
      .send({ rating: 5 })
      .expect(200);
    const confirmed = (await read(memberToken, ticket.id).expect(200)).body;
    expect(confirmed).toMatchObject({ status: 'closed', contact: { name: '王**' }, contactMasked: true });

    // The resident and staff always read the contact in full; only the member's two full reads are logged.
    expect((await read(residentToken, ticket.id).expect(200)).body.contactMasked).toBe(false);
    expect((await read(staffToken, ticket.id).expect(200)).body.contact.phone).toBe('13800138000');
    expect(await contactReads(staffToken, ticket.id)).toEqual([
      expect.objectContaining({ readerId: story.assignee.id, readerRole: 'member' }),
      expect.objectContaining({ readerId: story.assignee.id, readerRole: 'member' }),
    ]);
  });

  it('stops showing the ticket to a member whose offer was declined and shows it to the next one', async () => {
    const residentToken = await people.resident('resident-reassigned');
    const ticket = await submitTicket(service, residentToken);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    const secondAssignmentId = uuidv7();
    const second = { kind: 'member' as const, id: 'member-88' };
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentDeclinedV1, story.declined(2), story.at(2)),
      feed.envelope(
        ticketDispatchedV1,
        { ...story.dispatched(3, 2, secondAssignmentId), assignee: second },
        story.at(3),
      ),
    );
    await waitForTicket(
      service,
      residentToken,
      ticket.id,
      (t) => t.assignmentId === secondAssignmentId,
      'the second offer',
    );

    await read(await people.member(story.assignee.id), ticket.id).expect(404);
    const offered = (await read(await people.member(second.id), ticket.id).expect(200)).body;
    expect(offered).toMatchObject({ contactMasked: true, contact: { phone: '138****8000' } });
  });

  it('lists full reads to staff of the ticket’s community only', async () => {
    const ticket = await submitTicket(service, await people.resident('resident-scope'));
    await request(service.app.getHttpServer())
      .get(`/tickets/${ticket.id}/contact-reads`)
      .set('Authorization', `Bearer ${await people.staff('staff-elsewhere', [uuidv7()])}`)
      .expect(404);
    await request(service.app.getHttpServer())
      .get(`/tickets/${ticket.id}/contact-reads`)
      .set('Authorization', `Bearer ${await people.member('member-77')}`)
      .expect(403);
  });
});
