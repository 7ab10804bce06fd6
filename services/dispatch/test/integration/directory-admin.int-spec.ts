import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestService, TestService, TopicRecorder, waitFor } from '@loop/testing';
import { Topics } from '@loop/contracts';
import { AppModule } from '../../src/app.module';
import { DirectoryReader } from '../../src/directory/application/directory-reader.port';
import { placeId } from '../../src/directory/domain/place-id';
import { dispatchServiceOptions } from '../../src/service-options';

const communityA = placeId('community', 'c-a');
const communityB = placeId('community', 'c-b');

// A small district imported through the API, as an admin would on day one.
const district = {
  streets: [{ code: 'st-1', name: '裕翔街道' }],
  communities: [
    { code: 'c-a', name: '幸福社区', districtCode: '130111', streetCode: 'st-1', autoDispatch: true },
    { code: 'c-b', name: '和平社区', districtCode: '130111', streetCode: 'st-1' },
  ],
  grids: [
    { code: 'g-a1', communityCode: 'c-a', name: '幸福社区第一网格' },
    { code: 'g-b1', communityCode: 'c-b', name: '和平社区第一网格' },
  ],
  'property-companies': [{ id: 'pc-1', name: '栾城区安居物业服务有限公司' }],
  compounds: [
    { code: 'cp-a', communityCode: 'c-a', name: '幸福里', propertyCompanyId: 'pc-1' },
    { code: 'cp-b', communityCode: 'c-b', name: '和平家园' },
  ],
  buildings: [{ code: 'cp-a-b1', compoundCode: 'cp-a', name: '1号楼' }],
  households: [
    {
      code: 'h-a1',
      gridCode: 'g-a1',
      compoundCode: 'cp-a',
      buildingCode: 'cp-a-b1',
      addressLabel: '幸福里 1号楼 1单元 101',
    },
    {
      code: 'h-a2',
      gridCode: 'g-a1',
      compoundCode: 'cp-a',
      buildingCode: 'cp-a-b1',
      addressLabel: '幸福里 1号楼 1单元 102',
    },
    { code: 'h-b1', gridCode: 'g-b1', compoundCode: 'cp-b', addressLabel: '和平家园 2号楼 201' },
  ],
  units: [{ code: 'u-1', name: '区财政局' }],
  staff: [
    { id: 'sec-a', name: '吴书记', role: 'secretary', communityCode: 'c-a' },
    { id: 'stf-a', name: '周社工', phone: '13800000001', role: 'staff', communityCode: 'c-a' },
    { id: 'gw-a1', name: '郑网格', role: 'grid_worker', communityCode: 'c-a', gridCodes: ['g-a1'] },
  ],
  officials: [
    { id: 'o2-1', name: '孙主任', escalationLevel: 2, communityCodes: ['c-a', 'c-b'] },
    { id: 'o3-1', name: '陈县长', escalationLevel: 3, communityCodes: ['c-a', 'c-b'] },
  ],
};

describe('the directory admin API on real infrastructure', () => {
  let service: TestService;
  let directoryTopic: TopicRecorder;
  let admin: string;
  let staffA: string;
  let staffAByCode: string;
  let member: string;

  const http = () => request(service.app.getHttpServer());
  const outboxCount = async () =>
    Number((await service.app.get(DataSource).query('SELECT count(*) AS n FROM outbox'))[0].n);

  beforeAll(async () => {
    service = await startTestService(AppModule, dispatchServiceOptions);
    directoryTopic = await TopicRecorder.start(service, Topics.dispatchDirectory);
    admin = await service.tokenFor({ sub: 'admin-1', roles: ['admin'] });
    staffA = await service.tokenFor({ sub: 'stf-a', roles: ['staff'], community_ids: [communityA] });
    staffAByCode = await service.tokenFor({ sub: 'stf-a', roles: ['staff'], community_ids: ['c-a'] });
    member = await service.tokenFor({ sub: 'm-1', roles: ['member'], community_ids: [communityA] });
    for (const [kind, rows] of Object.entries(district)) {
      const response = await http()
        .post(`/directory/imports/${kind}`)
        .auth(admin, { type: 'bearer' })
        .send({ rows })
        .expect(200);
      expect(response.body).toMatchObject({ kind, rejected: 0, created: rows.length });
    }
  });

  afterAll(async () => {
    await directoryTopic?.stop();
    await service?.close();
  });

  describe('authorisation', () => {
    it('refuses a caller without a token with 401', async () => {
      await http().get('/directory/communities').expect(401);
    });

    it('refuses a party member with 403', async () => {
      await http().get('/directory/communities').auth(member, { type: 'bearer' }).expect(403);
    });

    it('lists only their own community to staff, whether the token names it by id or by code', async () => {
      for (const token of [staffA, staffAByCode]) {
        const response = await http()
          .get('/directory/communities')
          .auth(token, { type: 'bearer' })
          .expect(200);
        expect(response.body.map((c: { code: string }) => c.code)).toEqual(['c-a']);
      }
    });

    it('lists every community to an admin', async () => {
      const response = await http().get('/directory/communities').auth(admin, { type: 'bearer' }).expect(200);
      expect(response.body.map((c: { code: string }) => c.code)).toEqual(['c-a', 'c-b']);
    });

    it("refuses staff another community's members, settings and escalation chain with 403", async () => {
      await http().get(`/directory/communities/${communityB}`).auth(staffA, { type: 'bearer' }).expect(403);
      await http()
        .get(`/directory/communities/${communityB}/members`)
        .auth(staffA, { type: 'bearer' })
        .expect(403);
      await http()
        .get(`/directory/communities/${communityB}/escalation-chain`)
        .auth(staffA, { type: 'bearer' })
        .expect(403);
      const refused = await http()
        .put(`/directory/communities/${communityB}/dispatch-policy`)
        .auth(staffA, { type: 'bearer' })
        .send({ autoDispatch: true })
        .expect(403);
      expect(refused.body.code).toBe('directory.outside-scope');
    });

    it('refuses staff district-wide imports such as communities and officials with 403', async () => {
      await http()
        .post('/directory/imports/communities')
        .auth(staffA, { type: 'bearer' })
        .send({ rows: [{ code: 'c-x', name: 'X', districtCode: '130111', streetCode: 'st-1' }] })
        .expect(403);
      await http()
        .post('/directory/imports/officials')
        .auth(staffA, { type: 'bearer' })
        .send({ rows: [] })
        .expect(403);
    });

    it('answers 404 for an unknown import kind and an unknown community', async () => {
      await http()
        .post('/directory/imports/pets')
        .auth(admin, { type: 'bearer' })
        .send({ rows: [] })
        .expect(404);
      await http()
        .get(`/directory/communities/${placeId('community', 'c-none')}`)
        .auth(admin, { type: 'bearer' })
        .expect(404);
    });
  });

  describe('reading and changing a community', () => {
    it('shows the community with its standard calendar and grids', async () => {
      const response = await http()
        .get(`/directory/communities/${communityA}`)
        .auth(staffA, { type: 'bearer' })
        .expect(200);
      expect(response.body).toMatchObject({
        code: 'c-a',
        autoDispatch: true,
        calendar: {
          opensAt: '08:30',
          extendedClosesAt: '21:00',
          autumnWinterClosesAt: '20:00',
          autumnWinterFrom: '10-01',
          weekendsAllDay: true,
        },
        grids: [{ code: 'g-a1', id: placeId('grid', 'g-a1') }],
      });
    });

    it('lets staff turn auto-dispatch off and change the calendar of their own community', async () => {
      const policy = await http()
        .put(`/directory/communities/${communityA}/dispatch-policy`)
        .auth(staffA, { type: 'bearer' })
        .send({ autoDispatch: false })
        .expect(200);
      expect(policy.body.autoDispatch).toBe(false);
      const calendar = await http()
        .put(`/directory/communities/${communityA}/calendar`)
        .auth(staffA, { type: 'bearer' })
        .send({
          utcOffsetMinutes: 480,
          opensAt: '08:00',
          ordinaryClosesAt: '17:00',
          extendedClosesAt: '21:00',
          autumnWinterClosesAt: '20:00',
          autumnWinterFrom: '11-01',
          autumnWinterTo: '03-15',
          weekendsAllDay: true,
          holidays: ['2026-10-02', '2026-10-01'],
        })
        .expect(200);
      expect(calendar.body).toMatchObject({
        opensAt: '08:00',
        autumnWinterFrom: '11-01',
        holidays: ['2026-10-01', '2026-10-02'],
      });
    });

    it('rejects a calendar whose closing comes before its opening with 422', async () => {
      await http()
        .put(`/directory/communities/${communityA}/calendar`)
        .auth(admin, { type: 'bearer' })
        .send({
          utcOffsetMinutes: 480,
          opensAt: '18:00',
          ordinaryClosesAt: '17:00',
          extendedClosesAt: '21:00',
          autumnWinterClosesAt: '20:00',
          autumnWinterFrom: '10-01',
          autumnWinterTo: '03-31',
          weekendsAllDay: true,
          holidays: [],
        })
        .expect(422);
    });

    it('gives the escalation chain secretary, town/street official, county leader', async () => {
      const response = await http()
        .get(`/directory/communities/${communityA}/escalation-chain`)
        .auth(staffA, { type: 'bearer' })
        .expect(200);
      expect(response.body).toEqual([
        { level: 1, role: 'secretary', userId: 'sec-a' },
        { level: 2, role: 'official', userId: 'o2-1' },
        { level: 3, role: 'official', userId: 'o3-1' },
      ]);
    });
  });

  describe('listing the directory', () => {
    it("pages a community's households, addresses only, and filters them by grid", async () => {
      const all = await http()
        .get(`/directory/communities/${communityA}/households?limit=1&offset=1`)
        .auth(staffA, { type: 'bearer' })
        .expect(200);
      expect(all.body).toEqual([
        expect.objectContaining({ code: 'h-a2', addressLabel: '幸福里 1号楼 1单元 102' }),
      ]);
      const ofGrid = await http()
        .get(`/directory/communities/${communityB}/households?gridId=${placeId('grid', 'g-b1')}`)
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(ofGrid.body.map((h: { code: string }) => h.code)).toEqual(['h-b1']);
      await http()
        .get(`/directory/communities/${communityA}/households?limit=0`)
        .auth(admin, { type: 'bearer' })
        .expect(400);
      await http()
        .get(`/directory/communities/${communityB}/households`)
        .auth(staffA, { type: 'bearer' })
        .expect(403);
    });

    it('lists property companies with their compounds and officials with their communities to admins only', async () => {
      const companies = await http()
        .get('/directory/property-companies')
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(companies.body).toEqual([
        expect.objectContaining({ id: 'pc-1', compoundIds: [placeId('compound', 'cp-a')] }),
      ]);
      const officials = await http().get('/directory/officials').auth(admin, { type: 'bearer' }).expect(200);
      expect(
        officials.body.map((o: { id: string; escalationLevel: number }) => [o.id, o.escalationLevel]),
      ).toEqual([
        ['o2-1', 2],
        ['o3-1', 3],
      ]);
      await http().get('/directory/officials').auth(staffA, { type: 'bearer' }).expect(403);
      await http().get('/directory/property-companies').auth(staffA, { type: 'bearer' }).expect(403);
    });
  });

  describe('importing members', () => {
    const csv = [
      'id,name,phone,unitCode,gridCode,skills,householdCodes',
      'm-1,王芳,13900000001,u-1,g-a1,repair;electrical,h-a1;h-a2',
      'm-2,李强,not-a-phone,u-1,g-a1,repair,',
      'm-3,张伟,,u-9,g-a1,,',
      'm-4,赵敏,,u-1,g-a1,,h-a1;h-none',
      'm-5,刘洋,,u-1,g-b1,,',
      'm-6,陈静,,u-1,g-a1,elderly_care,',
    ].join('\n');

    it('applies valid rows and reports each bad row with its number, field and message', async () => {
      const response = await http()
        .post('/directory/imports/members')
        .auth(staffA, { type: 'bearer' })
        .set('content-type', 'text/csv')
        .set('accept-language', 'en')
        .send(csv)
        .expect(200);
      expect(response.body).toMatchObject({
        kind: 'members',
        rows: 6,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: 4,
      });
      expect(response.body.errors).toEqual([
        expect.objectContaining({ row: 2, field: 'phone' }),
        expect.objectContaining({ row: 3, field: 'unitCode', message: 'unknown unit: u-9' }),
        expect.objectContaining({ row: 4, field: 'householdCodes', message: 'unknown household: h-none' }),
        expect.objectContaining({ row: 5, field: 'gridCode', message: 'outside your communities' }),
      ]);
    });

    it('applies nothing of a rejected row', async () => {
      const dataSource = service.app.get(DataSource);
      const members = await dataSource.query('SELECT id FROM directory_member ORDER BY id');
      expect(members.map((m: { id: string }) => m.id)).toEqual(['m-1', 'm-6']);
      const links = await dataSource.query(
        'SELECT member_id FROM directory_member_household ORDER BY member_id',
      );
      expect(links.map((l: { member_id: string }) => l.member_id)).toEqual(['m-1', 'm-1']);
    });

    it('changes nothing and publishes nothing when the same file is imported again', async () => {
      const before = await outboxCount();
      const response = await http()
        .post('/directory/imports/members')
        .auth(staffA, { type: 'bearer' })
        .set('content-type', 'text/csv')
        .send(csv)
        .expect(200);
      expect(response.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 4 });
      expect(await outboxCount()).toBe(before);
    });

    it('reports row errors in Chinese by default', async () => {
      const response = await http()
        .post('/directory/imports/members')
        .auth(staffA, { type: 'bearer' })
        .send({ rows: [{ id: 'm-7', name: '孙丽', unitCode: 'u-9', gridCode: 'g-a1' }] })
        .expect(200);
      expect(response.body.errors).toEqual([
        { row: 1, field: 'unitCode', code: 'rejected', message: '找不到工作单位：u-9' },
      ]);
    });

    it('reports a row that is not an object and a field nobody knows', async () => {
      const response = await http()
        .post('/directory/imports/households')
        .auth(admin, { type: 'bearer' })
        .send({
          rows: [
            'h-x',
            {
              code: 'h-y',
              gridCode: 'g-a1',
              compoundCode: 'cp-a',
              addressLabel: '幸福里',
              residentName: '王五',
            },
          ],
        })
        .expect(200);
      expect(response.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [1, ''],
        [2, 'residentName'],
      ]);
    });

    it('refuses a CSV that cannot be parsed with 400 and a body of another type with 415', async () => {
      await http()
        .post('/directory/imports/members')
        .auth(admin, { type: 'bearer' })
        .set('content-type', 'text/csv')
        .send('id,name\n"unterminated,x')
        .expect(400);
      await http()
        .post('/directory/imports/members')
        .auth(admin, { type: 'bearer' })
        .set('content-type', 'text/plain')
        .send('x')
        .expect(415);
    });

    it("shows staff their members with private phones, and refuses another community's member", async () => {
      const response = await http()
        .get('/directory/members/m-1')
        .auth(staffA, { type: 'bearer' })
        .expect(200);
      expect(response.body).toMatchObject({
        id: 'm-1',
        phone: '13900000001',
        skills: ['electrical', 'repair'],
      });
      expect(response.body.householdIds).toHaveLength(2);
      await http()
        .put('/directory/entries/members')
        .auth(admin, { type: 'bearer' })
        .send({ id: 'm-b', name: '钱多', unitCode: 'u-1', gridCode: 'g-b1' })
        .expect(200);
      await http().get('/directory/members/m-b').auth(staffA, { type: 'bearer' }).expect(403);
    });

    it('refuses staff moving a member of another community into theirs', async () => {
      await http()
        .put('/directory/entries/members')
        .auth(staffA, { type: 'bearer' })
        .send({ id: 'm-b', name: '钱多', unitCode: 'u-1', gridCode: 'g-a1' })
        .expect(403);
    });

    it('upserts one entry and rejects an invalid one with 422 naming the field', async () => {
      const updated = await http()
        .put('/directory/entries/members')
        .auth(staffA, { type: 'bearer' })
        .send({
          id: 'm-6',
          name: '陈静',
          unitCode: 'u-1',
          gridCode: 'g-a1',
          skills: ['elderly_care', 'errands'],
        })
        .expect(200);
      expect(updated.body).toEqual({ kind: 'members', outcome: 'updated' });
      const rejected = await http()
        .put('/directory/entries/members')
        .auth(staffA, { type: 'bearer' })
        .send({ id: 'm-8', name: '周一', unitCode: 'u-1', gridCode: 'g-zz' })
        .expect(422);
      expect(rejected.body.detail).toContain('gridCode');
    });
  });

  describe('concurrent imports', () => {
    it('creates an entry once and publishes it once when two staff import the same file at the same moment', async () => {
      const rows = [
        { id: 'm-race', name: '高峰', unitCode: 'u-1', gridCode: 'g-a1', householdCodes: ['h-a2'] },
      ];
      const before = await outboxCount();
      const reports = await Promise.all(
        [staffA, admin].map((token) =>
          http()
            .post('/directory/imports/members')
            .auth(token, { type: 'bearer' })
            .send({ rows })
            .expect(200),
        ),
      );
      expect(reports.map((r) => r.body.created).sort()).toEqual([0, 1]);
      expect(reports.map((r) => r.body.unchanged).sort()).toEqual([0, 1]);
      expect(await outboxCount()).toBe(before + 1);
    });
  });

  describe('retiring people', () => {
    it("refuses staff retiring another community's member with 403 and an unknown one with 404", async () => {
      await http().delete('/directory/members/m-b').auth(staffA, { type: 'bearer' }).expect(403);
      await http().delete('/directory/members/m-nobody').auth(staffA, { type: 'bearer' }).expect(404);
    });

    it('retires a member once: inactive, gone from the grid, published as updated; a second retire changes nothing', async () => {
      await http().delete('/directory/members/m-race').auth(staffA, { type: 'bearer' }).expect(204);
      const before = await outboxCount();
      await http().delete('/directory/members/m-race').auth(staffA, { type: 'bearer' }).expect(204);
      expect(await outboxCount()).toBe(before);
      const shown = await http()
        .get('/directory/members/m-race')
        .auth(staffA, { type: 'bearer' })
        .expect(200);
      expect(shown.body.active).toBe(false);
      const grid = await service.app.get(DirectoryReader).activeMembersOfGrid(placeId('grid', 'g-a1'));
      expect(grid.map((m) => m.id)).not.toContain('m-race');
      expect(grid.map((m) => m.id)).toContain('m-1');
      await waitFor(() => directoryTopic.about('member.updated', 'm-race').length === 1, {
        description: 'm-race retired',
        timeoutMs: 20_000,
      });
      expect(directoryTopic.about('member.updated', 'm-race')[0].payload).toMatchObject({
        active: false,
        revision: 2,
      });
    });

    it('retires a grid worker and publishes the new staff state', async () => {
      await http().delete('/directory/staff/gw-a1').auth(admin, { type: 'bearer' }).expect(204);
      await waitFor(() => directoryTopic.about('staff.updated', 'gw-a1').length === 1, {
        description: 'gw-a1 retired',
        timeoutMs: 20_000,
      });
      expect(directoryTopic.about('staff.updated', 'gw-a1')[0].payload).toMatchObject({
        active: false,
        revision: 2,
        role: 'grid_worker',
      });
    });
  });

  describe('directory events', () => {
    it('publishes communities, staff and officials as registered, with their whole state', async () => {
      await waitFor(() => directoryTopic.about('official.registered', 'o3-1').length === 1, {
        description: 'official o3-1 registered',
        timeoutMs: 20_000,
      });
      const [registered] = directoryTopic.about('community.registered', communityA);
      expect(registered.payload).toMatchObject({ communityId: communityA, revision: 1, gridIds: [] });
      // The grid imported afterwards changed the community's published state.
      const [updated] = directoryTopic.about('community.updated', communityA);
      expect(updated.payload).toMatchObject({ revision: 2, gridIds: [placeId('grid', 'g-a1')] });
      expect(directoryTopic.about('staff.registered', 'gw-a1')[0].payload).toMatchObject({
        role: 'grid_worker',
        gridIds: [placeId('grid', 'g-a1')],
      });
    });

    it('publishes a member as registered and then as updated, never with a name or phone', async () => {
      await waitFor(() => directoryTopic.about('member.updated', 'm-6').length === 1, {
        description: 'member m-6 updated',
        timeoutMs: 20_000,
      });
      const [registered] = directoryTopic.about('member.registered', 'm-1');
      expect(registered.payload).toMatchObject({
        memberId: 'm-1',
        communityId: communityA,
        revision: 1,
        skills: ['electrical', 'repair'],
      });
      expect((registered.payload as { householdIds: string[] }).householdIds).toHaveLength(2);
      expect(JSON.stringify(registered)).not.toMatch(/王芳|13900000001/);
      expect(directoryTopic.about('member.updated', 'm-6')[0].payload).toMatchObject({
        revision: 2,
        skills: ['elderly_care', 'errands'],
      });
      expect(registered.actor).toEqual({ role: 'staff', id: 'stf-a' });
    });

    it('publishes nothing for a rejected row', async () => {
      expect(
        directoryTopic.envelopes.filter((e) => ['m-2', 'm-3', 'm-4', 'm-5'].includes(e.aggregateId)),
      ).toEqual([]);
    });
  });
});
