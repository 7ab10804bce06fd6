// The monthly community report asks the hours ledger what members did for each community in a month:
// its own community for staff, any for the district's admin, nothing for anyone else.
import { randomUUID } from 'node:crypto';
import { serviceMonthOf } from '@loop/platform';
import request from 'supertest';
import { EventFeed, startTestService, TestService, waitFor } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { ledgerOf, queryDatabase } from './support/ledger-database';
import { aMemberId, memberRegistered, minutesAgo, TicketLoop } from './support/loop-events';

const communityId = randomUUID();
const otherCommunityId = randomUUID();

describe('the ledger’s figures for the monthly community report', () => {
  let service: TestService;
  let events: EventFeed;
  const http = () => request(service.app.getHttpServer());
  const bearer = async (claims: Record<string, unknown>) =>
    `Bearer ${await service.tokenFor({ sub: 'someone', ...claims } as never)}`;
  const ask = (token: string, body: object) =>
    http().post('/reports/community-service').set('Authorization', token).send(body);

  beforeAll(async () => {
    service = await startTestService(AppModule, volunteerHoursServiceOptions);
    events = await EventFeed.connect(service);
  });

  afterAll(async () => {
    await events?.close();
    await service?.close();
  });

  it('counts the community’s active members and minutes served in the month, zeros for a quiet one', async () => {
    const memberId = aMemberId();
    const loop = new TicketLoop(memberId);
    const ticketId = randomUUID();
    await events.send(memberRegistered(memberId, communityId, randomUUID()));
    // The ledger places a credit in the member's community once it knows the member.
    await waitFor(
      async () =>
        (await queryDatabase(service, `SELECT 1 FROM member_profile WHERE member_id = $1`, [memberId]))
          .length === 1,
      { timeoutMs: 30_000, description: 'the member profile' },
    );
    await events.send(loop.completed(ticketId, 45, minutesAgo(2)), loop.confirmed(ticketId, minutesAgo(1)));
    await waitFor(async () => (await ledgerOf(service, memberId)).length === 1, {
      timeoutMs: 30_000,
      description: 'the credit',
    });
    const month = serviceMonthOf(minutesAgo(1));
    const staff = await bearer({ roles: ['staff'], community_ids: [communityId] });

    const answer = await ask(staff, { month, communityIds: [communityId] }).expect(200);

    expect(answer.body.communities).toEqual([
      { communityId, activeMembers: 1, minutesServed: 45, activitiesHeld: 0, activityAttendances: 0 },
    ]);
    const admin = await bearer({ roles: ['admin'] });
    const quiet = await ask(admin, { month, communityIds: [otherCommunityId] }).expect(200);
    expect(quiet.body.communities).toEqual([
      {
        communityId: otherCommunityId,
        activeMembers: 0,
        minutesServed: 0,
        activitiesHeld: 0,
        activityAttendances: 0,
      },
    ]);
  });

  it('refuses a community outside the reader’s scope, a unit’s admin and a member', async () => {
    const body = { month: '2026-11', communityIds: [communityId, otherCommunityId] };
    await ask(await bearer({ roles: ['staff'], community_ids: [communityId] }), body).expect(403);
    await ask(await bearer({ roles: ['admin'], unit_id: 'unit-tax' }), body).expect(403);
    await ask(await bearer({ roles: ['member'], community_ids: [communityId] }), body).expect(403);
  });

  it('refuses a malformed month or list with 400', async () => {
    const admin = await bearer({ roles: ['admin'] });
    await ask(admin, { month: '2026-13', communityIds: [communityId] }).expect(400);
    await ask(admin, { month: '2026-11', communityIds: [] }).expect(400);
    await ask(admin, { month: '2026-11', communityIds: ['c-01'] }).expect(400);
  });
});
