// The closed loop told as stories — 群众点单 → 社区派单 → 党员接单 → done → confirmed → hours credited →
// everyone told — against the four services running as separate processes on real Kafka, PostgreSQL and
// Redis, through their public HTTP APIs only. One cluster serves every story (a start costs ~18 s); each
// story picks its own community or household from the demo district, and after each one the loop auditor
// must find nothing broken.
import { LoopCluster, waitFor } from '@loop/testing';
import { CommunityFacts, DemoDistrict, DistrictMember } from './support/demo-district';
import { netMinutesFor, linesFor } from './support/ledger-reading';
import { expectLoopAuditClean } from './support/loop-audit';
import { callJson } from './support/http-json';
import { LoopApi, LoopReport, NewTicket } from './support/loop-api';
import { fastEscalation, startStoryCluster } from './support/story-cluster';
import { StoryPeople } from './support/story-people';

describe('the closed loop, story by story', () => {
  let cluster: LoopCluster;
  let api: LoopApi;
  let district: DemoDistrict;
  let people: StoryPeople;
  let autoDispatching: CommunityFacts;
  let dispatchedByHand: CommunityFacts;

  beforeAll(async () => {
    cluster = await startStoryCluster('e2e-stories');
    api = new LoopApi(cluster);
    people = new StoryPeople(cluster);
    district = new DemoDistrict(cluster, await people.admin());
    autoDispatching = await district.community((community) => community.autoDispatch);
    dispatchedByHand = await district.community((community) => !community.autoDispatch);
  });

  afterEach(async () => {
    // Without a cluster (its start failed) every story has already failed with the reason.
    if (cluster) await expectLoopAuditClean(cluster);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  /** A member of the community by id, for minting their token. */
  async function memberOf(community: CommunityFacts, memberId: string): Promise<DistrictMember> {
    const found = (await district.members(community.id)).find((member) => member.id === memberId);
    if (!found) throw new Error(`${memberId} is not an active member of ${community.code}`);
    return found;
  }

  /** A request for help at `location` in `categoryCode` (the words do not matter to the loop). */
  function request(
    location: NewTicket['location'],
    categoryCode: string,
    urgency: NewTicket['urgency'] = 'normal',
  ): NewTicket {
    return {
      categoryCode,
      urgency,
      title: '楼道灯坏了',
      description: '三楼楼道灯不亮，老人晚上出行不便。',
      location,
      contact: { name: '王阿姨', phone: '13800000000' },
    };
  }

  /** The report's counts moved by at least `by` since `before`, for each named count. */
  function moved(before: LoopReport, after: LoopReport, by: Record<string, number>): boolean {
    return Object.entries(by).every(
      ([count, delta]) => (after.counts[count] ?? 0) - (before.counts[count] ?? 0) === delta,
    );
  }

  it('runs every service in its own process', () => {
    const names = ['requests', 'dispatch', 'volunteer-hours', 'notifications'] as const;
    const pids = names.map((name) => cluster.service(name).pid);
    expect(new Set(pids).size).toBe(4);
    expect(pids).not.toContain(process.pid);
  });

  it('offers a resident’s request to the household’s member, who declines; the next candidate accepts, completes and is credited once the resident confirms, and the report counts it', async () => {
    const community = autoDispatching;
    const grid = community.grids[0];
    const { household, member: linkedMember } = await district.lookedAfterHousehold(community.id, grid.id, 0);
    const resident = await people.resident(await district.residentOf(household));
    const staff = await people.staff(community);
    const before = await api.loopReport(staff, { communityId: community.id });

    const ticket = await api.submitTicket(
      resident.token,
      request(
        {
          communityId: community.id,
          gridId: grid.id,
          householdId: household.id,
          compoundId: household.compoundId,
        },
        'elderly.disabled.help',
      ),
    );
    expect(ticket.status).toBe('submitted');

    // Auto-dispatch offers the work to the member who looks after the household ("1+10").
    const linkedToken = await people.member(linkedMember);
    const firstOffer = await api.waitForOffer(linkedToken, ticket.id);
    await api.decline(linkedToken, firstOffer.id, 'busy', '本周出差，无法上门');

    // Dispatch re-offers to the next candidate.
    const reoffered = await api.waitForDispatchCase(
      staff,
      ticket.id,
      (found) => found.status === 'offered' && found.currentAssignmentId !== firstOffer.id,
      're-offered after the decline',
    );
    expect(reoffered.assignee?.kind).toBe('member');
    expect(reoffered.assignee?.id).not.toBe(linkedMember.id);
    expect(reoffered.returns).toBe(1);
    expect((await api.offers(linkedToken)).map((offer) => offer.ticketId)).not.toContain(ticket.id);

    const nextMember = await memberOf(community, reoffered.assignee!.id);
    const nextToken = await people.member(nextMember);
    const secondOffer = await api.waitForOffer(nextToken, ticket.id);
    await api.doTheWork(nextToken, secondOffer.id, 45, '已陪同老人就医并取药');

    // The resident is told the work is done and asked to confirm.
    const resolved = await api.waitForStatus(resident.token, ticket.id, 'resolved');
    expect(resolved.owner).toEqual({ kind: 'resident', id: resident.id });
    await api.waitForNotification(resident.token, 'work_completed', ticket.id);

    const closed = await api.confirm(resident.token, ticket.id, 5, '服务很周到，谢谢！');
    expect(closed.status).toBe('closed');
    expect(closed.rating).toBe(5);

    // Exactly the reported minutes on the member who did the work; nothing for the one who declined.
    const statement = await api.waitForStatement(
      nextToken,
      nextMember.id,
      (s) => linesFor(s, ticket.id).length > 0,
      'the ticket credited',
    );
    expect(linesFor(statement, ticket.id)).toEqual([
      expect.objectContaining({ kind: 'credit', minutes: 45 }),
    ]);
    expect(linesFor(await api.statement(linkedToken, linkedMember.id), ticket.id)).toEqual([]);
    await api.waitForNotification(resident.token, 'ticket_closed', ticket.id);

    const after = await waitFor(
      async () => {
        const report = await api.loopReport(staff, { communityId: community.id });
        return moved(before, report, { submitted: 1, accepted: 1, completed: 1, closed: 1, returns: 1 })
          ? report
          : undefined;
      },
      { timeoutMs: 15_000, description: 'the loop report to count the ticket' },
    );
    expect(after.counts.closed - before.counts.closed).toBe(1);
  });

  it('lets community staff dispatch a request by hand to the member they choose from the suggestions, and the loop closes', async () => {
    const community = dispatchedByHand;
    const grid = community.grids[0];
    const { household, member: linkedMember } = await district.lookedAfterHousehold(community.id, grid.id, 0);
    const resident = await people.resident(await district.residentOf(household));
    const staff = await people.staff(community);

    const ticket = await api.submitTicket(
      resident.token,
      request(
        { communityId: community.id, gridId: grid.id, householdId: household.id },
        'elderly.disabled.help',
      ),
    );
    await api.waitForDispatchCase(
      staff,
      ticket.id,
      (found) => found.status === 'awaiting_dispatch',
      'waiting for staff',
    );

    // The household's linked member ranks first; staff offer the work to them.
    const suggestion = await api.suggestion(staff, ticket.id);
    expect(suggestion.candidates[0].memberId).toBe(linkedMember.id);
    const chosen = suggestion.candidates[0].memberId;
    const offer = await api.dispatch(staff, ticket.id, { kind: 'member', id: chosen });
    expect(offer.status).toBe('offered');

    const memberToken = await people.member(linkedMember);
    await api.waitForOffer(memberToken, ticket.id);
    await api.doTheWork(memberToken, offer.id, 30, '已上门帮助');
    await api.waitForStatus(resident.token, ticket.id, 'resolved');
    await api.confirm(resident.token, ticket.id, 4);

    const statement = await api.waitForStatement(
      memberToken,
      chosen,
      (s) => linesFor(s, ticket.id).length > 0,
      'the ticket credited',
    );
    expect(netMinutesFor(statement, ticket.id)).toBe(30);
    expect((await api.readTicket(resident.token, ticket.id)).status).toBe('closed');
  });

  it('withdraws the offer from the member and tells them when the resident cancels while the work is on offer', async () => {
    const community = autoDispatching;
    const grid = community.grids[0];
    const { household, member } = await district.lookedAfterHousehold(community.id, grid.id, 1);
    const resident = await people.resident(await district.residentOf(household));
    const memberToken = await people.member(member);

    const ticket = await api.submitTicket(
      resident.token,
      request(
        { communityId: community.id, gridId: grid.id, householdId: household.id },
        'elderly.disabled.help',
      ),
    );
    await api.waitForOffer(memberToken, ticket.id);

    const cancelled = await api.cancel(resident.token, ticket.id, 'resolved_elsewhere', '邻居已帮忙解决');
    expect(cancelled.status).toBe('cancelled');

    await waitFor(
      async () => !(await api.offers(memberToken)).some((offer) => offer.ticketId === ticket.id),
      {
        timeoutMs: 30_000,
        description: 'the withdrawn offer to leave the member’s offers',
      },
    );
    await api.waitForNotification(memberToken, 'offer_withdrawn', ticket.id);
    const staff = await people.staff(community);
    const dispatchCase = await api.waitForDispatchCase(
      staff,
      ticket.id,
      (found) => found.status === 'cancelled',
      'cancelled',
    );
    expect(dispatchCase.assignee).toBeNull();
  });

  it('reverses the first credit and credits the redo when a confirmed ticket is reopened, so the hours are not doubled', async () => {
    const community = autoDispatching;
    const grid = community.grids[community.grids.length > 1 ? 1 : 0];
    const { household, member } = await district.lookedAfterHousehold(community.id, grid.id, 0);
    const resident = await people.resident(await district.residentOf(household));
    const memberToken = await people.member(member);

    const ticket = await api.submitTicket(
      resident.token,
      request(
        { communityId: community.id, gridId: grid.id, householdId: household.id },
        'elderly.disabled.help',
      ),
    );
    const firstOffer = await api.waitForOffer(memberToken, ticket.id);
    await api.doTheWork(memberToken, firstOffer.id, 40, '已维修');
    await api.waitForStatus(resident.token, ticket.id, 'resolved');
    await api.confirm(resident.token, ticket.id, 3);
    await api.waitForStatement(
      memberToken,
      member.id,
      (s) => netMinutesFor(s, ticket.id) === 40,
      'the first completion credited',
    );

    const reopened = await api.reopen(resident.token, ticket.id, 'recurred', '灯又不亮了');
    expect(reopened.status).toBe('reopened');
    expect(reopened.reopenCount).toBe(1);

    // Back into dispatch: offered again (to the household's member), done again, confirmed again.
    const secondOffer = await waitFor(
      async () =>
        (await api.offers(memberToken)).find(
          (offer) => offer.ticketId === ticket.id && offer.id !== firstOffer.id,
        ),
      { timeoutMs: 30_000, description: 'the reopened ticket offered again' },
    );
    await api.doTheWork(memberToken, secondOffer.id, 25, '更换了整套灯具');
    await api.waitForStatus(resident.token, ticket.id, 'resolved');
    await api.confirm(resident.token, ticket.id, 5);

    const statement = await api.waitForStatement(
      memberToken,
      member.id,
      (s) => linesFor(s, ticket.id).length >= 3,
      'credit, reversal and re-credit',
    );
    const lines = linesFor(statement, ticket.id);
    expect(lines.map((line) => [line.kind, line.minutes])).toEqual([
      ['credit', 40],
      ['reversal', -40],
      ['credit', 25],
    ]);
    expect(lines[1].reversesEntryId).toBe(lines[0].entryId);
    expect(netMinutesFor(statement, ticket.id)).toBe(25);
  });

  it('escalates a request nobody accepts in time through the secretary, the town official and the county leader, telling each; past the top the county leader is reminded (督办) until the secretary dispatches it and the loop closes', async () => {
    const community = dispatchedByHand;
    const grid = community.grids[0];
    // A resident of the community reports a need outside their home.
    const [household] = await district.households(community.id, grid.id, 0, 1);
    const resident = await people.resident(await district.residentOf(household));
    const ticket = await api.submitTicket(
      resident.token,
      request(
        { communityId: community.id, gridId: grid.id },
        fastEscalation.categoryCode,
        fastEscalation.urgency,
      ),
    );

    const escalated = await api.waitForTicket(
      resident.token,
      ticket.id,
      (t) => t.escalationLevel === 3,
      'escalation level 3',
    );
    expect(escalated.status).toBe('submitted');

    const chain = [...community.escalationChain].sort((a, b) => a.level - b.level);
    expect(chain.map((link) => link.level)).toEqual([1, 2, 3]);
    const secretaryToken = await people.secretary(community);
    const townOfficial = await district.officialAt(community, 2);
    const countyLeader = await district.officialAt(community, 3);
    const tokens = [secretaryToken, await people.official(townOfficial), await people.official(countyLeader)];
    for (const token of tokens) await api.waitForNotification(token, 'escalation_raised', ticket.id);
    await api.waitForNotification(resident.token, 'ticket_escalated', ticket.id);

    const countyCases = await api.escalationsMine(tokens[2]);
    const countyCase = countyCases.find((found) => found.ticketId === ticket.id);
    expect(countyCase?.escalation).toEqual(
      expect.objectContaining({ level: 3, escalatedTo: { role: 'official', id: countyLeader.id } }),
    );

    // Past the top level the ticket still has an owner and a deadline: supervision reminders (督办).
    await api.waitForNotification(tokens[2], 'supervision_reminder', ticket.id);
    const adminToken = await people.admin();
    await waitFor(
      async () => {
        const { cases } = await callJson<{ cases: Array<{ nextDeadlineAt: string | null }> }>(
          'POST',
          `${cluster.url('dispatch')}/audit/dispatch-cases`,
          { token: adminToken, body: { ids: [ticket.id] } },
        );
        return cases[0]?.nextDeadlineAt !== null && Date.parse(cases[0].nextDeadlineAt!) > Date.now();
      },
      { timeoutMs: 30_000, intervalMs: 100, description: 'a future supervision deadline after level 3' },
    );

    // The secretary dispatches it by hand; the member accepts, does the work, and the resident confirms.
    const suggestion = await api.suggestion(secretaryToken, ticket.id);
    const chosen = await memberOf(community, suggestion.candidates[0].memberId);
    const offer = await api.dispatch(secretaryToken, ticket.id, { kind: 'member', id: chosen.id });
    const memberToken = await people.member(chosen);
    await api.waitForOffer(memberToken, ticket.id);
    await api.doTheWork(memberToken, offer.id, 30, '已现场核实并处理');
    await api.waitForStatus(resident.token, ticket.id, 'resolved');
    const closed = await api.confirm(resident.token, ticket.id, 4);
    expect(closed.status).toBe('closed');
  });

  it('closes a grid worker’s patrol finding with no resident: staff dispatch it, a member fixes it, the grid worker may not rate their own finding and staff close it on a callback', async () => {
    const community = dispatchedByHand;
    const grid = community.grids[community.grids.length > 1 ? 1 : 0];
    const gridWorker = await people.gridWorker(community, grid.id);
    const staff = await people.staff(community);

    const ticket = await api.submitTicket(gridWorker.token, {
      categoryCode: 'city.management',
      urgency: 'normal',
      source: 'grid_patrol',
      title: '路边井盖缺失',
      description: '巡查发现小区东门外人行道井盖缺失，存在安全隐患。',
      location: { communityId: community.id, gridId: grid.id, address: '东门外人行道' },
    });
    expect(ticket.source).toBe('grid_patrol');
    expect(ticket.residentId).toBeNull();

    await api.waitForDispatchCase(
      staff,
      ticket.id,
      (found) => found.status === 'awaiting_dispatch',
      'waiting for staff',
    );
    const suggestion = await api.suggestion(staff, ticket.id);
    const chosen = await memberOf(community, suggestion.candidates[0].memberId);
    const offer = await api.dispatch(staff, ticket.id, { kind: 'member', id: chosen.id });
    const memberToken = await people.member(chosen);
    await api.waitForOffer(memberToken, ticket.id);
    await api.doTheWork(memberToken, offer.id, 20, '已设置警示并通知维修');

    await api.waitForStatus(gridWorker.token, ticket.id, 'resolved');
    await expect(api.confirm(gridWorker.token, ticket.id, 5)).rejects.toMatchObject({ status: 403 });
    const closed = await api.callback(staff, ticket.id, 5, '回访：居民反映井盖已恢复');
    expect(closed.status).toBe('closed');
    const statement = await api.waitForStatement(
      memberToken,
      chosen.id,
      (s) => linesFor(s, ticket.id).length > 0,
      'the patrol fix credited',
    );
    expect(netMinutesFor(statement, ticket.id)).toBe(20);
  });

  it('sends a property repair to the compound’s property company, which does the work; the resident confirms and no member is credited', async () => {
    const community = dispatchedByHand;
    const grid = community.grids[0];
    const { household, member: linkedMember } = await district.lookedAfterHousehold(community.id, grid.id, 1);
    const company = await district.propertyCompanyOf(household.compoundId);
    const resident = await people.resident(await district.residentOf(household));
    const staff = await people.staff(community);

    const ticket = await api.submitTicket(
      resident.token,
      request(
        {
          communityId: community.id,
          gridId: grid.id,
          compoundId: household.compoundId,
          householdId: household.id,
        },
        'property.repair',
      ),
    );
    await api.waitForDispatchCase(
      staff,
      ticket.id,
      (found) => found.status === 'awaiting_dispatch',
      'waiting for staff',
    );
    const suggestion = await api.suggestion(staff, ticket.id);
    expect(suggestion.propertyCompany).toEqual({ id: company.id });

    const offer = await api.dispatch(staff, ticket.id, { kind: 'property_company', id: company.id });
    const companyToken = await people.propertyCompany(company.id);
    await api.waitForOffer(companyToken, ticket.id);
    await api.doTheWork(companyToken, offer.id, 60, '已更换水管阀门');

    await api.waitForStatus(resident.token, ticket.id, 'resolved');
    const closed = await api.confirm(resident.token, ticket.id, 4);
    expect(closed.status).toBe('closed');
    const memberToken = await people.member(linkedMember);
    expect(linesFor(await api.statement(memberToken, linkedMember.id), ticket.id)).toEqual([]);
  });

  it('credits members for a volunteer activity from publishing to check-out, never more than the activity’s window', async () => {
    const community = dispatchedByHand;
    const staff = await people.staff(community);
    const [first, second] = (await district.members(community.id)).slice(0, 2);
    const startsAt = new Date(Date.now() - 30 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 90 * 60_000);

    const activity = await api.publishActivity(staff, {
      title: '社区环境清洁志愿服务',
      place: '社区广场',
      communityId: community.id,
      categoryCode: 'environment.sanitation',
      skills: ['cleaning'],
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      capacity: 10,
    });
    const firstToken = await people.member(first);
    const secondToken = await people.member(second);
    expect((await api.signUp(firstToken, activity.activityId)).status).toBe('signed_up');
    expect((await api.signUp(secondToken, activity.activityId)).status).toBe('signed_up');

    for (const member of [first, second]) await api.checkIn(staff, activity.activityId, member.id);
    // The organiser approves two hours for the first member: the 90-minute window caps it.
    expect((await api.checkOut(staff, activity.activityId, first.id, 120)).creditedMinutes).toBe(90);
    expect((await api.checkOut(staff, activity.activityId, second.id, 60)).creditedMinutes).toBe(60);

    for (const [member, token, minutes] of [
      [first, firstToken, 90],
      [second, secondToken, 60],
    ] as const) {
      const statement = await api.waitForStatement(
        token,
        member.id,
        (s) => linesFor(s, activity.activityId).length > 0,
        'the activity credited',
      );
      expect(linesFor(statement, activity.activityId)).toEqual([
        expect.objectContaining({
          kind: 'credit',
          minutes,
          source: { kind: 'activity', id: activity.activityId },
        }),
      ]);
    }

    // The joint meeting's monthly report shows it, with the members' service and the 1+10 coverage.
    const month = new Date(startsAt.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
    const report = await api.monthlyReport(staff, month, community.id);
    expect(report.unavailable).toEqual([]);
    const [page] = report.communities;
    expect(page).toMatchObject({ communityId: community.id, name: community.name });
    expect(page.figures.service?.activitiesHeld).toBeGreaterThanOrEqual(1);
    expect(page.figures.service?.activityAttendances).toBeGreaterThanOrEqual(2);
    expect(page.figures.service?.minutesServed).toBeGreaterThanOrEqual(150);
    expect(page.figures.coverage?.households).toBeGreaterThan(0);
    expect(page.figures.coverage?.householdsLinked).toBeGreaterThan(0);
    const printable = await api.monthlyReportPage(staff, month, community.id);
    expect(printable).toContain(`<h2>${community.name}</h2>`);
  });
});
