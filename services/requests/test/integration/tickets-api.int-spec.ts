import { TestService } from '@loop/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v4 as uuidv4 } from 'uuid';
import {
  People,
  place,
  readTicket,
  startRequestsService,
  submitTicket,
  ticketBody,
} from './support/requests-kit';

/** The sequence part of a ticket number, e.g. 123 of `LC-2026-000123`. */
const sequenceOf = (ticket: { number: string }) => Number(ticket.number.split('-')[2]);

describe('the tickets API', () => {
  let service: TestService;
  let people: People;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    http = request(service.app.getHttpServer());
  });
  afterAll(() => service?.close());

  describe('submitting', () => {
    it('numbers a resident’s ticket by district and year and starts its timeline', async () => {
      const token = await people.resident('resident-a');
      const response = await http
        .post('/tickets')
        .set('Authorization', `Bearer ${token}`)
        .send(ticketBody())
        .expect(201);
      const year = new Date().getUTCFullYear();
      expect(response.body.number).toMatch(new RegExp(`^LC-(${year}|${year + 1})-\\d{6}$`));
      expect(response.body).toMatchObject({
        status: 'submitted',
        residentId: 'resident-a',
        filedBy: { role: 'resident', id: 'resident-a' },
        source: 'app',
        contact: { name: '王阿姨', phone: '13800138000' },
      });
      expect(response.headers.location).toBe(`/tickets/${response.body.id}`);
      expect(response.body.timeline).toEqual([
        expect.objectContaining({
          type: 'ticket.submitted',
          summary: '工单已提交',
          actor: { role: 'resident', id: 'resident-a' },
        }),
      ]);
    });

    it('gives every one of many concurrent submissions its own consecutive number', async () => {
      const token = await people.resident('resident-burst');
      const created = await Promise.all(Array.from({ length: 12 }, () => submitTicket(service, token)));
      const sequences = created.map(sequenceOf).sort((a, b) => a - b);
      expect(new Set(sequences).size).toBe(12);
      expect(sequences[11] - sequences[0]).toBe(11);
    });

    it('leaves a number unused when a submission fails after taking it, and never gives a number twice', async () => {
      const token = await people.resident('resident-gap');
      const dataSource = service.app.get(DataSource);
      // Makes the ticket insert fail for this title, as any fault after the number was taken would.
      const failingTitle = '这张工单存不进去';
      await dataSource.query(
        `ALTER TABLE ticket ADD CONSTRAINT refuse_failing_title CHECK (title <> '${failingTitle}')`,
      );
      const submit = (title?: string) =>
        http
          .post('/tickets')
          .set('Authorization', `Bearer ${token}`)
          .send(ticketBody(title ? { title } : {}));
      try {
        const before = (await submit().expect(201)).body as { number: string };
        await submit(failingTitle).expect(500);
        const after = (await submit().expect(201)).body as { number: string };
        expect(sequenceOf(after)).toBe(sequenceOf(before) + 2);
        const burst = await Promise.all(
          Array.from({ length: 12 }, (_, index) => submit(index % 2 ? failingTitle : undefined)),
        );
        expect(burst.filter((response) => response.status === 500)).toHaveLength(6);
        const created = burst.filter((response) => response.status === 201);
        expect(created).toHaveLength(6);
        const sequences = created.map((response) => sequenceOf(response.body as { number: string }));
        expect(new Set(sequences).size).toBe(6);
        expect(Math.min(...sequences)).toBeGreaterThan(sequenceOf(after));
      } finally {
        await dataSource.query(`ALTER TABLE ticket DROP CONSTRAINT refuse_failing_title`);
      }
    });

    it('lets a grid worker file a patrol finding with no resident in their grid', async () => {
      const token = await people.gridWorker();
      const response = await http
        .post('/tickets')
        .set('Authorization', `Bearer ${token}`)
        .send(ticketBody({ categoryCode: 'safety.hazard', urgency: 'urgent', contact: undefined }))
        .expect(201);
      expect(response.body).toMatchObject({
        residentId: null,
        source: 'grid_patrol',
        filedBy: { role: 'grid_worker' },
      });
    });

    it('refuses a grid worker filing in a grid that is not theirs with 403', async () => {
      const token = await people.gridWorker();
      const response = await http
        .post('/tickets')
        .set('Authorization', `Bearer ${token}`)
        .send(ticketBody({ location: { communityId: place.community, gridId: place.otherGrid } }))
        .expect(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('ticket.filing-not-allowed');
    });

    it('refuses a resident filing for someone else with 403', async () => {
      const token = await people.resident('resident-a');
      await http
        .post('/tickets')
        .set('Authorization', `Bearer ${token}`)
        .send(ticketBody({ residentId: 'resident-b' }))
        .expect(403);
    });

    it('rejects an invalid body with field-level problems in zh-CN and English', async () => {
      const token = await people.resident('resident-a');
      const body = ticketBody({
        title: 'x',
        urgency: 'whenever',
        location: { communityId: 'nope', gridId: place.grid },
      });
      const zh = await http.post('/tickets').set('Authorization', `Bearer ${token}`).send(body).expect(400);
      expect(zh.body.code).toBe('validation-failed');
      expect(zh.body.errors.map((error: { field: string }) => error.field)).toEqual(
        expect.arrayContaining(['title', 'urgency', 'location.communityId']),
      );
      const en = await http
        .post('/tickets')
        .set('Authorization', `Bearer ${token}`)
        .set('Accept-Language', 'en')
        .send(body)
        .expect(400);
      expect(en.headers['content-language']).toBe('en');
    });

    it('refuses an unauthenticated submission with 401 and a member’s with 403', async () => {
      await http.post('/tickets').send(ticketBody()).expect(401);
      const member = await people.member();
      await http.post('/tickets').set('Authorization', `Bearer ${member}`).send(ticketBody()).expect(403);
    });
  });

  it('refuses every route without a valid token with 401', async () => {
    const id = uuidv4();
    const routes: Array<[string, string]> = [
      ['get', '/tickets/mine'],
      ['get', '/tickets'],
      ['get', `/tickets/${id}`],
      ['post', `/tickets/${id}/cancel`],
      ['post', `/tickets/${id}/confirm`],
      ['post', `/tickets/${id}/reopen`],
      ['get', '/categories'],
      ['get', '/reports/loop'],
    ];
    for (const [method, path] of routes) {
      const response = await (method === 'get' ? http.get(path) : http.post(path).send({})).set(
        'Authorization',
        'Bearer not-a-token',
      );
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  describe('unusual tokens', () => {
    it('refuses a resident whose subject is a phone number or an e-mail address with 401, building nothing', async () => {
      for (const sub of ['13800138000', 'wang@example.com']) {
        const token = await service.tokenFor({ sub, roles: ['resident'] });
        const response = await request(service.app.getHttpServer())
          .post('/tickets')
          .set('Authorization', `Bearer ${token}`)
          .send(ticketBody())
          .expect(401);
        expect(response.body.code).toBe('auth.claims-invalid');
      }
    });

    it('gives a work unit’s admin none of the district administrator’s reach', async () => {
      const unitAdmin = await service.tokenFor({
        sub: 'unit-admin-1',
        roles: ['admin'],
        unit_id: 'unit-tax',
      });
      const http = request(service.app.getHttpServer());
      await http.get('/tickets').set('Authorization', `Bearer ${unitAdmin}`).expect(403);
      await http.get('/reports/loop').set('Authorization', `Bearer ${unitAdmin}`).expect(403);
      const districtAdmin = await service.tokenFor({ sub: 'admin-1', roles: ['admin'] });
      await http.get('/tickets').set('Authorization', `Bearer ${districtAdmin}`).expect(200);
    });

    it('serves staff whose token names the community by its code as the community with that code', async () => {
      const token = await service.tokenFor({
        sub: 'staff-by-code',
        roles: ['staff'],
        community_ids: ['c-01'],
      });
      const http = request(service.app.getHttpServer());
      await http.get('/tickets').set('Authorization', `Bearer ${token}`).expect(200);
      await http.get('/reports/loop').set('Authorization', `Bearer ${token}`).expect(200);
      const other = await http
        .get(`/reports/loop?communityId=${place.community}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(403);
      expect(other.body.code).toBe('report.outside-scope');
    });
  });

  describe('idempotent submission', () => {
    it('returns the same ticket for the same key and body, even for concurrent requests', async () => {
      const token = await people.resident('resident-idem');
      const key = uuidv4();
      const send = () =>
        http
          .post('/tickets')
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', key)
          .send(ticketBody());
      const responses = await Promise.all([send(), send(), send(), send()]);
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(
        3,
      );
      const mine = await http.get('/tickets/mine').set('Authorization', `Bearer ${token}`).expect(200);
      expect(mine.body.items).toHaveLength(1);
    });

    it('takes no ticket number for a replayed request', async () => {
      const token = await people.resident('resident-idem-numbers');
      const key = uuidv4();
      const send = () =>
        http
          .post('/tickets')
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', key)
          .send(ticketBody())
          .expect(201);
      const first = (await send()).body as { id: string; number: string };
      const replayed = await send();
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.body.number).toBe(first.number);
      const next = await submitTicket(service, token);
      expect(sequenceOf(next)).toBe(sequenceOf(first) + 1);
    });

    it('refuses the same key with a different body with 422', async () => {
      const token = await people.resident('resident-idem-2');
      const key = uuidv4();
      await http
        .post('/tickets')
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', key)
        .send(ticketBody())
        .expect(201);
      const response = await http
        .post('/tickets')
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', key)
        .set('Accept-Language', 'en')
        .send(ticketBody({ title: '另一个问题标题' }))
        .expect(422);
      expect(response.body.code).toBe('idempotency.key-reused');
      expect(response.body.detail).toMatch(/different request body/);
    });

    it('refuses a malformed key with 400', async () => {
      const token = await people.resident('resident-a');
      await http
        .post('/tickets')
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', 'with space')
        .send(ticketBody())
        .expect(400);
    });
  });

  describe('reading', () => {
    it('lists only my tickets, filtered by status, page by page', async () => {
      const token = await people.resident('resident-pages');
      const created = [];
      for (let index = 0; index < 5; index += 1) created.push(await submitTicket(service, token));
      await submitTicket(service, await people.resident('resident-someone-else'));
      const first = await http
        .get('/tickets/mine?limit=3&status=submitted')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await http
        .get(`/tickets/mine?limit=3&cursor=${first.body.nextCursor}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(second.body.items).toHaveLength(2);
      expect(second.body.nextCursor).toBeNull();
      const seen = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
      expect(seen.sort()).toEqual(created.map((ticket) => ticket.id).sort());
      const none = await http
        .get('/tickets/mine?status=closed')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(none.body.items).toEqual([]);
    });

    it('rejects a bad cursor with 422 and a bad status with 400', async () => {
      const token = await people.resident('resident-a');
      await http.get('/tickets/mine?cursor=bm9wZQ').set('Authorization', `Bearer ${token}`).expect(422);
      await http.get('/tickets/mine?status=lost').set('Authorization', `Bearer ${token}`).expect(400);
    });

    it('shows a ticket to its resident, its community’s staff and linked officials, and 404 to anyone else', async () => {
      const ticket = await submitTicket(service, await people.resident('resident-owner'));
      await readTicket(service, await people.resident('resident-owner'), ticket.id);
      await readTicket(service, await people.staff(), ticket.id);
      await readTicket(service, await people.official(), ticket.id);
      await readTicket(service, await people.gridWorker('grid-worker-x'), ticket.id);
      for (const token of [
        await people.resident('resident-stranger'),
        await people.staff('staff-elsewhere', [place.otherCommunity]),
        await people.official('official-elsewhere', [place.otherCommunity]),
        await people.gridWorker('grid-worker-other', [place.otherGrid]),
      ]) {
        const response = await http
          .get(`/tickets/${ticket.id}`)
          .set('Authorization', `Bearer ${token}`)
          .expect(404);
        expect(response.body.code).toBe('ticket.not-found');
      }
      await http
        .get(`/tickets/${uuidv4()}`)
        .set('Authorization', `Bearer ${await people.staff()}`)
        .expect(404);
      await http
        .get('/tickets/not-a-uuid')
        .set('Authorization', `Bearer ${await people.staff()}`)
        .expect(400);
    });

    it('counts submissions on /metrics by source and urgency', async () => {
      const response = await http.get('/metrics').expect(200);
      expect(response.text).toMatch(
        /requests_tickets_submitted_total\{[^}]*source="app"[^}]*urgency="normal"[^}]*\} \d+/,
      );
    });

    it('lists the categories in zh-CN or English', async () => {
      const token = await people.resident('resident-a');
      const zh = await http.get('/categories').set('Authorization', `Bearer ${token}`).expect(200);
      expect(zh.body[0]).toMatchObject({ code: 'property.repair', name: '物业维修' });
      const en = await http
        .get('/categories')
        .set('Authorization', `Bearer ${token}`)
        .set('Accept-Language', 'en')
        .expect(200);
      expect(en.body[0].name).toBe('Property repairs');
    });
  });

  describe('cancelling', () => {
    it('cancels my open ticket with a reason and refuses a second cancellation with 409', async () => {
      const token = await people.resident('resident-cancel');
      const ticket = await submitTicket(service, token);
      const response = await http
        .post(`/tickets/${ticket.id}/cancel`)
        .set('Authorization', `Bearer ${token}`)
        .send({ reasonCode: 'resolved_elsewhere', reasonText: '物业已修好' })
        .expect(200);
      expect(response.body.status).toBe('cancelled');
      expect(response.body.timeline.map((entry: { type: string }) => entry.type)).toEqual([
        'ticket.submitted',
        'ticket.cancelled',
      ]);
      const again = await http
        .post(`/tickets/${ticket.id}/cancel`)
        .set('Authorization', `Bearer ${token}`)
        .send({ reasonCode: 'withdrawn' })
        .expect(409);
      expect(again.body.code).toBe('ticket.transition-refused');
    });

    it('lets the community’s staff cancel, but not a resident who does not own it (404)', async () => {
      const ticket = await submitTicket(service, await people.resident('resident-c2'));
      await http
        .post(`/tickets/${ticket.id}/cancel`)
        .set('Authorization', `Bearer ${await people.resident('resident-intruder')}`)
        .send({ reasonCode: 'withdrawn' })
        .expect(404);
      await http
        .post(`/tickets/${ticket.id}/cancel`)
        .set('Authorization', `Bearer ${await people.staff()}`)
        .send({ reasonCode: 'duplicate' })
        .expect(200);
    });

    it('rejects an unknown reason with 400', async () => {
      const token = await people.resident('resident-c3');
      const ticket = await submitTicket(service, token);
      await http
        .post(`/tickets/${ticket.id}/cancel`)
        .set('Authorization', `Bearer ${token}`)
        .send({ reasonCode: 'bored' })
        .expect(400);
    });

    it('refuses to confirm or reopen a ticket that is not resolved with 409', async () => {
      const token = await people.resident('resident-c4');
      const ticket = await submitTicket(service, token);
      await http
        .post(`/tickets/${ticket.id}/confirm`)
        .set('Authorization', `Bearer ${token}`)
        .send({ rating: 5 })
        .expect(409);
      await http
        .post(`/tickets/${ticket.id}/reopen`)
        .set('Authorization', `Bearer ${token}`)
        .send({ reasonCode: 'not_fixed', reasonText: '没修好' })
        .expect(409);
    });
  });
});
