import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestService, TestService } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { placeId } from '../../src/directory/domain/place-id';
import { dispatchServiceOptions } from '../../src/service-options';

const communityX = placeId('community', 'c-x');
const communityY = placeId('community', 'c-y');

// Two communities of one street, each with its secretary, and one official over both.
const district = {
  streets: [{ code: 'st-o', name: '裕翔街道' }],
  communities: [
    { code: 'c-x', name: '幸福社区', districtCode: '130111', streetCode: 'st-o' },
    { code: 'c-y', name: '和平社区', districtCode: '130111', streetCode: 'st-o' },
  ],
  grids: [
    { code: 'g-x1', communityCode: 'c-x', name: '幸福社区第一网格' },
    { code: 'g-x2', communityCode: 'c-x', name: '幸福社区第二网格' },
    { code: 'g-y1', communityCode: 'c-y', name: '和平社区第一网格' },
  ],
  compounds: [
    { code: 'cp-x', communityCode: 'c-x', name: '幸福里' },
    { code: 'cp-y', communityCode: 'c-y', name: '和平家园' },
  ],
  buildings: [
    { code: 'cp-x-b1', compoundCode: 'cp-x', name: '1号楼' },
    { code: 'cp-x-b2', compoundCode: 'cp-x', name: '2号楼' },
  ],
  staff: [
    { id: 'sec-x', name: '吴书记', role: 'secretary', communityCode: 'c-x' },
    { id: 'stf-x', name: '周社工', role: 'staff', communityCode: 'c-x' },
    { id: 'sec-y', name: '郑书记', role: 'secretary', communityCode: 'c-y' },
    { id: 'stf-y', name: '王社工', role: 'staff', communityCode: 'c-y' },
  ],
  officials: [{ id: 'o2-x', name: '孙主任', escalationLevel: 2, communityCodes: ['c-x', 'c-y'] }],
};

describe('the oversight chain is set from above', () => {
  let service: TestService;
  let admin: string;
  let staffX: string;
  let staffY: string;
  let staffOfBoth: string;

  const http = () => request(service.app.getHttpServer());
  const staffRow = async (id: string) =>
    (
      await service.app
        .get(DataSource)
        .query('SELECT role, active, community_id FROM directory_staff WHERE id = $1', [id])
    )[0] as { role: string; active: boolean; community_id: string } | undefined;
  const compoundOfBuilding = async (code: string) =>
    (
      await service.app
        .get(DataSource)
        .query(
          'SELECT c.code FROM directory_building b JOIN directory_compound c ON c.id = b.compound_id WHERE b.code = $1',
          [code],
        )
    )[0].code as string;
  const communityOfGrid = async (code: string) =>
    (
      await service.app
        .get(DataSource)
        .query('SELECT community_id FROM directory_grid WHERE code = $1', [code])
    )[0].community_id as string;

  beforeAll(async () => {
    service = await startTestService(AppModule, dispatchServiceOptions);
    admin = await service.tokenFor({ sub: 'admin-1', roles: ['admin'] });
    staffX = await service.tokenFor({ sub: 'stf-x', roles: ['staff'], community_ids: [communityX] });
    staffY = await service.tokenFor({ sub: 'stf-y', roles: ['staff'], community_ids: ['c-y'] });
    staffOfBoth = await service.tokenFor({
      sub: 'stf-xy',
      roles: ['staff'],
      community_ids: [communityX, communityY],
    });
    for (const [kind, rows] of Object.entries(district)) {
      await http()
        .post(`/directory/imports/${kind}`)
        .auth(admin, { type: 'bearer' })
        .send({ rows })
        .expect(200);
    }
  });

  afterAll(async () => {
    await service?.close();
  });

  describe('secretaries and officials', () => {
    it('refuses community staff adding a secretary of their own with 403 in Chinese and English', async () => {
      const row = { id: 'sec-x2', name: '冒名书记', role: 'secretary', communityCode: 'c-x' };
      const chinese = await http()
        .put('/directory/entries/staff')
        .auth(staffX, { type: 'bearer' })
        .send(row)
        .expect(403);
      expect(chinese.headers['content-type']).toContain('application/problem+json');
      expect(chinese.body.detail).toContain('区级管理员');
      const english = await http()
        .put('/directory/entries/staff')
        .auth(staffX, { type: 'bearer' })
        .set('Accept-Language', 'en')
        .send(row)
        .expect(403);
      expect(english.body.detail).toContain('Only the district admin');
      expect(await staffRow('sec-x2')).toBeUndefined();
    });

    it('keeps the secretary at escalation level 1 when staff try to take it over', async () => {
      const chain = await http()
        .get(`/directory/communities/${communityX}/escalation-chain`)
        .auth(staffX, { type: 'bearer' })
        .expect(200);
      expect(chain.body[0]).toEqual({ level: 1, role: 'secretary', userId: 'sec-x' });
    });

    it('refuses, row by row, staff promoting a colleague to secretary or demoting their secretary in an import', async () => {
      const report = await http()
        .post('/directory/imports/staff')
        .auth(staffX, { type: 'bearer' })
        .send({
          rows: [
            { id: 'stf-x', name: '周社工', role: 'secretary', communityCode: 'c-x' },
            { id: 'sec-x', name: '吴书记', role: 'staff', communityCode: 'c-x' },
            { id: 'gw-x1', name: '郑网格', role: 'grid_worker', communityCode: 'c-x', gridCodes: ['g-x1'] },
          ],
        })
        .expect(200);
      expect(report.body).toMatchObject({ created: 1, rejected: 2 });
      expect(report.body.errors).toEqual([
        expect.objectContaining({ row: 1, field: 'role', code: 'directory.oversight-chain' }),
        expect.objectContaining({ row: 2, field: 'role', code: 'directory.oversight-chain' }),
      ]);
      expect(await staffRow('stf-x')).toMatchObject({ role: 'staff' });
      expect(await staffRow('sec-x')).toMatchObject({ role: 'secretary', active: true });
    });

    it('lets staff re-import their unchanged secretary, which changes nothing', async () => {
      const report = await http()
        .post('/directory/imports/staff')
        .auth(staffX, { type: 'bearer' })
        .send({ rows: [{ id: 'sec-x', name: '吴书记', role: 'secretary', communityCode: 'c-x' }] })
        .expect(200);
      expect(report.body).toMatchObject({ unchanged: 1, rejected: 0 });
    });

    it('refuses community staff retiring their own secretary with 403', async () => {
      await http().delete('/directory/staff/sec-x').auth(staffX, { type: 'bearer' }).expect(403);
      expect(await staffRow('sec-x')).toMatchObject({ active: true });
    });

    it('refuses community staff changing an official', async () => {
      await http()
        .put('/directory/entries/officials')
        .auth(staffX, { type: 'bearer' })
        .send({ id: 'o2-x', name: '孙主任', escalationLevel: 2, communityCodes: ['c-x'] })
        .expect(403);
    });

    it('lets staff still add and retire ordinary staff of their own community', async () => {
      await http()
        .put('/directory/entries/staff')
        .auth(staffX, { type: 'bearer' })
        .send({ id: 'stf-x2', name: '李社工', role: 'staff', communityCode: 'c-x' })
        .expect(200);
      await http().delete('/directory/staff/stf-x2').auth(staffX, { type: 'bearer' }).expect(204);
      expect(await staffRow('stf-x2')).toMatchObject({ role: 'staff', active: false });
    });

    it('lets the district admin appoint a new secretary and retire the old one', async () => {
      await http()
        .put('/directory/entries/staff')
        .auth(admin, { type: 'bearer' })
        .send({ id: 'sec-y2', name: '新书记', role: 'secretary', communityCode: 'c-y' })
        .expect(200);
      await http().delete('/directory/staff/sec-y').auth(admin, { type: 'bearer' }).expect(204);
      const chain = await http()
        .get(`/directory/communities/${communityY}/escalation-chain`)
        .auth(staffY, { type: 'bearer' })
        .expect(200);
      expect(chain.body[0]).toEqual({ level: 1, role: 'secretary', userId: 'sec-y2' });
    });
  });

  describe('entries stay in their community', () => {
    it("refuses, on the row, staff of one community importing another community's building into their compound", async () => {
      const report = await http()
        .post('/directory/imports/buildings')
        .auth(staffY, { type: 'bearer' })
        .send({ rows: [{ code: 'cp-x-b1', compoundCode: 'cp-y', name: '1号楼' }] })
        .expect(200);
      expect(report.body).toMatchObject({ rejected: 1, updated: 0 });
      expect(report.body.errors).toEqual([
        expect.objectContaining({ row: 1, field: 'compoundCode', code: 'directory.cross-community-move' }),
      ]);
      expect(await compoundOfBuilding('cp-x-b1')).toBe('cp-x');
    });

    it('refuses the same move as a single entry with 403', async () => {
      await http()
        .put('/directory/entries/buildings')
        .auth(staffY, { type: 'bearer' })
        .send({ code: 'cp-x-b1', compoundCode: 'cp-y', name: '1号楼' })
        .expect(403);
      expect(await compoundOfBuilding('cp-x-b1')).toBe('cp-x');
    });

    it('refuses staff of two communities moving a grid from one to the other', async () => {
      const report = await http()
        .post('/directory/imports/grids')
        .auth(staffOfBoth, { type: 'bearer' })
        .send({ rows: [{ code: 'g-x2', communityCode: 'c-y', name: '幸福社区第二网格' }] })
        .expect(200);
      expect(report.body.errors).toEqual([
        expect.objectContaining({ row: 1, code: 'directory.cross-community-move' }),
      ]);
      expect(await communityOfGrid('g-x2')).toBe(communityX);
    });

    it('lets the district admin move a building into another community', async () => {
      const report = await http()
        .post('/directory/imports/buildings')
        .auth(admin, { type: 'bearer' })
        .send({ rows: [{ code: 'cp-x-b2', compoundCode: 'cp-y', name: '2号楼' }] })
        .expect(200);
      expect(report.body).toMatchObject({ updated: 1, rejected: 0 });
      expect(await compoundOfBuilding('cp-x-b2')).toBe('cp-y');
    });
  });

  describe('the change log', () => {
    it('lists who created, updated and retired what in a community, newest first, and nothing refused', async () => {
      const response = await http()
        .get('/directory/changes')
        .query({ communityId: communityX, limit: 100 })
        .auth(staffX, { type: 'bearer' })
        .expect(200);
      const changes = response.body.map(
        (c: { actorId: string; entryKind: string; entryId: string; action: string }) =>
          `${c.actorId} ${c.action} ${c.entryKind} ${c.entryId}`,
      );
      expect(changes.slice(0, 4)).toEqual([
        'admin-1 updated building ' + placeId('building', 'cp-x-b2'),
        'stf-x retired staff stf-x2',
        'stf-x created staff stf-x2',
        'stf-x created staff gw-x1',
      ]);
      expect(changes).toContain('admin-1 created staff sec-x');
      expect(changes.filter((c: string) => c.startsWith('stf-y') || c.startsWith('stf-xy'))).toEqual([]);
      expect(response.body[0]).toMatchObject({
        actorRole: 'admin',
        communityIds: [communityX, communityY].sort(),
      });
    });

    it('pages the log', async () => {
      const first = await http()
        .get('/directory/changes')
        .query({ communityId: communityX, limit: 2 })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      const second = await http()
        .get('/directory/changes')
        .query({ communityId: communityX, limit: 2, offset: 2 })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(first.body).toHaveLength(2);
      expect(Number(second.body[0].id)).toBeLessThan(Number(first.body[1].id));
    });

    it("refuses staff another community's log and the whole district's with 403", async () => {
      await http()
        .get('/directory/changes')
        .query({ communityId: communityX })
        .auth(staffY, { type: 'bearer' })
        .expect(403);
      await http().get('/directory/changes').auth(staffY, { type: 'bearer' }).expect(403);
    });

    it("shows the district admin the whole district's log", async () => {
      const response = await http().get('/directory/changes').auth(admin, { type: 'bearer' }).expect(200);
      expect(response.body.map((c: { entryId: string }) => c.entryId)).toEqual(
        expect.arrayContaining(['sec-y2', 'o2-x', placeId('street', 'st-o')]),
      );
    });
  });
});
