// Who may call which route of the volunteer-hours service, and within what scope: every route tried by
// every role in and out of scope (shared machinery and rules: libs/testing/src/app/authorization-matrix.ts).
import { randomUUID } from 'node:crypto';
import {
  describeAuthorizationMatrix,
  EventFeed,
  startTestService,
  type Caller,
  type TestService,
  waitFor,
} from '@loop/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { queryDatabase, ledgerOf } from './support/ledger-database';
import { memberRegistered, minutesAgo, TicketLoop } from './support/loop-events';

/** The home community and unit of the cast, and a community and unit none of them may reach. */
const home = { community: randomUUID(), unit: randomUUID(), member: 'member-home' };
const foreign = {
  community: randomUUID(),
  unit: randomUUID(),
  member: 'member-foreign',
  staff: 'staff-foreign',
};

const cast = {
  resident: { sub: 'resident-home' },
  grid_worker: { sub: 'grid-worker-home', community_ids: [home.community] },
  staff: { sub: 'staff-home', community_ids: [home.community] },
  secretary: { sub: 'secretary-home', community_ids: [home.community], escalation_level: 1 },
  member: { sub: home.member, community_ids: [home.community], unit_id: home.unit },
  official: { sub: 'official-home', community_ids: [home.community], escalation_level: 2 },
  property_company: { sub: 'property-home' },
  admin: { sub: 'district-admin' },
  unit_admin: { sub: 'unit-admin-home', unit_id: home.unit },
};

/** What the matrix calls: an activity organised at home (by the home unit), one abroad, two members. */
interface World {
  service: TestService;
  /** Published by the home unit's admin in the home community; the home member holds a place. */
  homeActivity: string;
  /** Another of the home unit's, where the home member holds a place to withdraw from. */
  withdrawalActivity: string;
  /** Published by the foreign community's staff; the foreign member holds a place. */
  foreignActivity: string;
  /** A bearer token of the foreign community's staff, for reading what the out-of-scope calls aimed at. */
  foreignStaff: string;
}

const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

function activityBody(communityId: string): Record<string, unknown> {
  return {
    title: '社区清扫',
    place: '小区广场',
    communityId,
    categoryCode: 'environment.cleanup',
    skills: [],
    startsAt: minutesAgo(-60).toISOString(),
    endsAt: minutesAgo(-120).toISOString(),
    capacity: 50,
  };
}

async function publishAndSignUp(
  service: TestService,
  organiser: string,
  communityId: string,
  member: string,
): Promise<string> {
  const http = request(service.app.getHttpServer());
  const published = await http
    .post('/activities')
    .set('Authorization', `Bearer ${organiser}`)
    .send(activityBody(communityId))
    .expect(201);
  const activityId = (published.body as { activityId: string }).activityId;
  await http.post(`/activities/${activityId}/sign-ups`).set('Authorization', `Bearer ${member}`).expect(201);
  return activityId;
}

/** The statement, activity sign-ups and community activities the out-of-scope calls aimed at. */
async function foreignState(world: World): Promise<unknown> {
  const http = request(world.service.app.getHttpServer());
  const as = `Bearer ${world.foreignStaff}`;
  const [statement, signUps, activities] = await Promise.all([
    http.get(`/members/${foreign.member}/statement`).set('Authorization', as).expect(200),
    http.get(`/activities/${world.foreignActivity}/sign-ups`).set('Authorization', as).expect(200),
    http.get('/activities').query({ communityId: foreign.community }).set('Authorization', as).expect(200),
  ]);
  return { statement: statement.body, signUps: signUps.body, activities: activities.body };
}

/** A statement of the home member: their own, and in the home community and unit. */
const memberScope = () => ({ params: { memberId: home.member } });

describeAuthorizationMatrix<World>({
  service: 'volunteer-hours',
  start: () => startTestService(AppModule, volunteerHoursServiceOptions, { env: { LOG_LEVEL: 'error' } }),
  cast,
  seed: async (service, tokens) => {
    const events = await EventFeed.connect(service);
    try {
      await events.send(
        memberRegistered(home.member, home.community, home.unit),
        memberRegistered(foreign.member, foreign.community, foreign.unit),
      );
      await waitFor(async () => (await queryDatabase(service, `SELECT 1 FROM member_profile`)).length === 2, {
        timeoutMs: 30_000,
        description: 'the members from the directory',
      });
      for (const memberId of [home.member, foreign.member]) {
        const loop = new TicketLoop(memberId);
        const assignmentId = randomUUID();
        await events.send(
          loop.completed(assignmentId, 45, minutesAgo(20)),
          loop.confirmed(assignmentId, minutesAgo(10)),
        );
      }
      await waitFor(
        async () =>
          (await ledgerOf(service, home.member)).length === 1 &&
          (await ledgerOf(service, foreign.member)).length === 1,
        { timeoutMs: 30_000, description: 'a credit for each member' },
      );
    } finally {
      await events.close();
    }
    const foreignStaff = await service.tokenFor({
      sub: foreign.staff,
      roles: ['staff'],
      community_ids: [foreign.community],
    });
    const foreignMember = await service.tokenFor({
      sub: foreign.member,
      roles: ['member'],
      community_ids: [foreign.community],
      unit_id: foreign.unit,
    });
    const [homeActivity, withdrawalActivity, foreignActivity] = await Promise.all([
      publishAndSignUp(service, tokens.get('unit_admin')!, home.community, tokens.get('member')!),
      publishAndSignUp(service, tokens.get('unit_admin')!, home.community, tokens.get('member')!),
      publishAndSignUp(service, foreignStaff, foreign.community, foreignMember),
    ]);
    return { service, homeActivity, withdrawalActivity, foreignActivity, foreignStaff };
  },
  foreignMarkers: (world) => [world.foreignActivity, foreign.member, foreign.community, foreign.unit],
  foreignState: (world) => foreignState(world),
  routes: [
    {
      route: 'GET /activities',
      allows: { anyone: 'district' },
      note: 'activities are announced to the whole district',
      inScope: () => ({ query: { communityId: home.community } }),
    },
    {
      route: 'GET /activities/{activityId}',
      allows: { anyone: 'district' },
      inScope: (world) => ({ params: { activityId: world.homeActivity } }),
    },
    {
      route: 'POST /activities',
      allows: { staff: 'community', secretary: 'community', unit_admin: 'unit' },
      note: 'a unit’s admin publishes for their unit, in any community',
      inScope: () => ({ body: activityBody(home.community) }),
      outOfScopeCall: (_world, caller) =>
        caller === 'unit_admin' ? undefined : { body: activityBody(foreign.community) },
    },
    {
      route: 'POST /activities/{activityId}/sign-ups',
      allows: { member: 'district' },
      note: 'a member signs up for any activity of the district',
      inScope: (world) => ({ params: { activityId: world.homeActivity } }),
    },
    {
      route: 'DELETE /activities/{activityId}/sign-ups/me',
      allows: { member: 'own' },
      note: 'the member’s own sign-up only',
      inScope: (world) => ({ params: { activityId: world.withdrawalActivity } }),
    },
    {
      route: 'GET /activities/{activityId}/sign-ups',
      allows: { staff: 'community', secretary: 'community', unit_admin: 'unit' },
      note: 'the organiser: the publisher, the community’s staff, the organising unit’s admin',
      inScope: (world) => ({ params: { activityId: world.homeActivity } }),
      outOfScopeCall: (world) => ({ params: { activityId: world.foreignActivity } }),
    },
    {
      route: 'POST /activities/{activityId}/sign-ups/me/check-in',
      allows: { member: 'own' },
      note: 'the member checks only themselves in, with the code shown on site',
      inScope: (world) => ({ params: { activityId: world.homeActivity }, body: { code: '000000' } }),
    },
    {
      route: 'POST /activities/{activityId}/sign-ups/me/check-out',
      allows: { member: 'own' },
      note: 'the member checks only themselves out, with the code shown on site',
      inScope: (world) => ({ params: { activityId: world.homeActivity }, body: { code: '000000' } }),
    },
    {
      route: 'POST /activities/{activityId}/sign-ups/{memberId}/check-in',
      allows: { staff: 'community', secretary: 'community', unit_admin: 'unit' },
      note: 'the organiser',
      inScope: (world) => ({ params: { activityId: world.homeActivity, memberId: home.member } }),
      outOfScopeCall: (world) => ({
        params: { activityId: world.foreignActivity, memberId: foreign.member },
      }),
    },
    {
      route: 'POST /activities/{activityId}/sign-ups/{memberId}/check-out',
      allows: { staff: 'community', secretary: 'community', unit_admin: 'unit' },
      note: 'the organiser',
      inScope: (world) => ({
        params: { activityId: world.homeActivity, memberId: home.member },
        body: { minutes: 30 },
      }),
      outOfScopeCall: (world) => ({
        params: { activityId: world.foreignActivity, memberId: foreign.member },
        body: { minutes: 30 },
      }),
    },
    {
      route: 'GET /members/{memberId}/statement',
      allows: {
        member: 'own',
        staff: 'community',
        secretary: 'community',
        official: 'community',
        unit_admin: 'unit',
      },
      inScope: memberScope,
      outOfScopeCall: () => ({ params: { memberId: foreign.member } }),
    },
    {
      route: 'GET /members/{memberId}/statement/csv',
      allows: {
        member: 'own',
        staff: 'community',
        secretary: 'community',
        official: 'community',
        unit_admin: 'unit',
      },
      inScope: memberScope,
      outOfScopeCall: () => ({ params: { memberId: foreign.member } }),
    },
    {
      route: 'GET /members/{memberId}/ledger/verification',
      allows: {
        member: 'own',
        staff: 'community',
        secretary: 'community',
        official: 'community',
        unit_admin: 'unit',
      },
      inScope: memberScope,
      outOfScopeCall: () => ({ params: { memberId: foreign.member } }),
    },
    {
      route: 'POST /members/{memberId}/adjustments',
      allows: { staff: 'community', secretary: 'community' },
      inScope: () => ({
        params: { memberId: home.member },
        body: { minutes: 15, reason: '补录线下服务时长' },
      }),
      outOfScopeCall: () => ({
        params: { memberId: foreign.member },
        body: { minutes: 15, reason: '补录线下服务时长' },
      }),
    },
    {
      route: 'GET /ledger/verification',
      allows: { admin: 'district' },
      inScope: () => ({}),
    },
    {
      route: 'GET /totals',
      allows: { staff: 'community', secretary: 'community', official: 'community', unit_admin: 'unit' },
      inScope: (_world, caller) => ({ query: totalsScope(caller, home) }),
      outOfScopeCall: (_world, caller) => ({ query: totalsScope(caller, foreign) }),
    },
    {
      route: 'GET /totals/csv',
      allows: { staff: 'community', secretary: 'community', official: 'community', unit_admin: 'unit' },
      inScope: (_world, caller) => ({ query: totalsScope(caller, home) }),
      outOfScopeCall: (_world, caller) => ({ query: totalsScope(caller, foreign) }),
    },
    {
      route: 'GET /leaderboards/communities/{communityId}',
      allows: { staff: 'community', secretary: 'community', official: 'community', member: 'community' },
      inScope: () => ({ params: { communityId: home.community } }),
      outOfScopeCall: () => ({ params: { communityId: foreign.community } }),
    },
    {
      route: 'GET /leaderboards/units/{unitId}',
      allows: { unit_admin: 'unit', member: 'unit' },
      inScope: () => ({ params: { unitId: home.unit } }),
      outOfScopeCall: () => ({ params: { unitId: foreign.unit } }),
    },
    {
      route: 'POST /leaderboards/rebuild',
      allows: { admin: 'district' },
      inScope: () => ({}),
    },
    {
      route: 'POST /reports/community-service',
      allows: { staff: 'community', secretary: 'community', official: 'community', admin: 'district' },
      inScope: () => ({ body: { month, communityIds: [home.community] } }),
      outOfScopeCall: () => ({ body: { month, communityIds: [foreign.community] } }),
    },
    {
      route: 'POST /audit/ticket-hours',
      allows: { admin: 'district' },
      inScope: () => ({ body: { ids: [randomUUID()] } }),
    },
  ],
});

/** Totals of the place's community, or of its unit for a unit's admin. */
function totalsScope(caller: Caller, place: { community: string; unit: string }): Record<string, string> {
  return caller === 'unit_admin'
    ? { groupBy: 'member', unitId: place.unit }
    : { groupBy: 'member', communityId: place.community };
}
