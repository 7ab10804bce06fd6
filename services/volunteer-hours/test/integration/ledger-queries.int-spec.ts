import { randomUUID } from 'node:crypto';
import request from 'supertest';
import Redis from 'ioredis';
import { EventFeed, startTestService, testRedisUrl, TestService, waitFor } from '@loop/testing';
import { serviceMonthOf } from '@loop/platform';
import { AppModule } from '../../src/app.module';
import { verifyLedgerCommand } from '../../src/ledger/verify-ledger.command';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { aMemberId, memberRegistered, minutesAgo, TicketLoop } from './support/loop-events';
import { ledgerOf, queryDatabase } from './support/ledger-database';

const communityId = randomUUID();
const otherCommunityId = randomUUID();
const unitId = randomUUID();
const settle = { timeoutMs: 30_000 };

describe('statements, totals, leaderboards and tamper detection of the hours ledger', () => {
  let service: TestService;
  let events: EventFeed;
  let redis: Redis;
  const alice = aMemberId();
  const bob = aMemberId();
  const tokens: Record<string, string> = {};
  const http = () => request(service.app.getHttpServer());

  async function credit(memberId: string, minutes: number, at: Date): Promise<void> {
    const loop = new TicketLoop(memberId);
    const assignmentId = randomUUID();
    await events.send(
      loop.completed(assignmentId, minutes, new Date(at.getTime() - 60_000)),
      loop.confirmed(assignmentId, at),
    );
  }

  beforeAll(async () => {
    service = await startTestService(AppModule, volunteerHoursServiceOptions);
    events = await EventFeed.connect(service);
    redis = new Redis(testRedisUrl(), { keyPrefix: service.namespace.redisKeyPrefix });
    tokens.alice = await service.tokenFor({
      sub: alice,
      roles: ['member'],
      community_ids: [communityId],
      unit_id: unitId,
    });
    tokens.bob = await service.tokenFor({
      sub: bob,
      roles: ['member'],
      community_ids: [communityId],
      unit_id: unitId,
    });
    tokens.staff = await service.tokenFor({ sub: 'staff-1', roles: ['staff'], community_ids: [communityId] });
    tokens.otherStaff = await service.tokenFor({
      sub: 'staff-2',
      roles: ['staff'],
      community_ids: [otherCommunityId],
    });
    tokens.unitAdmin = await service.tokenFor({ sub: 'unit-admin-1', roles: ['admin'], unit_id: unitId });
    tokens.otherUnitAdmin = await service.tokenFor({
      sub: 'unit-admin-2',
      roles: ['admin'],
      unit_id: randomUUID(),
    });
    tokens.official = await service.tokenFor({
      sub: 'official-1',
      roles: ['official'],
      community_ids: [otherCommunityId, communityId],
      escalation_level: 2,
    });
    tokens.admin = await service.tokenFor({ sub: 'admin-1', roles: ['admin'] });

    await events.send(
      memberRegistered(alice, communityId, unitId),
      memberRegistered(bob, communityId, unitId),
    );
    await waitFor(async () => (await queryDatabase(service, `SELECT 1 FROM member_profile`)).length === 2, {
      ...settle,
      description: 'the members',
    });
    // One at a time: credits for different tickets travel on different partitions, and the statement
    // assertions below expect them in this order.
    const credits: Array<[string, number, Date, number]> = [
      [alice, 40, minutesAgo(30), 1],
      [alice, 20, minutesAgo(20), 2],
      [bob, 90, minutesAgo(10), 1],
    ];
    for (const [memberId, minutes, at, expected] of credits) {
      await credit(memberId, minutes, at);
      await waitFor(async () => (await ledgerOf(service, memberId)).length === expected, {
        ...settle,
        description: `credit ${expected} of ${memberId}`,
      });
    }
  });

  afterAll(async () => {
    redis?.disconnect();
    await events?.close();
    await service?.close();
  });

  describe('member facts from the directory', () => {
    it('follow the newest revision and ignore an older one arriving late', async () => {
      const movedUnit = randomUUID();
      const carol = aMemberId();
      await events.send(
        memberRegistered(carol, communityId, movedUnit, 2),
        memberRegistered(carol, otherCommunityId, unitId, 1),
      );
      const [profile] = await waitFor(
        async () => {
          const rows = await queryDatabase<{ unit_id: string; community_id: string; revision: number }>(
            service,
            `SELECT unit_id, community_id, revision FROM member_profile WHERE member_id = $1`,
            [carol],
          );
          return rows.length === 1 && rows;
        },
        { ...settle, description: 'the profile' },
      );
      const handled = await waitFor(
        async () =>
          (await queryDatabase(service, `SELECT 1 FROM inbox WHERE event_type = 'member.registered'`))
            .length >= 4,
        {
          ...settle,
          description: 'both revisions handled',
        },
      );
      expect(handled).toBe(true);
      expect(
        (
          await queryDatabase(
            service,
            `SELECT unit_id, community_id, revision FROM member_profile WHERE member_id = $1`,
            [carol],
          )
        )[0],
      ).toEqual({
        unit_id: movedUnit,
        community_id: communityId,
        revision: 2,
      });
      expect(profile.revision).toBe(2);
    });
  });

  describe('a statement', () => {
    it('lists a member’s entries with their sources and a running balance that ends at their sum', async () => {
      const response = await http()
        .get(`/members/${alice}/statement`)
        .set('Authorization', `Bearer ${tokens.alice}`)
        .expect(200);
      expect(
        response.body.entries.map((entry: { minutes: number; balanceMinutes: number }) => [
          entry.minutes,
          entry.balanceMinutes,
        ]),
      ).toEqual([
        [40, 40],
        [20, 60],
      ]);
      expect(response.body).toMatchObject({
        memberId: alice,
        communityId,
        unitId,
        openingMinutes: 0,
        closingMinutes: 60,
        closingHours: 1,
      });
      expect(response.body.entries[0]).toMatchObject({
        kind: 'credit',
        source: { kind: 'ticket' },
        causedByEventType: 'ticket.confirmed',
        verifiedBy: { role: 'resident' },
      });
    });

    it('is shown to the community’s staff, the unit’s admin and linked officials', async () => {
      for (const viewer of ['staff', 'unitAdmin', 'official']) {
        await http()
          .get(`/members/${alice}/statement`)
          .set('Authorization', `Bearer ${tokens[viewer]}`)
          .expect(200);
      }
    });

    it('is refused to another member, another community’s staff and another unit’s admin', async () => {
      for (const viewer of ['bob', 'otherStaff', 'otherUnitAdmin']) {
        const response = await http()
          .get(`/members/${alice}/statement`)
          .set('Authorization', `Bearer ${tokens[viewer]}`)
          .expect(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('needs a token and answers 404 for a member nobody knows', async () => {
      await http().get(`/members/${alice}/statement`).expect(401);
      await http()
        .get(`/members/${aMemberId()}/statement`)
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(404);
    });

    it('exports as CSV', async () => {
      const response = await http()
        .get(`/members/${alice}/statement/csv`)
        .set('Authorization', `Bearer ${tokens.alice}`)
        .expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toContain('balance_minutes');
      expect(lines).toHaveLength(3);
      expect(lines[2].split(',').slice(3, 6)).toEqual(['credit', '20', '60']);
    });
  });

  describe('totals', () => {
    it('sum the ledger by member, unit and community for the people of that scope', async () => {
      const byMember = await http()
        .get('/totals')
        .query({ groupBy: 'member', communityId })
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(200);
      expect(
        byMember.body.rows.map((row: { key: string; minutes: number }) => [row.key, row.minutes]),
      ).toEqual([
        [bob, 90],
        [alice, 60],
      ]);
      const byUnit = await http()
        .get('/totals')
        .query({ groupBy: 'unit', unitId })
        .set('Authorization', `Bearer ${tokens.unitAdmin}`)
        .expect(200);
      expect(byUnit.body).toMatchObject({
        totalMinutes: 150,
        rows: [{ key: unitId, minutes: 150, members: 2, hours: 2.5 }],
      });
      const byCommunity = await http()
        .get('/totals')
        .query({ groupBy: 'community', communityId, from: minutesAgo(25).toISOString() })
        .set('Authorization', `Bearer ${tokens.official}`)
        .expect(200);
      expect(byCommunity.body.totalMinutes).toBe(110);
      const thisMonth = await http()
        .get('/totals')
        .query({ groupBy: 'community', communityId, month: serviceMonthOf(new Date()) })
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(200);
      const lastYear = await http()
        .get('/totals')
        .query({ groupBy: 'community', communityId, month: `${new Date().getUTCFullYear() - 1}-01` })
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(200);
      expect([thisMonth.body.totalMinutes, lastYear.body.totalMinutes]).toEqual([150, 0]);
    });

    it('are refused outside the viewer’s scope and without one', async () => {
      await http()
        .get('/totals')
        .query({ groupBy: 'member', communityId })
        .set('Authorization', `Bearer ${tokens.otherStaff}`)
        .expect(403);
      await http()
        .get('/totals')
        .query({ groupBy: 'member', unitId })
        .set('Authorization', `Bearer ${tokens.otherUnitAdmin}`)
        .expect(403);
      await http()
        .get('/totals')
        .query({ groupBy: 'member' })
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(403);
    });

    it('reject a bad grouping or date with field-level problems', async () => {
      const response = await http()
        .get('/totals')
        .query({ groupBy: 'grid', from: 'yesterday', communityId })
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'from',
        'groupBy',
      ]);
    });

    it('export as CSV', async () => {
      const response = await http()
        .get('/totals/csv')
        .query({ groupBy: 'member', communityId })
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(200);
      expect(
        response.text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n'),
      ).toEqual(['member,minutes,hours,entries,members', `${bob},90,1.50,1,1`, `${alice},60,1.00,2,1`]);
    });
  });

  describe('adjustments', () => {
    it('are appended by the member’s community staff with the reason and the staff id', async () => {
      const response = await http()
        .post(`/members/${bob}/adjustments`)
        .set('Authorization', `Bearer ${tokens.staff}`)
        .send({ minutes: -30, reason: '服务时长登记有误，按签到表更正' })
        .expect(201);
      expect(response.body).toMatchObject({
        kind: 'adjustment',
        minutes: -30,
        sequence: 2,
        verifiedBy: { role: 'staff', id: 'staff-1' },
      });
      const statement = await http()
        .get(`/members/${bob}/statement`)
        .set('Authorization', `Bearer ${tokens.bob}`)
        .expect(200);
      expect(statement.body.closingMinutes).toBe(60);
    });

    it('are applied once when retried with the same Idempotency-Key', async () => {
      const key = randomUUID();
      const send = (memberId: string) =>
        http()
          .post(`/members/${memberId}/adjustments`)
          .set('Authorization', `Bearer ${tokens.staff}`)
          .set('Idempotency-Key', key)
          .send({ minutes: 15, reason: '补录活动签到' });
      const [first, retry] = await Promise.all([send(alice), send(alice)]);
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.body.entryId).toBe(first.body.entryId);
      expect((await ledgerOf(service, alice)).filter((row) => row.kind === 'adjustment')).toHaveLength(1);
      await send(bob).expect(409);
      await http()
        .post(`/members/${alice}/adjustments`)
        .set('Authorization', `Bearer ${tokens.staff}`)
        .set('Idempotency-Key', 'again')
        .send({ minutes: 15, reason: '补录活动签到' })
        .expect(400);
      // Taken back so the figures the later tests expect stay as they were.
      await http()
        .post(`/members/${alice}/adjustments`)
        .set('Authorization', `Bearer ${tokens.staff}`)
        .send({ minutes: -15, reason: '撤回补录' })
        .expect(201);
    });

    it('refuse one Idempotency-Key sent for two members at the same instant with 409 for the second', async () => {
      const key = randomUUID();
      const send = (memberId: string) =>
        http()
          .post(`/members/${memberId}/adjustments`)
          .set('Authorization', `Bearer ${tokens.staff}`)
          .set('Idempotency-Key', key)
          .send({ minutes: 15, reason: '补录活动签到' });
      const [forAlice, forBob] = await Promise.all([send(alice), send(bob)]);
      expect([forAlice.status, forBob.status].sort()).toEqual([201, 409]);
      const winner = forAlice.status === 201 ? alice : bob;
      const loser = winner === alice ? bob : alice;
      const adjustedWithKey = async (memberId: string) =>
        (await ledgerOf(service, memberId)).filter((row) => row.caused_by_event_id === key);
      expect(await adjustedWithKey(winner)).toHaveLength(1);
      expect(await adjustedWithKey(loser)).toHaveLength(0);
      // Taken back so the figures the later tests expect stay as they were.
      await http()
        .post(`/members/${winner}/adjustments`)
        .set('Authorization', `Bearer ${tokens.staff}`)
        .send({ minutes: -15, reason: '撤回补录' })
        .expect(201);
    });

    it('are refused to members and other communities’ staff, and validated', async () => {
      await http()
        .post(`/members/${bob}/adjustments`)
        .set('Authorization', `Bearer ${tokens.alice}`)
        .send({ minutes: 30, reason: 'x' })
        .expect(403);
      await http()
        .post(`/members/${bob}/adjustments`)
        .set('Authorization', `Bearer ${tokens.otherStaff}`)
        .send({ minutes: 30, reason: 'x' })
        .expect(403);
      const invalid = await http()
        .post(`/members/${bob}/adjustments`)
        .set('Authorization', `Bearer ${tokens.staff}`)
        .set('Accept-Language', 'en')
        .send({ minutes: 0, reason: '' })
        .expect(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'minutes',
        'reason',
      ]);
    });
  });

  describe('leaderboards', () => {
    const month = serviceMonthOf(new Date());

    it('rank the community’s and the unit’s members by this month’s minutes', async () => {
      const board = await waitFor(
        async () => {
          const response = await http()
            .get(`/leaderboards/communities/${communityId}`)
            .set('Authorization', `Bearer ${tokens.alice}`)
            .expect(200);
          return response.body.rows.length === 2 && response.body;
        },
        { description: 'the community board' },
      );
      expect(board).toMatchObject({ scope: 'community', month });
      const unitBoard = await http()
        .get(`/leaderboards/units/${unitId}`)
        .query({ month })
        .set('Authorization', `Bearer ${tokens.unitAdmin}`)
        .expect(200);
      expect(unitBoard.body.rows).toEqual(board.rows);
      await http()
        .get(`/leaderboards/communities/${communityId}`)
        .set('Authorization', `Bearer ${tokens.otherStaff}`)
        .expect(403);
    });

    it('are rebuilt from the ledger to exactly what the ledger says, whatever Redis held', async () => {
      const totals = await http()
        .get('/totals')
        .query({ groupBy: 'member', communityId })
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(200);
      const key = `leaderboard:community:${communityId}:${month}`;
      await redis.zadd(key, 9999, alice, 5, 'member-ghost');
      await redis.del(`leaderboard:unit:${unitId}:${month}`);
      await redis.zadd(`leaderboard:community:${randomUUID()}:${month}`, 1, 'member-ghost');
      await redis.sadd('leaderboard:index', `leaderboard:community:${otherCommunityId}:${month}`);

      const rebuild = await http()
        .post('/leaderboards/rebuild')
        .set('Authorization', `Bearer ${tokens.admin}`)
        .expect(200);
      expect(rebuild.body).toMatchObject({ boards: 2, members: 4 });
      const board = await http()
        .get(`/leaderboards/communities/${communityId}`)
        .query({ month })
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(200);
      // Members with equal minutes may be listed in either order; the scores are what must agree.
      const ranked = board.body.rows
        .map((row: { memberId: string; minutes: number }) => `${row.memberId}=${row.minutes}`)
        .sort();
      expect(ranked).toEqual(
        totals.body.rows.map((row: { key: string; minutes: number }) => `${row.key}=${row.minutes}`).sort(),
      );
      const unitBoard = await http()
        .get(`/leaderboards/units/${unitId}`)
        .query({ month })
        .set('Authorization', `Bearer ${tokens.unitAdmin}`)
        .expect(200);
      expect(unitBoard.body.rows).toEqual(board.body.rows);
      await http().post('/leaderboards/rebuild').set('Authorization', `Bearer ${tokens.staff}`).expect(403);
    });
  });

  describe('tamper detection', () => {
    it('verifies an untouched ledger', async () => {
      const response = await http()
        .get('/ledger/verification')
        .set('Authorization', `Bearer ${tokens.admin}`)
        .expect(200);
      expect(response.body).toMatchObject({
        intact: true,
        membersChecked: 2,
        entriesChecked: 8,
        firstBrokenLink: null,
      });
    });

    it('refuses UPDATE and DELETE on ledger rows in the database itself', async () => {
      await expect(
        queryDatabase(service, `UPDATE ledger_entry SET minutes = 999 WHERE member_id = $1`, [alice]),
      ).rejects.toThrow(/append-only/);
      await expect(
        queryDatabase(service, `DELETE FROM ledger_entry WHERE member_id = $1`, [alice]),
      ).rejects.toThrow(/append-only/);
    });

    it('reports the first broken link when a row was altered directly in the database', async () => {
      const [second] = (await ledgerOf(service, alice)).slice(1);
      // Someone with superuser rights switches the guard off and inflates a credit.
      await queryDatabase(
        service,
        `BEGIN; ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only;
         UPDATE ledger_entry SET minutes = 600 WHERE id = '${second.id}';
         ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only; COMMIT;`,
      );
      const member = await http()
        .get(`/members/${alice}/ledger/verification`)
        .set('Authorization', `Bearer ${tokens.staff}`)
        .expect(200);
      expect(member.body).toMatchObject({
        intact: false,
        firstBrokenLink: { memberId: alice, entryId: second.id, sequence: 2, reason: 'hash_mismatch' },
      });
      const whole = await http()
        .get('/ledger/verification')
        .set('Authorization', `Bearer ${tokens.admin}`)
        .expect(200);
      expect(whole.body.firstBrokenLink).toMatchObject({ entryId: second.id });
      await http()
        .get(`/members/${bob}/ledger/verification`)
        .set('Authorization', `Bearer ${tokens.bob}`)
        .expect(200, /"intact":true/);
    });

    it('reports it from the verify command too, with a failing exit code', async () => {
      const previous = process.env.DATABASE_URL;
      process.env.DATABASE_URL = service.env.DATABASE_URL;
      const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        expect(await verifyLedgerCommand([])).toBe(1);
        expect(await verifyLedgerCommand(['--member', bob])).toBe(0);
        expect(String(write.mock.calls[0][0])).toContain('"hash_mismatch"');
      } finally {
        write.mockRestore();
        process.env.DATABASE_URL = previous;
      }
    });
  });
});
