import {
  assignmentAcceptedV1,
  ticketDispatchedV1,
  Topics,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import { EventFeed, TestService, TopicRecorder, waitFor } from '@loop/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  dispatchStory,
  People,
  place,
  readTicket,
  startRequestsService,
  submitTicket,
  waitForTicket,
} from './support/requests-kit';

// Every scenario files in its own category, so that its tickets are never proposed as duplicates of
// another scenario's tickets in the same compound.
const atTheLamp = (categoryCode: string, overrides: Record<string, unknown> = {}) => ({
  categoryCode,
  title: '3号楼门口路灯不亮',
  description: '晚上走路看不见，老人出门不方便',
  location: {
    communityId: place.community,
    gridId: place.grid,
    compoundId: place.compound,
    buildingId: place.building,
  },
  ...overrides,
});

describe('duplicate reports of one problem', () => {
  let service: TestService;
  let people: People;
  let feed: EventFeed;
  let published: TopicRecorder;
  let staff: string;

  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    feed = await EventFeed.connect(service);
    published = await TopicRecorder.start(service, Topics.requestsTicket);
    staff = await people.staff();
  });
  afterAll(async () => {
    await published?.stop();
    await feed?.close();
    await service?.close();
  });

  const http = () => request(service.app.getHttpServer());
  const post = (path: string, token: string, body: object) =>
    http().post(path).set('Authorization', `Bearer ${token}`).send(body);
  const get = (path: string, token: string) => http().get(path).set('Authorization', `Bearer ${token}`);

  async function fileAs(residentId: string, body: Record<string, unknown>) {
    const token = await people.resident(residentId);
    return { token, ticket: await submitTicket(service, token, body) };
  }

  function eventsOf(type: string, ticketId: string) {
    return published.envelopes.filter(
      (envelope) => envelope.type === type && envelope.aggregateId === ticketId,
    );
  }

  describe('proposals', () => {
    it('proposes a second report at the same place and category as a duplicate of the first, and nothing for another place', async () => {
      const first = await fileAs('resident-p1', atTheLamp('property.repair'));
      const second = await fileAs('resident-p2', atTheLamp('property.repair', { title: '路灯坏了' }));
      const elsewhere = await fileAs('resident-p3', { categoryCode: 'property.repair' });

      const proposals = await get('/duplicate-proposals', staff).expect(200);
      const onTicket = await get(`/tickets/${second.ticket.id}/duplicates`, staff).expect(200);
      const onOther = await get(`/tickets/${elsewhere.ticket.id}/duplicates`, staff).expect(200);

      expect(proposals.body).toEqual([
        expect.objectContaining({
          duplicateTicketId: second.ticket.id,
          masterTicketId: first.ticket.id,
          masterTicketNumber: first.ticket.number,
          exact: true,
          status: 'open',
          similarity: expect.any(Number),
        }),
      ]);
      expect(onTicket.body).toMatchObject({
        mergedInto: null,
        duplicates: [],
        proposals: [{ status: 'open' }],
      });
      expect(onOther.body.proposals).toEqual([]);
    });
  });

  describe('merging', () => {
    it('merges a duplicate into its master: it stops its own loop, follows the master’s story and confirms on its own', async () => {
      const master = await fileAs('resident-m1', atTheLamp('property.management'));
      const duplicate = await fileAs('resident-m2', atTheLamp('property.management'));
      const silent = await fileAs('resident-m3', atTheLamp('property.management'));

      const merged = await post(`/tickets/${duplicate.ticket.id}/merge`, staff, {
        masterTicketId: master.ticket.id,
        reason: '同一盏路灯',
      }).expect(200);
      await post(`/tickets/${silent.ticket.id}/merge`, staff, { masterTicketId: master.ticket.id }).expect(
        200,
      );

      expect(merged.body).toMatchObject({
        mergedInto: { ticketId: master.ticket.id, ticketNumber: master.ticket.number },
        proposals: [
          expect.objectContaining({ status: 'merged', decidedBy: { role: 'staff', id: 'staff-1' } }),
        ],
      });
      const fact = await published.waitFor('ticket.merged', duplicate.ticket.id);
      expect(fact.actor).toEqual({ role: 'staff', id: 'staff-1' });
      expect(fact.payload).toMatchObject({
        masterTicketId: master.ticket.id,
        ticketNumber: duplicate.ticket.number,
        auto: false,
        reason: '同一盏路灯',
      });
      const ofMaster = await get(`/tickets/${master.ticket.id}/duplicates`, staff).expect(200);
      expect(ofMaster.body.duplicates.map((d: { ticketId: string }) => d.ticketId)).toEqual([
        duplicate.ticket.id,
        silent.ticket.id,
      ]);

      const story = dispatchStory(master.ticket.id, new Date(master.ticket.submittedAt));
      // One millisecond apart: the copies on the duplicate's timeline keep the master's order by time.
      const step = (n: number) => new Date(Date.now() + n);
      await feed.send(
        feed.envelope(ticketDispatchedV1, story.dispatched(1), step(1)),
        feed.envelope(assignmentAcceptedV1, story.accepted(2), step(2)),
        feed.envelope(workStartedV1, story.started(3), step(3)),
        feed.envelope(workCompletedV1, story.completed(4), step(4)),
      );
      const resolved = await waitForTicket(
        service,
        duplicate.token,
        duplicate.ticket.id,
        (t) => t.status === 'resolved',
        'the duplicate resolved by its master’s completion',
      );
      expect(resolved).toMatchObject({ mergedInto: master.ticket.id, assignmentId: story.assignmentId });
      expect(resolved.timeline.map((entry) => entry.type)).toEqual([
        'ticket.submitted',
        'ticket.merged',
        'ticket.dispatched',
        'assignment.accepted',
        'work.started',
        'work.completed',
      ]);

      await post(`/tickets/${duplicate.ticket.id}/confirm`, duplicate.token, { rating: 4 }).expect(200);
      const ownVerdict = await published.waitFor('ticket.confirmed', duplicate.ticket.id);
      expect(ownVerdict.payload).toMatchObject({
        assignmentId: story.assignmentId,
        rating: 4,
        duplicateOf: master.ticket.id,
      });
      await waitForTicket(
        service,
        master.token,
        master.ticket.id,
        (t) => t.status === 'resolved',
        'master resolved',
      );
      await post(`/tickets/${master.ticket.id}/confirm`, master.token, { rating: 5 }).expect(200);

      const closedWithMaster = await waitForTicket(
        service,
        silent.token,
        silent.ticket.id,
        (t) => t.status === 'closed',
        'the silent duplicate closed with its master',
      );
      expect(closedWithMaster).toMatchObject({ autoConfirmed: true, rating: null });
      expect((await published.waitFor('ticket.confirmed', silent.ticket.id)).payload).toMatchObject({
        auto: true,
        duplicateOf: master.ticket.id,
      });
      expect((await published.waitFor('ticket.confirmed', master.ticket.id)).payload).not.toHaveProperty(
        'duplicateOf',
      );
      expect((await readTicket(service, duplicate.token, duplicate.ticket.id)).rating).toBe(4);
    });

    it('lets two staff merging the same pair at once make one merge', async () => {
      const master = await fileAs('resident-r1', atTheLamp('environment.sanitation'));
      const duplicate = await fileAs('resident-r2', atTheLamp('environment.sanitation'));
      const secondStaff = await people.staff('staff-2');

      const answers = await Promise.all([
        post(`/tickets/${duplicate.ticket.id}/merge`, staff, { masterTicketId: master.ticket.id }),
        post(`/tickets/${duplicate.ticket.id}/merge`, secondStaff, { masterTicketId: master.ticket.id }),
      ]);

      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const dataSource = service.app.get(DataSource);
      const rows: Array<{ n: number }> = await dataSource.query(
        `SELECT count(*)::int AS n FROM ticket_timeline_event WHERE ticket_id = $1 AND type = 'ticket.merged'`,
        [duplicate.ticket.id],
      );
      expect(rows[0].n).toBe(1);
      await published.waitFor('ticket.merged', duplicate.ticket.id);
      expect(eventsOf('ticket.merged', duplicate.ticket.id)).toHaveLength(1);
    });
  });

  describe('keeping apart and unmerging', () => {
    it('never proposes a kept-apart pair again, and proposes the next match instead', async () => {
      const first = await fileAs('resident-k1', atTheLamp('city.management'));
      const second = await fileAs('resident-k2', atTheLamp('city.management'));
      const third = await fileAs('resident-k3', atTheLamp('city.management'));

      const kept = await post(`/tickets/${third.ticket.id}/keep-apart`, staff, {
        otherTicketId: first.ticket.id,
        reason: '不是同一盏灯',
      }).expect(200);

      expect(kept.body.proposals).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            masterTicketId: first.ticket.id,
            status: 'kept_apart',
            reason: '不是同一盏灯',
          }),
          expect.objectContaining({ masterTicketId: second.ticket.id, status: 'open' }),
        ]),
      );
      const open = await get('/duplicate-proposals', staff).expect(200);
      const pairs = open.body.map((p: { duplicateTicketId: string; masterTicketId: string }) => [
        p.duplicateTicketId,
        p.masterTicketId,
      ]);
      expect(pairs).not.toContainEqual([third.ticket.id, first.ticket.id]);
      expect(pairs).toContainEqual([third.ticket.id, second.ticket.id]);
    });

    it('returns an unmerged duplicate to its own loop, dispatched from scratch, with the reason on record', async () => {
      const master = await fileAs('resident-u1', atTheLamp('neighbour.dispute'));
      const duplicate = await fileAs('resident-u2', atTheLamp('neighbour.dispute'));
      await post(`/tickets/${duplicate.ticket.id}/merge`, staff, { masterTicketId: master.ticket.id }).expect(
        200,
      );
      const story = dispatchStory(master.ticket.id, new Date(master.ticket.submittedAt));
      await feed.send(
        feed.envelope(ticketDispatchedV1, story.dispatched(1), new Date(Date.now() + 1)),
        feed.envelope(assignmentAcceptedV1, story.accepted(2), new Date(Date.now() + 2)),
      );
      await waitForTicket(
        service,
        duplicate.token,
        duplicate.ticket.id,
        (t) => t.status === 'accepted',
        'followed',
      );

      const unmerged = await post(`/tickets/${duplicate.ticket.id}/unmerge`, staff, {
        reason: '3号楼北侧另有一盏不亮',
      }).expect(200);

      expect(unmerged.body).toMatchObject({
        mergedInto: null,
        proposals: [expect.objectContaining({ status: 'kept_apart', reason: '3号楼北侧另有一盏不亮' })],
      });
      const own = await readTicket(service, duplicate.token, duplicate.ticket.id);
      expect(own).toMatchObject({ status: 'submitted', mergedInto: null, assignmentId: null });
      expect((await published.waitFor('ticket.unmerged', duplicate.ticket.id)).payload).toMatchObject({
        masterTicketId: master.ticket.id,
        reason: '3号楼北侧另有一盏不亮',
      });
      // The master's work goes on without it.
      await feed.send(feed.envelope(workStartedV1, story.started(3), new Date()));
      await waitForTicket(
        service,
        master.token,
        master.ticket.id,
        (t) => t.status === 'in_progress',
        'master',
      );
      expect((await readTicket(service, duplicate.token, duplicate.ticket.id)).status).toBe('submitted');
      // Its own dispatch moves it again.
      const ownStory = dispatchStory(duplicate.ticket.id, new Date());
      await feed.send(feed.envelope(ticketDispatchedV1, ownStory.dispatched(1), new Date()));
      await waitForTicket(
        service,
        duplicate.token,
        duplicate.ticket.id,
        (t) => t.status === 'dispatched',
        'own',
      );
    });
  });

  describe('auto-merge', () => {
    it('merges an exact match at once in a community that switched auto-merge on', async () => {
      await http()
        .put(`/communities/${place.community}/duplicate-settings`)
        .set('Authorization', `Bearer ${staff}`)
        .send({ windowHours: 24, autoMerge: true })
        .expect(200);
      try {
        const master = await fileAs('resident-a1', atTheLamp('elderly.disabled.help'));
        const duplicate = await fileAs('resident-a2', atTheLamp('elderly.disabled.help'));
        const notExact = await fileAs(
          'resident-a3',
          atTheLamp('elderly.disabled.help', {
            location: { communityId: place.community, gridId: place.grid, compoundId: place.compound },
          }),
        );

        expect(duplicate.ticket).toMatchObject({ mergedInto: master.ticket.id });
        const fact = await published.waitFor('ticket.merged', duplicate.ticket.id);
        expect(fact.actor).toEqual({ role: 'system', id: 'auto-merge' });
        expect(fact.payload).toMatchObject({ auto: true, masterTicketId: master.ticket.id });
        expect(notExact.ticket).toMatchObject({ mergedInto: null });
        const onIt = await get(`/tickets/${notExact.ticket.id}/duplicates`, staff).expect(200);
        expect(onIt.body.proposals).toEqual([
          expect.objectContaining({ masterTicketId: master.ticket.id, exact: false, status: 'open' }),
        ]);
      } finally {
        await http()
          .put(`/communities/${place.community}/duplicate-settings`)
          .set('Authorization', `Bearer ${staff}`)
          .send({ windowHours: 72, autoMerge: false })
          .expect(200);
      }
    });

    it('reads the service’s default window until a community sets its own', async () => {
      const admin = await service.tokenFor({ sub: 'admin-1', roles: ['admin'] });
      const settings = await get(`/communities/${place.otherCommunity}/duplicate-settings`, admin);

      expect(settings.status).toBe(200);
      expect(settings.body).toEqual({
        communityId: place.otherCommunity,
        windowHours: 72,
        autoMerge: false,
        updatedBy: null,
        updatedAt: null,
      });
    });
  });

  describe('refusals', () => {
    let master: Awaited<ReturnType<typeof fileAs>>;
    let duplicate: Awaited<ReturnType<typeof fileAs>>;

    beforeAll(async () => {
      master = await fileAs('resident-x1', atTheLamp('public.health'));
      duplicate = await fileAs('resident-x2', atTheLamp('public.health'));
    });

    it('refuses residents and officials with 403, and staff of another community with 404', async () => {
      const body = { masterTicketId: master.ticket.id };
      await post(`/tickets/${duplicate.ticket.id}/merge`, duplicate.token, body).expect(403);
      await post(`/tickets/${duplicate.ticket.id}/merge`, await people.official(), body).expect(403);
      const stranger = await people.staff('staff-elsewhere', [place.otherCommunity]);
      const answer = await post(`/tickets/${duplicate.ticket.id}/merge`, stranger, body).expect(404);
      expect(answer.body.code).toBe('ticket.not-found');
      const settings = await get(`/communities/${place.community}/duplicate-settings`, stranger).expect(403);
      expect(settings.body.code).toBe('duplicate.action-forbidden');
    });

    it('answers bad input with a specific 4xx and changes nothing', async () => {
      const merge = (body: object) => post(`/tickets/${duplicate.ticket.id}/merge`, staff, body);
      expect((await merge({ masterTicketId: 'lamp' })).status).toBe(400);
      expect((await merge({ masterTicketId: duplicate.ticket.id })).body.code).toBe(
        'duplicate.merge-into-itself',
      );
      expect((await merge({ masterTicketId: duplicate.ticket.id, reason: 'x'.repeat(201) })).status).toBe(
        400,
      );
      expect((await post(`/tickets/${duplicate.ticket.id}/unmerge`, staff, {})).status).toBe(400);
      const notMerged = await post(`/tickets/${duplicate.ticket.id}/unmerge`, staff, {
        reason: '不是同一问题',
      });
      expect([notMerged.status, notMerged.body.code]).toEqual([409, 'duplicate.not-merged']);
      const badSettings = await http()
        .put(`/communities/${place.community}/duplicate-settings`)
        .set('Authorization', `Bearer ${staff}`)
        .send({ windowHours: 0, autoMerge: 'yes' });
      expect(badSettings.status).toBe(400);

      expect(await readTicket(service, duplicate.token, duplicate.ticket.id)).toMatchObject({
        mergedInto: null,
        status: 'submitted',
      });
    });

    it('refuses a chain, and a master with duplicates is neither merged nor cancelled', async () => {
      const third = await fileAs('resident-x3', atTheLamp('public.health'));
      await post(`/tickets/${duplicate.ticket.id}/merge`, staff, { masterTicketId: master.ticket.id }).expect(
        200,
      );

      const intoMerged = await post(`/tickets/${third.ticket.id}/merge`, staff, {
        masterTicketId: duplicate.ticket.id,
      });
      const masterIntoOther = await post(`/tickets/${master.ticket.id}/merge`, staff, {
        masterTicketId: third.ticket.id,
      });
      const cancel = await post(`/tickets/${master.ticket.id}/cancel`, master.token, {
        reasonCode: 'withdrawn',
      });

      expect([intoMerged.status, intoMerged.body.code]).toEqual([409, 'duplicate.master-is-merged']);
      expect([masterIntoOther.status, masterIntoOther.body.code]).toEqual([409, 'duplicate.has-duplicates']);
      expect([cancel.status, cancel.body.code]).toEqual([409, 'ticket.has-duplicates']);
      expect((await readTicket(service, master.token, master.ticket.id)).status).toBe('submitted');
    });
  });

  it('keeps a duplicate’s copies of its master’s steps out of the report’s own counts', async () => {
    const report = await waitFor(
      async () => {
        const answer = await get(`/reports/loop?communityId=${place.community}`, staff);
        return answer.status === 200 && answer.body.counts.duplicatesMerged >= 2 ? answer.body : undefined;
      },
      { description: 'the loop report with merged duplicates', timeoutMs: 20_000 },
    );

    expect(report.counts.reportsReceived).toBe(report.counts.submitted + report.counts.duplicatesMerged);
  });
});
