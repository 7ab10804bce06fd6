// 吹哨报到 told as a story, against the four services running as separate processes on real Kafka,
// PostgreSQL and Redis, through their public HTTP APIs only: a resident's urgent request goes beyond the
// community, staff summon two departments of the demo district, one arrives and reports on time, the
// other is late and escalated, then arrives and reports; only then may the member complete, the resident
// confirms, the member's hours are credited, and the loop auditor finds nothing broken.
import { placeId } from '@loop/contracts';
import { LoopCluster, waitFor } from '@loop/testing';
import { CommunityFacts, DemoDistrict } from './support/demo-district';
import { callJson, HttpCallError } from './support/http-json';
import { linesFor } from './support/ledger-reading';
import { LoopApi, NewTicket } from './support/loop-api';
import { expectLoopAuditClean } from './support/loop-audit';
import { StoryPeople } from './support/story-people';

/** Seconds an urgent ticket's summoned departments have to check in. */
const arrivalSeconds = 12;

/** Two departments of the demo district, each with its one unit admin. */
const cityManagement = { id: placeId('unit', 'd-01'), label: '城管执法队', adminId: 'ua-d-01' };
const housing = { id: placeId('unit', 'd-02'), label: '住建所', adminId: 'ua-d-02' };

interface Summons {
  id: string;
  departmentId: string;
  departmentLabel: string;
  status: string;
  late: boolean;
  escalationLevel: number;
  arriveDueAt: string;
}

describe('吹哨报到: departments summoned to a ticket beyond the community', () => {
  let cluster: LoopCluster;
  let api: LoopApi;
  let district: DemoDistrict;
  let people: StoryPeople;
  let community: CommunityFacts;

  beforeAll(async () => {
    cluster = await LoopCluster.start({
      name: 'e2e-summons',
      env: { TIMERS_POLL_INTERVAL_MS: '200' },
      serviceEnv: {
        requests: { LOOP_AUDIT_SETTLE_SECONDS: '0' },
        dispatch: {
          SLA_WORKING_TIME: 'wall_clock',
          SUMMONS_URGENT_ARRIVAL_MINUTES: String(arrivalSeconds / 60),
        },
      },
    });
    api = new LoopApi(cluster);
    people = new StoryPeople(cluster);
    district = new DemoDistrict(cluster, await people.admin());
    community = await district.community((candidate) => candidate.autoDispatch);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  const dispatchUrl = (path: string) => `${cluster.url('dispatch')}${path}`;
  const departmentAdmin = (department: typeof housing) =>
    cluster.token({ sub: department.adminId, roles: ['admin'], unit_id: department.id });

  function urgentRequest(location: NewTicket['location']): NewTicket {
    return {
      categoryCode: 'property.repair',
      urgency: 'urgent',
      title: '小区主干管道堵塞',
      description: '主干下水管道堵塞外溢，靠近一栋危墙，需多个部门处置。',
      location,
      contact: { name: '李大爷', phone: '13900000000' },
    };
  }

  it('holds the member’s completion until every summoned department reports, escalates the late one, and closes the loop', async () => {
    const grid = community.grids[0];
    const { household, member } = await district.lookedAfterHousehold(community.id, grid.id, 1);
    const resident = await people.resident(await district.residentOf(household));
    const staff = await people.staff(community);
    const memberToken = await people.member(member);
    const cityToken = await departmentAdmin(cityManagement);
    const housingToken = await departmentAdmin(housing);

    const ticket = await api.submitTicket(
      resident.token,
      urgentRequest({
        communityId: community.id,
        gridId: grid.id,
        householdId: household.id,
        compoundId: household.compoundId,
      }),
    );
    const offer = await api.waitForOffer(memberToken, ticket.id);
    await api.accept(memberToken, offer.id);
    await api.start(memberToken, offer.id);

    // Staff blow the whistle: two departments, each told and given two urgent-ticket windows to arrive.
    const summoned = await callJson<Summons[]>('POST', dispatchUrl(`/tickets/${ticket.id}/summons`), {
      token: staff,
      body: {
        departmentIds: [cityManagement.id, housing.id],
        reason: '主干管道堵塞并危及墙体，需城管与住建到场',
      },
    });
    const byDepartment = new Map(summoned.map((s) => [s.departmentId, s]));
    await api.waitForNotification(cityToken, 'summons_received', ticket.id);
    await api.waitForNotification(housingToken, 'summons_received', ticket.id);
    const open = await callJson<Summons[]>('GET', dispatchUrl('/me/summons'), { token: cityToken });
    expect(open.map((s) => s.id)).toContain(byDepartment.get(cityManagement.id)!.id);

    // 城管执法队 arrives on time and reports what it did.
    const cityId = byDepartment.get(cityManagement.id)!.id;
    const arrived = await callJson<Summons>('POST', dispatchUrl(`/summons/${cityId}/check-in`), {
      token: cityToken,
    });
    expect(arrived).toMatchObject({ status: 'checked_in', late: false });
    await callJson('POST', dispatchUrl(`/summons/${cityId}/report`), {
      token: cityToken,
      body: { report: '已疏通主干管道，清理占道堆放物' },
    });

    // The member cannot complete while 住建所 has not reported.
    const refused = await api
      .complete(memberToken, offer.id, 50, '已配合部门完成处置')
      .catch((error) => error);
    expect(refused).toBeInstanceOf(HttpCallError);
    expect((refused as HttpCallError).status).toBe(409);
    expect(((refused as HttpCallError).body as { code: string }).code).toBe('summons.outstanding');

    // 住建所 misses its deadline: escalated up the community's chain, and staff are told.
    const housingId = byDepartment.get(housing.id)!.id;
    const escalated = await waitFor(
      async () => {
        const list = await callJson<Summons[]>('GET', dispatchUrl(`/tickets/${ticket.id}/summons`), {
          token: staff,
        });
        return list.find((s) => s.id === housingId && s.escalationLevel >= 1);
      },
      { timeoutMs: 60_000, intervalMs: 250, description: '住建所 escalated for arriving late' },
    );
    expect(escalated.status).toBe('issued');
    await api.waitForNotification(staff, 'summons_overdue', ticket.id);

    const lateArrival = await callJson<Summons>('POST', dispatchUrl(`/summons/${housingId}/check-in`), {
      token: housingToken,
    });
    expect(lateArrival.late).toBe(true);
    await callJson('POST', dispatchUrl(`/summons/${housingId}/report`), {
      token: housingToken,
      body: { report: '已对危墙加固并设置警示' },
    });

    // Every department reported: the member completes, the resident confirms, the hours are credited.
    await api.complete(memberToken, offer.id, 50, '已配合部门完成处置');
    await api.waitForStatus(resident.token, ticket.id, 'resolved');
    const closed = await api.confirm(resident.token, ticket.id, 5, '各部门来得及时，问题解决了');
    expect(closed.status).toBe('closed');
    const statement = await api.waitForStatement(
      memberToken,
      member.id,
      (s) => linesFor(s, ticket.id).length > 0,
      'the ticket credited',
    );
    expect(linesFor(statement, ticket.id)).toEqual([
      expect.objectContaining({ kind: 'credit', minutes: 50 }),
    ]);

    // The resident's story tells the summons, each arrival and each report.
    const story = await api.waitForTicket(
      resident.token,
      ticket.id,
      (read) => read.timeline.filter((entry) => entry.type === 'summons.reported').length === 2,
      'both departments’ reports on the timeline',
    );
    const summaries = story.timeline.map((entry) => entry.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringContaining('街道已召集 城管执法队、住建所 到场处置'),
        expect.stringContaining('城管执法队 已到场'),
        expect.stringContaining('城管执法队 已处置：已疏通主干管道，清理占道堆放物'),
        expect.stringContaining('住建所 已到场（超时）'),
        expect.stringContaining('住建所 已处置：已对危墙加固并设置警示'),
      ]),
    );

    // The loop report counts the summoned departments and how punctually each arrived.
    const report = await api.loopReport(staff, { communityId: community.id });
    const figures = (report as unknown as { summons: { byDepartment: Array<Record<string, unknown>> } })
      .summons;
    expect(figures.byDepartment).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentLabel: '城管执法队', onTimeCheckIns: 1 }),
        expect.objectContaining({ departmentLabel: '住建所', checkedIn: 1, onTimeCheckIns: 0 }),
      ]),
    );

    await expectLoopAuditClean(cluster);
  });
});
