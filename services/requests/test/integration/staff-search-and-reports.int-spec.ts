import {
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  EventEnvelope,
  ticketDispatchedV1,
  ticketEscalatedV1,
  workCompletedV1,
} from '@loop/contracts';
import { EventFeed, TestService } from '@loop/testing';
import request from 'supertest';
import { v4 as uuidv4 } from 'uuid';
import {
  dispatchStory,
  People,
  place,
  startRequestsService,
  submitTicket,
  waitForTicket,
} from './support/requests-kit';

describe('staff search and the loop reports', () => {
  let service: TestService;
  let people: People;
  let feed: EventFeed;
  let http: ReturnType<typeof request>;
  let staff: string;
  const ids: Record<string, string> = {};

  // Five tickets in the community: one closed with 5 stars after a decline, one closed with 2 stars,
  // one escalated while waiting for dispatch, one cancelled, and an urgent one in the other grid.
  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    feed = await EventFeed.connect(service);
    http = request(service.app.getHttpServer());
    staff = await people.staff();

    const happy = await people.resident('resident-happy');
    ids.happy = (await submitTicket(service, happy, { title: '楼道灯不亮了' })).id;
    const grumpy = await people.resident('resident-grumpy');
    ids.grumpy = (
      await submitTicket(service, grumpy, {
        categoryCode: 'environment.sanitation',
        title: '垃圾桶满了没人清',
      })
    ).id;
    const waiting = await people.resident('resident-waiting');
    ids.waiting = (
      await submitTicket(service, waiting, { title: '邻居装修噪音大', categoryCode: 'neighbour.dispute' })
    ).id;
    const quitter = await people.resident('resident-quitter');
    ids.cancelled = (await submitTicket(service, quitter)).id;
    ids.urgent = (
      await submitTicket(service, await people.resident('resident-urgent'), {
        urgency: 'urgent',
        location: { communityId: place.community, gridId: place.otherGrid },
      })
    ).id;
    const elsewhere = await people.resident(
      'resident-elsewhere',
      place.otherCommunity,
      place.otherCommunityGrid,
    );
    await submitTicket(service, elsewhere, {
      location: { communityId: place.otherCommunity, gridId: place.otherCommunityGrid },
    });

    const read = (token: string, id: string) =>
      http.get(`/tickets/${id}`).set('Authorization', `Bearer ${token}`).expect(200);
    const story = async (id: string, token: string, declineFirst: boolean) => {
      const submittedAt = new Date((await read(token, id)).body.submittedAt);
      const first = dispatchStory(id, submittedAt);
      const second = dispatchStory(id, submittedAt);
      const events: EventEnvelope[] = declineFirst
        ? [
            feed.envelope(ticketDispatchedV1, first.dispatched(1), first.at(1)),
            feed.envelope(assignmentDeclinedV1, first.declined(2), first.at(2)),
          ]
        : [];
      events.push(
        feed.envelope(ticketDispatchedV1, second.dispatched(3, 2), second.at(3)),
        feed.envelope(assignmentAcceptedV1, second.accepted(4), second.at(4)),
        feed.envelope(workCompletedV1, second.completed(5), second.at(5)),
      );
      await feed.send(...events);
      await waitForTicket(
        service,
        token,
        id,
        (ticket) => ticket.status === 'resolved',
        'the work to be completed',
      );
    };
    await story(ids.happy, happy, true);
    await story(ids.grumpy, grumpy, false);
    await http
      .post(`/tickets/${ids.happy}/confirm`)
      .set('Authorization', `Bearer ${happy}`)
      .send({ rating: 5 })
      .expect(200);
    await http
      .post(`/tickets/${ids.grumpy}/confirm`)
      .set('Authorization', `Bearer ${grumpy}`)
      .send({ rating: 2 })
      .expect(200);
    const waitingStory = dispatchStory(ids.waiting, new Date());
    await feed.send(feed.envelope(ticketEscalatedV1, waitingStory.escalated(1, 1), waitingStory.at(1)));
    await waitForTicket(
      service,
      waiting,
      ids.waiting,
      (ticket) => ticket.escalationLevel === 1,
      'the escalation',
    );
    await http
      .post(`/tickets/${ids.cancelled}/cancel`)
      .set('Authorization', `Bearer ${quitter}`)
      .send({ reasonCode: 'withdrawn' })
      .expect(200);
  });
  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  const search = async (token: string, query: string) => {
    const response = await http.get(`/tickets?${query}`).set('Authorization', `Bearer ${token}`).expect(200);
    return (response.body.items as Array<{ id: string }>).map((item) => item.id).sort();
  };

  describe('searching', () => {
    it('finds every ticket of my community and none of another', async () => {
      expect(await search(staff, '')).toEqual(Object.values(ids).sort());
    });

    it('filters by status, category, grid, urgency, escalation, rating and free text', async () => {
      expect(await search(staff, 'status=closed')).toEqual([ids.happy, ids.grumpy].sort());
      expect(await search(staff, 'status=cancelled,submitted')).toEqual(
        [ids.cancelled, ids.waiting, ids.urgent].sort(),
      );
      expect(await search(staff, 'categoryCode=environment.sanitation')).toEqual([ids.grumpy]);
      expect(await search(staff, `gridId=${place.otherGrid}`)).toEqual([ids.urgent]);
      expect(await search(staff, 'urgency=urgent')).toEqual([ids.urgent]);
      expect(await search(staff, 'escalated=true')).toEqual([ids.waiting]);
      expect(await search(staff, 'rating=2')).toEqual([ids.grumpy]);
      expect(await search(staff, `q=${encodeURIComponent('垃圾')}`)).toEqual([ids.grumpy]);
      expect(await search(staff, 'overdue=true')).toEqual([]);
    });

    it('shows a linked official the same community and a grid worker only their grid', async () => {
      expect(await search(await people.official(), '')).toEqual(Object.values(ids).sort());
      expect(await search(await people.gridWorker('grid-worker-search'), '')).toEqual(
        [ids.happy, ids.grumpy, ids.waiting, ids.cancelled].sort(),
      );
      expect(
        await search(
          await people.official('official-2', [place.otherCommunity]),
          `communityId=${place.community}`,
        ),
      ).toEqual([]);
    });

    it('refuses the search to residents and members with 403 and bad filters with 400', async () => {
      await http
        .get('/tickets')
        .set('Authorization', `Bearer ${await people.resident('resident-happy')}`)
        .expect(403);
      await http
        .get('/tickets')
        .set('Authorization', `Bearer ${await people.member()}`)
        .expect(403);
      await http.get('/tickets?urgency=someday').set('Authorization', `Bearer ${staff}`).expect(400);
      await http.get('/tickets?escalated=maybe').set('Authorization', `Bearer ${staff}`).expect(400);
      await http.get('/tickets').expect(401);
    });
  });

  describe('reporting', () => {
    it('computes the community’s figures from the timelines', async () => {
      const response = await http
        .get(`/reports/loop?communityId=${place.community}`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      expect(response.body.counts).toEqual({
        submitted: 5,
        accepted: 2,
        completed: 2,
        closed: 2,
        cancelled: 1,
        cancelledBeforeAcceptance: 1,
        reopened: 0,
        returns: 1,
        escalated: 1,
        ratedByResidents: 2,
        ratedOnCallback: 0,
        reportsReceived: 5,
        duplicatesMerged: 0,
      });
      expect(response.body.rates).toEqual({
        acceptanceRate: 0.5,
        completionRate: 1,
        onTimeAcceptanceRate: 1,
        onTimeCompletionRate: 1,
        satisfactionRate: 0.5,
        callbackSatisfactionRate: null,
        reopenRate: 0,
        returnsPerTicket: 0.2,
      });
      expect(response.body.timeToAccept.count).toBe(2);
      expect(response.body.open).toMatchObject({ total: 2, byDeadline: { none: 2 } });
      expect(response.body.open.byOwner).toEqual([{ owner: `community:${place.community}`, count: 2 }]);
    });

    it('breaks the figures down by community, grid, category and month in one call, each group as its own report would say', async () => {
      const breakdown = await http
        .get('/reports/loop/breakdown')
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      const single = await http
        .get(`/reports/loop?communityId=${place.community}`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      const community = breakdown.body.groups.community.find(
        (group: { key: string }) => group.key === place.community,
      );
      expect(community.counts).toEqual(single.body.counts);
      expect(community.rates).toEqual(single.body.rates);
      expect(breakdown.body.totals.counts.submitted).toBe(
        breakdown.body.groups.grid.reduce(
          (sum: number, group: { counts: { submitted: number } }) => sum + group.counts.submitted,
          0,
        ),
      );
      const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
      expect(breakdown.body.groups.month.map((group: { key: string }) => group.key)).toContain(month);

      const csv = await http
        .get('/reports/loop/breakdown?by=category&format=csv')
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text).toContain('category,environment.sanitation,submitted,1');
      await http.get('/reports/loop/breakdown?by=street').set('Authorization', `Bearer ${staff}`).expect(400);
    });

    it('composes the monthly community report from the timelines, naming services that could not add their figures', async () => {
      const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
      const single = await http
        .get(`/reports/loop?communityId=${place.community}`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      // This suite runs requests alone: volunteer-hours and dispatch are not there to answer.
      const report = await http
        .get(`/reports/monthly?month=${month}`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      expect(report.body.communities.map((c: { communityId: string }) => c.communityId)).toEqual([
        place.community,
      ]);
      expect(report.body.district).toMatchObject({
        received: single.body.counts.submitted,
        acceptanceRate: single.body.rates.acceptanceRate,
        satisfactionRate: single.body.rates.satisfactionRate,
        escalated: single.body.counts.escalated,
        service: null,
        coverage: null,
      });
      expect(report.body.unavailable.sort()).toEqual(['dispatch', 'volunteer-hours']);

      const page = await http
        .get(`/reports/monthly?month=${month}&format=html`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('社区服务联席会月报');
      await http.get('/reports/monthly?month=2026-13').set('Authorization', `Bearer ${staff}`).expect(400);
      await http
        .get(`/reports/monthly?month=${month}&communityId=${place.otherCommunity}`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(403);
    });

    it('narrows the report to a grid or a category', async () => {
      const grid = await http
        .get(`/reports/loop?gridId=${place.otherGrid}`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      expect(grid.body.counts.submitted).toBe(1);
      const category = await http
        .get('/reports/loop?categoryCode=environment.sanitation')
        .set('Authorization', `Bearer ${await people.official()}`)
        .expect(200);
      expect(category.body.counts).toMatchObject({ submitted: 1, closed: 1 });
      expect(category.body.rates.satisfactionRate).toBe(0);
    });

    it('counts nothing outside the period', async () => {
      const response = await http
        .get('/reports/loop?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z')
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      expect(response.body.counts.submitted).toBe(0);
      expect(response.body.rates.acceptanceRate).toBeNull();
    });

    it('answers in CSV for Accept: text/csv or ?format=csv', async () => {
      const byHeader = await http
        .get('/reports/loop')
        .set('Authorization', `Bearer ${staff}`)
        .set('Accept', 'text/csv')
        .expect(200);
      expect(byHeader.headers['content-type']).toMatch(/^text\/csv/);
      expect(byHeader.text.split('\r\n')).toContain('counts,submitted,5');
      const byQuery = await http
        .get('/reports/loop?format=csv')
        .set('Authorization', `Bearer ${staff}`)
        .expect(200);
      expect(byQuery.text).toContain('rates,acceptanceRate,0.5');
    });

    it('refuses a community outside my scope with 403, a reversed period with 422 and residents with 403', async () => {
      const outside = await http
        .get(`/reports/loop?communityId=${uuidv4()}`)
        .set('Authorization', `Bearer ${staff}`)
        .expect(403);
      expect(outside.body.code).toBe('report.outside-scope');
      await http
        .get(`/reports/loop?gridId=${place.otherCommunityGrid}`)
        .set('Authorization', `Bearer ${await people.gridWorker('grid-worker-r')}`)
        .expect(403);
      await http
        .get('/reports/loop?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')
        .set('Authorization', `Bearer ${staff}`)
        .expect(422);
      await http.get('/reports/loop?from=yesterday').set('Authorization', `Bearer ${staff}`).expect(400);
      await http
        .get('/reports/loop')
        .set('Authorization', `Bearer ${await people.resident('resident-happy')}`)
        .expect(403);
    });
  });
});
