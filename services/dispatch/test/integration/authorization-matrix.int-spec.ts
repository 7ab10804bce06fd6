// Who may call which route of the dispatch service, and within what scope: every route tried by every
// role in and out of scope (shared machinery and rules: libs/testing/src/app/authorization-matrix.ts).
import { type Caller, describeAuthorizationMatrix, startTestService, type TestService } from '@loop/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { placeId } from '../../src/directory/domain/place-id';
import { dispatchServiceOptions } from '../../src/service-options';
import { aSubmittedTicket, AssignmentHarness, waitForCase } from './assignment-world';

/** Codes of the home community, where the cast works, and of a community none of them may reach. */
const codes = {
  home: { community: 'c-home', grid: 'g-home', compound: 'cp-home', household: 'h-home', company: 'pc-home' },
  foreign: { community: 'c-far', grid: 'g-far', compound: 'cp-far', household: 'h-far', company: 'pc-far' },
};
const idsOf = (place: (typeof codes)['home']) => ({
  community: placeId('community', place.community),
  grid: placeId('grid', place.grid),
  compound: placeId('compound', place.compound),
  household: placeId('household', place.household),
});
const home = { ...idsOf(codes.home), member: 'member-home', company: codes.home.company };
const foreign = {
  ...idsOf(codes.foreign),
  member: 'member-far',
  company: codes.foreign.company,
  staff: 'staff-far',
  resident: 'resident-far',
};

/** Tickets of this category climb the escalation chain within seconds, so officials can act on them. */
const escalatingCategory = 'safety.hazard';

const cast = {
  resident: { sub: 'resident-home' },
  grid_worker: {
    sub: 'grid-worker-home',
    community_ids: [codes.home.community],
    grid_ids: [codes.home.grid],
  },
  staff: { sub: 'staff-home', community_ids: [codes.home.community] },
  secretary: { sub: 'secretary-home', community_ids: [codes.home.community], escalation_level: 1 },
  member: { sub: home.member, community_ids: [codes.home.community], unit_id: 'u-home' },
  official: { sub: 'official-home', community_ids: [codes.home.community], escalation_level: 2 },
  property_company: { sub: home.company },
  admin: { sub: 'district-admin' },
  // The admin of a functional department (吹哨报到), named in the token by the department's code.
  unit_admin: { sub: 'unit-admin-home', unit_id: 'd-home' },
};

/** Departments summoned in the home and the foreign community. */
const departments = { home: placeId('unit', 'd-home'), foreign: placeId('unit', 'd-far') };
const summonsReason = { reason: '需职能部门到场处置' };

function directoryOf(
  place: (typeof codes)['home'],
  people: { member: string; staff: string; secretary: string },
) {
  return {
    'property-companies': [{ id: place.company, name: `${place.company} 物业` }],
    compounds: [
      {
        code: place.compound,
        communityCode: place.community,
        name: '幸福里',
        propertyCompanyId: place.company,
      },
    ],
    households: [
      {
        code: place.household,
        gridCode: place.grid,
        compoundCode: place.compound,
        addressLabel: '幸福里 1 号楼 101',
      },
    ],
    members: [1, 2, 3].map((n) => ({
      id: n === 1 ? people.member : `${people.member}-${n}`,
      name: '王芳',
      unitCode: 'u-home',
      gridCode: place.grid,
      skills: ['repair'],
      householdCodes: n === 1 ? [place.household] : [],
    })),
    staff: [
      { id: people.staff, name: '周社工', role: 'staff', communityCode: place.community },
      { id: `${people.staff}-2`, name: '郑社工', role: 'staff', communityCode: place.community },
      { id: `${people.staff}-3`, name: '钱社工', role: 'staff', communityCode: place.community },
      { id: people.secretary, name: '吴书记', role: 'secretary', communityCode: place.community },
    ],
  };
}

const district = {
  streets: [{ code: 'st-home', name: '城关街道' }],
  communities: [codes.home, codes.foreign].map((place) => ({
    code: place.community,
    name: `${place.community} 社区`,
    districtCode: '130111',
    streetCode: 'st-home',
    autoDispatch: false,
  })),
  grids: [codes.home, codes.foreign].map((place) => ({
    code: place.grid,
    communityCode: place.community,
    name: '第一网格',
  })),
  units: [
    { code: 'u-home', name: '区财政局' },
    { code: 'd-home', name: '城管执法队', kind: 'department', adminIds: ['unit-admin-home'] },
    { code: 'd-far', name: '住建所', kind: 'department', adminIds: ['unit-admin-far'] },
  ],
  officials: [
    { id: 'official-home', name: '孙主任', escalationLevel: 2, communityCodes: [codes.home.community] },
    { id: 'official-home-3', name: '陈县长', escalationLevel: 3, communityCodes: [codes.home.community] },
    { id: 'official-far', name: '李主任', escalationLevel: 2, communityCodes: [codes.foreign.community] },
  ],
};

/** Tickets and offers the matrix calls; pools hold one fresh resource per admitted caller of a write. */
interface World {
  service: TestService;
  admin: string;
  /** Queued in the home community. */
  homeTicket: string;
  /** Escalated past level 2 in the home community, for officials. */
  escalatedTicket: string;
  /** Offered to the home member and to the home property company. */
  memberOffer: { ticketId: string; assignmentId: string };
  companyOffer: { ticketId: string; assignmentId: string };
  /** Queued and offered tickets of the foreign community. */
  foreignQueued: string;
  foreignOffer: { ticketId: string; assignmentId: string };
  /** Fresh resources for writes, by route and caller. */
  pools: Map<string, Map<Caller, string>>;
  /** Summonses of the home department: issued, and checked in; and one in the foreign community. */
  homeSummons: string;
  checkedInSummons: string;
  foreignSummons: string;
}

/** Summons the department to the ticket as the district admin; returns the summons id. */
async function summon(service: TestService, admin: string, ticketId: string, departmentId: string) {
  const response = await request(service.app.getHttpServer())
    .post(`/tickets/${ticketId}/summons`)
    .set('Authorization', admin)
    .send({ departmentIds: [departmentId], ...summonsReason })
    .expect(201);
  return (response.body as Array<{ id: string }>)[0].id;
}

async function importDirectory(service: TestService, admin: string, rows: Record<string, object[]>) {
  for (const [kind, entries] of Object.entries(rows)) {
    await request(service.app.getHttpServer())
      .post(`/directory/imports/${kind}`)
      .set('Authorization', admin)
      .send({ rows: entries })
      .expect(200)
      .expect((response) => {
        if ((response.body as { rejected?: number }).rejected)
          throw new Error(`${kind}: ${JSON.stringify(response.body)}`);
      });
  }
}

/** Submits a ticket in the place, as requests would, and waits for its dispatch case. */
async function submit(
  harness: AssignmentHarness,
  service: TestService,
  admin: string,
  place: typeof home,
  categoryCode = 'property.repair',
): Promise<string> {
  const ticket = aSubmittedTicket({
    categoryCode,
    communityId: place.community,
    gridId: place.grid,
    householdId: place.household,
    compoundId: place.compound,
    residentId: place === home ? 'resident-home' : foreign.resident,
    filedBy: { role: 'resident', id: place === home ? 'resident-home' : foreign.resident },
  });
  await harness.submit(ticket);
  await waitForCase(service.app, ticket.ticketId, admin);
  return ticket.ticketId;
}

/** Offers the ticket by hand, as the district admin, and returns the offer. */
async function offer(
  service: TestService,
  admin: string,
  ticketId: string,
  assignee: { kind: 'member' | 'property_company'; id: string },
): Promise<{ ticketId: string; assignmentId: string }> {
  const response = await request(service.app.getHttpServer())
    .post(`/dispatch-cases/${ticketId}/dispatch`)
    .set('Authorization', admin)
    .send({ assignee })
    .expect(201);
  return { ticketId, assignmentId: (response.body as { id: string }).id };
}

const memberOf = (caller: Caller) =>
  caller === 'property_company'
    ? { kind: 'property_company' as const, id: home.company }
    : { kind: 'member' as const, id: home.member };

/** The write routes that act on a fresh ticket or offer, and who gets one. */
const assigneeWrites = ['accept', 'decline', 'start', 'complete', 'hand-back'];
const dispatchers: Caller[] = ['staff', 'secretary', 'official', 'admin'];

let harness: AssignmentHarness;

describeAuthorizationMatrix<World>({
  service: 'dispatch',
  start: async () => {
    const service = await startTestService(AppModule, dispatchServiceOptions, {
      env: {
        LOG_LEVEL: 'error',
        TIMERS_POLL_INTERVAL_MS: '100',
        SLA_WORKING_TIME: 'wall_clock',
        SLA_POLICY_OVERRIDES: JSON.stringify([
          { offerMinutes: 600, acceptMinutes: 600, completeMinutes: 6000 },
          { category: escalatingCategory, acceptMinutes: 1 / 60 },
        ]),
      },
    });
    harness = await AssignmentHarness.start(service);
    const close = service.close;
    return { ...service, close: async () => (await harness.stop(), close()) };
  },
  cast,
  seed: async (service, tokens) => {
    const admin = `Bearer ${tokens.get('admin')}`;
    await importDirectory(service, admin, district);
    const people = (prefix: string) => ({
      member: `member-${prefix}`,
      staff: `staff-${prefix}`,
      secretary: `secretary-${prefix}`,
    });
    const homeRows = directoryOf(codes.home, people('home'));
    const foreignRows = directoryOf(codes.foreign, people('far'));
    await importDirectory(service, admin, {
      'property-companies': [...homeRows['property-companies'], ...foreignRows['property-companies']],
      compounds: [...homeRows.compounds, ...foreignRows.compounds],
      households: [...homeRows.households, ...foreignRows.households],
      members: [...homeRows.members, ...foreignRows.members],
      staff: [
        ...homeRows.staff,
        ...foreignRows.staff,
        {
          id: 'grid-worker-home',
          name: '网格员',
          role: 'grid_worker',
          communityCode: codes.home.community,
          gridCodes: [codes.home.grid],
        },
      ],
      officials: district.officials,
      residents: [
        { householdCode: codes.home.household, residentId: 'resident-home' },
        { householdCode: codes.foreign.household, residentId: foreign.resident },
      ],
    });
    const ticket = (place: typeof home = home, category?: string) =>
      submit(harness, service, admin, place, category);
    const [homeTicket, escalatedTicket, foreignQueued, foreignOffered, memberTicket, companyTicket] =
      await Promise.all([
        ticket(),
        ticket(home, escalatingCategory),
        ticket(foreign),
        ticket(foreign),
        ticket(),
        ticket(),
      ]);
    const pools = new Map<string, Map<Caller, string>>();
    const fill = async (key: string, callers: Caller[], make: (caller: Caller) => Promise<string>) =>
      pools.set(
        key,
        new Map(await Promise.all(callers.map(async (caller) => [caller, await make(caller)] as const))),
      );
    await Promise.all([
      fill('dispatch', dispatchers, (caller) =>
        ticket(home, caller === 'official' ? escalatingCategory : undefined),
      ),
      fill('redispatch', dispatchers, async (caller) => {
        const id = await ticket(home, caller === 'official' ? escalatingCategory : undefined);
        return caller === 'official' ? id : (await offer(service, admin, id, memberOf('member'))).ticketId;
      }),
      fill('summon', ['staff', 'secretary', 'admin'], () => ticket()),
      fill('release', ['staff', 'secretary', 'admin'], async () =>
        summon(service, admin, await ticket(), departments.home),
      ),
      ...assigneeWrites.map((action) =>
        fill(action, ['member', 'property_company'], async (caller) => {
          const made = await offer(service, admin, await ticket(), memberOf(caller));
          return made.assignmentId;
        }),
      ),
    ]);
    const [memberOffer, companyOffer, foreignOffer] = await Promise.all([
      offer(service, admin, memberTicket, memberOf('member')),
      offer(service, admin, companyTicket, memberOf('property_company')),
      offer(service, admin, foreignOffered, { kind: 'member', id: foreign.member }),
    ]);
    // The escalated tickets reach level 2 within seconds (accept deadline of one second per level).
    const escalated = [
      escalatedTicket,
      pools.get('dispatch')!.get('official')!,
      pools.get('redispatch')!.get('official')!,
    ];
    await Promise.all(
      escalated.map((id) =>
        waitForCase(
          service.app,
          id,
          admin,
          (body) => Number((body.escalation as { level?: number } | null)?.level) >= 2,
        ),
      ),
    );
    const [homeSummons, checkedInSummons, foreignSummons] = await Promise.all([
      summon(service, admin, homeTicket, departments.home),
      summon(service, admin, memberTicket, departments.home),
      summon(service, admin, foreignQueued, departments.foreign),
    ]);
    await request(service.app.getHttpServer())
      .post(`/summons/${checkedInSummons}/check-in`)
      .set('Authorization', `Bearer ${tokens.get('unit_admin')}`)
      .expect(200);
    return {
      service,
      admin,
      homeTicket,
      escalatedTicket,
      memberOffer,
      companyOffer,
      foreignQueued,
      foreignOffer,
      pools,
      homeSummons,
      checkedInSummons,
      foreignSummons,
    };
  },
  foreignMarkers: (world) => [
    world.foreignQueued,
    world.foreignOffer.ticketId,
    world.foreignOffer.assignmentId,
    foreign.community,
    foreign.member,
    foreign.household,
  ],
  foreignState: async (world) => {
    const http = request(world.service.app.getHttpServer());
    const read = async (path: string) =>
      (await http.get(path).set('Authorization', world.admin).expect(200)).body as unknown;
    const [queued, offered, community, members, staff, chain, residents, changes, summonses] =
      await Promise.all([
        read(`/dispatch-cases/${world.foreignQueued}`),
        read(`/dispatch-cases/${world.foreignOffer.ticketId}`),
        read(`/directory/communities/${foreign.community}`),
        read(`/directory/communities/${foreign.community}/members`),
        read(`/directory/communities/${foreign.community}/staff`),
        read(`/directory/communities/${foreign.community}/escalation-chain`),
        read(`/directory/households/${foreign.household}/residents`),
        read(`/directory/changes?communityId=${foreign.community}&limit=200`),
        read(`/tickets/${world.foreignQueued}/summons`),
      ]);
    return { queued, offered, community, members, staff, chain, residents, changes, summonses };
  },
  routes: [
    // The dispatch board and cases: staff and secretaries of the community; officials once escalated to them.
    {
      route: 'GET /communities/{communityId}/dispatch-board',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      inScope: () => ({ params: { communityId: home.community } }),
      outOfScopeCall: () => ({ params: { communityId: foreign.community } }),
    },
    ...['GET /dispatch-cases/{ticketId}', 'GET /dispatch-cases/{ticketId}/suggestion'].map((route) => ({
      route: route as `GET /${string}`,
      allows: {
        staff: 'community',
        secretary: 'community',
        official: 'community',
        admin: 'district',
      } as const,
      note: 'officials: tickets escalated to their level',
      inScope: (world: World, caller: Caller) => ({
        params: { ticketId: caller === 'official' ? world.escalatedTicket : world.homeTicket },
      }),
      outOfScopeCall: (world: World) => ({ params: { ticketId: world.foreignQueued } }),
    })),
    {
      route: 'POST /dispatch-cases/{ticketId}/dispatch',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      note: 'officials: tickets escalated to their level',
      inScope: (world, caller) => ({
        params: { ticketId: world.pools.get('dispatch')!.get(caller) ?? world.homeTicket },
        body: { assignee: memberOf('member') },
      }),
      outOfScopeCall: (world) => ({
        params: { ticketId: world.foreignQueued },
        body: { assignee: { kind: 'member', id: foreign.member } },
      }),
    },
    {
      route: 'POST /dispatch-cases/{ticketId}/redispatch',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      note: 'officials: tickets escalated to their level',
      inScope: async (world, caller) => {
        const ticketId = world.pools.get('redispatch')!.get(caller) ?? world.homeTicket;
        const current = (await waitForCase(world.service.app, ticketId, world.admin)) as {
          currentAssignmentId: string | null;
        };
        return {
          params: { ticketId },
          body: {
            replacesAssignmentId: current.currentAssignmentId ?? world.memberOffer.assignmentId,
            assignee: { kind: 'member', id: `${home.member}-2` },
          },
        };
      },
      outOfScopeCall: (world) => ({
        params: { ticketId: world.foreignOffer.ticketId },
        body: {
          replacesAssignmentId: world.foreignOffer.assignmentId,
          assignee: { kind: 'member', id: `${foreign.member}-2` },
        },
      }),
    },
    {
      route: 'GET /escalations/mine',
      allows: { secretary: 'own', official: 'own' },
      outOfScope: 'filtered',
      note: 'escalations addressed to the caller',
      inScope: () => ({}),
      outOfScopeCall: () => ({}),
    },
    // Offers and tasks: the member or property company they are made to.
    ...['GET /me/offers', 'GET /me/tasks'].map((route) => ({
      route: route as `GET /${string}`,
      allows: { member: 'own', property_company: 'own' } as const,
      outOfScope: 'filtered' as const,
      inScope: () => ({}),
      outOfScopeCall: () => ({}),
    })),
    {
      route: 'GET /assignments/{assignmentId}',
      allows: { member: 'own', property_company: 'own' },
      inScope: (world, caller) => ({
        params: {
          assignmentId: (caller === 'property_company' ? world.companyOffer : world.memberOffer).assignmentId,
        },
      }),
      outOfScopeCall: (world) => ({ params: { assignmentId: world.foreignOffer.assignmentId } }),
    },
    ...assigneeWrites.map((action) => ({
      route: `POST /assignments/{assignmentId}/${action}` as `POST /${string}`,
      allows: { member: 'own', property_company: 'own' } as const,
      inScope: (world: World, caller: Caller) => ({
        params: { assignmentId: world.pools.get(action)!.get(caller) ?? world.memberOffer.assignmentId },
        body: bodyOf(action),
      }),
      outOfScopeCall: (world: World) => ({
        params: { assignmentId: world.foreignOffer.assignmentId },
        body: bodyOf(action),
      }),
    })),
    // 吹哨报到: the community summons and releases departments; a department's admin checks in and reports.
    {
      route: 'POST /tickets/{ticketId}/summons',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      inScope: (world, caller) => ({
        params: { ticketId: world.pools.get('summon')!.get(caller) ?? world.homeTicket },
        body: { departmentIds: [departments.home], ...summonsReason },
      }),
      outOfScopeCall: (world) => ({
        params: { ticketId: world.foreignQueued },
        body: { departmentIds: [departments.home], ...summonsReason },
      }),
    },
    {
      route: 'GET /tickets/{ticketId}/summons',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      inScope: (world) => ({ params: { ticketId: world.homeTicket } }),
      outOfScopeCall: (world) => ({ params: { ticketId: world.foreignQueued } }),
    },
    {
      route: 'GET /me/summons',
      allows: { unit_admin: 'own' },
      outOfScope: 'filtered',
      note: 'the open summonses of the admin’s department',
      inScope: () => ({}),
      outOfScopeCall: () => ({}),
    },
    {
      route: 'POST /summons/{summonsId}/check-in',
      allows: { unit_admin: 'own' },
      note: 'the admin of the summoned department',
      inScope: (world) => ({ params: { summonsId: world.homeSummons } }),
      outOfScopeCall: (world) => ({ params: { summonsId: world.foreignSummons } }),
    },
    {
      route: 'POST /summons/{summonsId}/report',
      allows: { unit_admin: 'own' },
      note: 'the admin of the summoned department, once checked in',
      inScope: (world) => ({ params: { summonsId: world.checkedInSummons }, body: { report: '已处置' } }),
      outOfScopeCall: (world) => ({
        params: { summonsId: world.foreignSummons },
        body: { report: '已处置' },
      }),
    },
    {
      route: 'POST /summons/{summonsId}/release',
      allows: { staff: 'community', secretary: 'community', admin: 'district' },
      inScope: (world, caller) => ({
        params: { summonsId: world.pools.get('release')!.get(caller) ?? world.homeSummons },
        body: { reason: '无需到场' },
      }),
      outOfScopeCall: (world) => ({
        params: { summonsId: world.foreignSummons },
        body: { reason: '无需到场' },
      }),
    },
    {
      route: 'POST /reports/household-coverage',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      inScope: () => ({ body: { communityIds: [home.community] } }),
      outOfScopeCall: () => ({ body: { communityIds: [foreign.community] } }),
    },
    {
      route: 'POST /audit/dispatch-cases',
      allows: { admin: 'district' },
      inScope: (world) => ({ body: { ids: [world.homeTicket] } }),
    },
    // The directory: the district admin everywhere, community staff their own community.
    {
      route: 'GET /directory/changes',
      allows: { staff: 'community', admin: 'district' },
      note: 'staff name their community; the district’s whole log is the admin’s',
      inScope: () => ({ query: { communityId: home.community } }),
      outOfScopeCall: () => ({ query: { communityId: foreign.community } }),
    },
    {
      route: 'GET /directory/communities',
      allows: { staff: 'community', admin: 'district' },
      outOfScope: 'filtered',
      inScope: () => ({}),
      outOfScopeCall: () => ({}),
    },
    ...[
      'GET /directory/communities/{communityId}',
      'GET /directory/communities/{communityId}/members',
      'GET /directory/communities/{communityId}/staff',
      'GET /directory/communities/{communityId}/escalation-chain',
      'GET /directory/communities/{communityId}/households',
    ].map((route) => ({
      route: route as `GET /${string}`,
      allows: { staff: 'community', admin: 'district' } as const,
      inScope: () => ({ params: { communityId: home.community } }),
      outOfScopeCall: () => ({ params: { communityId: foreign.community } }),
    })),
    {
      route: 'PUT /directory/communities/{communityId}/dispatch-policy',
      allows: { staff: 'community', admin: 'district' },
      inScope: () => ({ params: { communityId: home.community }, body: { autoDispatch: false } }),
      outOfScopeCall: () => ({ params: { communityId: foreign.community }, body: { autoDispatch: true } }),
    },
    {
      route: 'PUT /directory/communities/{communityId}/calendar',
      allows: { staff: 'community', admin: 'district' },
      inScope: () => ({ params: { communityId: home.community }, body: calendar }),
      outOfScopeCall: () => ({
        params: { communityId: foreign.community },
        body: { ...calendar, weekendsAllDay: false },
      }),
    },
    {
      route: 'GET /directory/departments',
      allows: { staff: 'district', secretary: 'district', official: 'district', admin: 'district' },
      note: 'departments serve the whole district',
      inScope: () => ({}),
    },
    {
      route: 'GET /directory/property-companies',
      allows: { admin: 'district' },
      inScope: () => ({}),
    },
    {
      route: 'GET /directory/officials',
      allows: { admin: 'district' },
      inScope: () => ({}),
    },
    {
      route: 'GET /directory/members/{memberId}',
      allows: { staff: 'community', admin: 'district' },
      inScope: () => ({ params: { memberId: home.member } }),
      outOfScopeCall: () => ({ params: { memberId: foreign.member } }),
    },
    {
      route: 'PUT /directory/entries/{kind}',
      allows: { staff: 'community', admin: 'district' },
      note: 'staff never change the oversight chain nor move an entry across communities',
      inScope: (_world, caller) => ({
        params: { kind: 'members' },
        body: memberRow(`member-new-${caller}`, codes.home.grid),
      }),
      outOfScopeCall: (_world, caller) => ({
        params: { kind: 'members' },
        body: memberRow(`member-new-${caller}`, codes.foreign.grid),
      }),
    },
    {
      route: 'POST /directory/imports/{kind}',
      allows: { staff: 'community', admin: 'district' },
      outOfScope: 'reported',
      note: 'a row outside the caller’s community is refused in the import report, and nothing of it applied',
      inScope: (_world, caller) => ({
        params: { kind: 'members' },
        body: { rows: [memberRow(`member-imported-${caller}`, codes.home.grid)] },
      }),
      outOfScopeCall: (_world, caller) => ({
        params: { kind: 'members' },
        body: { rows: [memberRow(`member-imported-far-${caller}`, codes.foreign.grid)] },
      }),
      refusedAsReported: (body) => {
        const report = body as { created?: number; updated?: number; rejected?: number };
        return report.created === 0 && report.updated === 0 && report.rejected === 1;
      },
    },
    {
      route: 'GET /directory/households/{householdId}/residents',
      allows: { staff: 'community', admin: 'district' },
      inScope: () => ({ params: { householdId: home.household } }),
      outOfScopeCall: () => ({ params: { householdId: foreign.household } }),
    },
    {
      route: 'PUT /directory/households/{householdId}/residents/{residentId}',
      allows: { staff: 'community', admin: 'district' },
      inScope: (_world, caller) => ({
        params: { householdId: home.household, residentId: `resident-new-${caller}` },
      }),
      outOfScopeCall: (_world, caller) => ({
        params: { householdId: foreign.household, residentId: `resident-new-${caller}` },
      }),
    },
    {
      route: 'DELETE /directory/households/{householdId}/residents/{residentId}',
      allows: { staff: 'community', admin: 'district' },
      inScope: (_world, caller) => ({
        params: { householdId: home.household, residentId: `resident-new-${caller}` },
      }),
      outOfScopeCall: () => ({ params: { householdId: foreign.household, residentId: foreign.resident } }),
    },
    {
      route: 'GET /directory/me/households',
      allows: { resident: 'own' },
      outOfScope: 'filtered',
      note: 'the households the resident is registered to',
      inScope: () => ({}),
      outOfScopeCall: () => ({}),
    },
    {
      route: 'GET /directory/public-holidays',
      allows: { staff: 'district', admin: 'district' },
      note: 'the national schedule is the same for every community',
      inScope: () => ({}),
    },
    {
      route: 'GET /directory/public-holidays/{year}',
      allows: { staff: 'district', admin: 'district' },
      inScope: () => ({ params: { year: '2026' } }),
      // No schedule is loaded for the year in this suite: the route answers that it knows none.
      reachableAlso: [404],
    },
    {
      route: 'PUT /directory/public-holidays/{year}',
      allows: { admin: 'district' },
      inScope: () => ({
        params: { year: '2026' },
        body: {
          source: '国务院办公厅关于2026年部分节假日安排的通知',
          holidays: ['2026-10-01'],
          workdays: [],
        },
      }),
    },
    // Retirements last: they end people the other rows call on.
    {
      route: 'DELETE /directory/members/{memberId}',
      allows: { staff: 'community', admin: 'district' },
      inScope: (_world, caller) => ({
        params: { memberId: caller === 'admin' ? `${home.member}-3` : `${home.member}-2` },
      }),
      outOfScopeCall: () => ({ params: { memberId: foreign.member } }),
    },
    {
      route: 'DELETE /directory/staff/{staffId}',
      allows: { staff: 'community', admin: 'district' },
      inScope: (_world, caller) => ({
        params: { staffId: caller === 'admin' ? 'staff-home-3' : 'staff-home-2' },
      }),
      outOfScopeCall: () => ({ params: { staffId: foreign.staff } }),
    },
  ],
});

const calendar = {
  utcOffsetMinutes: 480,
  opensAt: '08:30',
  ordinaryClosesAt: '17:30',
  extendedClosesAt: '21:00',
  autumnWinterClosesAt: '20:00',
  autumnWinterFrom: '10-01',
  autumnWinterTo: '03-31',
  weekendsAllDay: true,
  holidays: [],
};

function memberRow(id: string, gridCode: string): Record<string, unknown> {
  return { id, name: '李明', unitCode: 'u-home', gridCode, skills: ['repair'], householdCodes: [] };
}

function bodyOf(action: string): Record<string, unknown> | undefined {
  if (action === 'decline') return { reasonCode: 'busy' };
  if (action === 'hand-back') return { reasonCode: 'other', reasonText: '临时有事' };
  if (action === 'complete') return { minutesSpent: 30, note: '已处理' };
  return undefined;
}
