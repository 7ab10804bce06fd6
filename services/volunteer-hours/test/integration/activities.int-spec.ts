import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestService, TestService, waitFor } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { aMemberId, minutesAgo } from './support/loop-events';
import { ledgerOf, outboxEvents } from './support/ledger-database';

const communityId = randomUUID();
const unitId = randomUUID();

describe('volunteer activities (志愿活动) on real PostgreSQL and Kafka', () => {
  let service: TestService;
  let staffToken: string;
  const http = () => request(service.app.getHttpServer());
  const memberToken = (memberId: string) =>
    service.tokenFor({ sub: memberId, roles: ['member'], community_ids: [communityId] });

  async function publish(
    capacity: number,
    startsAt = minutesAgo(120),
    endsAt = minutesAgo(-60),
  ): Promise<string> {
    const response = await http()
      .post('/activities')
      .set('Authorization', `Bearer ${staffToken}`)
      .send({
        title: '重阳节敬老院陪伴',
        place: '幸福里社区敬老院',
        communityId,
        categoryCode: 'elderly_care',
        skills: ['elderly_care'],
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        capacity,
      })
      .expect(201);
    return response.body.activityId as string;
  }

  beforeAll(async () => {
    service = await startTestService(AppModule, volunteerHoursServiceOptions);
    staffToken = await service.tokenFor({ sub: 'staff-1', roles: ['staff'], community_ids: [communityId] });
  });
  afterAll(() => service?.close());

  it('publishes an activity for community staff and announces it', async () => {
    const activityId = await publish(30);
    const response = await http()
      .get(`/activities/${activityId}`)
      .set('Authorization', `Bearer ${await memberToken(aMemberId())}`)
      .expect(200);
    expect(response.body).toMatchObject({
      activityId,
      communityId,
      capacity: 30,
      signedUp: 0,
      placesLeft: 30,
      publishedBy: 'staff-1',
    });
    const published = await outboxEvents(service, 'activity.published');
    expect(published.map((event) => event.payload.activityId)).toContain(activityId);
    const listed = await http()
      .get('/activities')
      .query({ communityId })
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(200);
    expect(listed.body.map((activity: { activityId: string }) => activity.activityId)).toContain(activityId);
  });

  it('lets a unit admin publish for their unit, and refuses members and other communities’ staff', async () => {
    const unitAdmin = await service.tokenFor({ sub: 'unit-admin-1', roles: ['admin'], unit_id: unitId });
    const body = {
      title: '社区清扫',
      place: '小区广场',
      communityId,
      categoryCode: 'environment.cleanup',
      skills: [],
      startsAt: minutesAgo(-60).toISOString(),
      endsAt: minutesAgo(-120).toISOString(),
      capacity: 5,
    };
    const byUnit = await http()
      .post('/activities')
      .set('Authorization', `Bearer ${unitAdmin}`)
      .send(body)
      .expect(201);
    expect(byUnit.body.organiserUnitId).toBe(unitId);
    await http()
      .post('/activities')
      .set('Authorization', `Bearer ${await memberToken(aMemberId())}`)
      .send(body)
      .expect(403);
    const otherStaff = await service.tokenFor({
      sub: 'staff-2',
      roles: ['staff'],
      community_ids: [randomUUID()],
    });
    await http().post('/activities').set('Authorization', `Bearer ${otherStaff}`).send(body).expect(403);
  });

  it('refuses a window that ends before it starts (422) and a malformed body (400)', async () => {
    const base = {
      title: '社区清扫',
      place: '小区广场',
      communityId,
      categoryCode: 'environment.cleanup',
      skills: [],
      capacity: 5,
    };
    const reversed = await http()
      .post('/activities')
      .set('Authorization', `Bearer ${staffToken}`)
      .send({ ...base, startsAt: minutesAgo(-120).toISOString(), endsAt: minutesAgo(-60).toISOString() })
      .expect(422);
    expect(reversed.body.code).toBe('activity.window-invalid');
    const malformed = await http()
      .post('/activities')
      .set('Authorization', `Bearer ${staffToken}`)
      .send({ ...base, capacity: 0, startsAt: 'soon' })
      .expect(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'capacity',
      'endsAt',
      'startsAt',
    ]);
  });

  it('gives exactly the capacity in places when members sign up all at once, and queues the rest', async () => {
    const activityId = await publish(3);
    const members = Array.from({ length: 10 }, () => aMemberId());
    const tokens = await Promise.all(members.map(memberToken));
    const responses = await Promise.all(
      tokens.map((token) =>
        http().post(`/activities/${activityId}/sign-ups`).set('Authorization', `Bearer ${token}`),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const statuses = responses.map((response) => response.body.status as string);
    expect(statuses.filter((status) => status === 'signed_up')).toHaveLength(3);
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(7);
    const positions = responses
      .map((response) => response.body.waitlistPosition as number | null)
      .filter((position) => position !== null)
      .sort((a, b) => a! - b!);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const activity = await http()
      .get(`/activities/${activityId}`)
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(200);
    expect(activity.body).toMatchObject({ signedUp: 3, waitlisted: 7, placesLeft: 0 });
    const signedUpEvents = (await outboxEvents(service, 'activity.signed_up')).filter(
      (event) => event.payload.activityId === activityId,
    );
    expect(signedUpEvents).toHaveLength(3);

    const again = await http()
      .post(`/activities/${activityId}/sign-ups`)
      .set('Authorization', `Bearer ${tokens[0]}`)
      .expect(409);
    expect(again.body.code).toBe('activity.already-signed-up');
  });

  it('promotes the member waiting longest when someone with a place withdraws', async () => {
    const activityId = await publish(1);
    const [first, second, third] = [aMemberId(), aMemberId(), aMemberId()];
    for (const member of [first, second, third]) {
      await http()
        .post(`/activities/${activityId}/sign-ups`)
        .set('Authorization', `Bearer ${await memberToken(member)}`)
        .expect(201);
    }
    const withdrawal = await http()
      .delete(`/activities/${activityId}/sign-ups/me`)
      .set('Authorization', `Bearer ${await memberToken(first)}`)
      .expect(200);
    expect(withdrawal.body).toEqual({ promotedMemberId: second });
    const signUps = await http()
      .get(`/activities/${activityId}/sign-ups`)
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(200);
    expect(
      signUps.body.map((signUp: { memberId: string; status: string }) => [signUp.memberId, signUp.status]),
    ).toEqual([
      [second, 'signed_up'],
      [third, 'waitlisted'],
      [first, 'withdrawn'],
    ]);
    await http()
      .delete(`/activities/${activityId}/sign-ups/me`)
      .set('Authorization', `Bearer ${await memberToken(first)}`)
      .expect(404);
    await http()
      .get(`/activities/${activityId}/sign-ups`)
      .set('Authorization', `Bearer ${await memberToken(third)}`)
      .expect(403);
  });

  it('credits check-out minutes to the ledger, capped by the window, exactly once', async () => {
    const activityId = await publish(5, minutesAgo(90), minutesAgo(-30));
    const member = aMemberId();
    await http()
      .post(`/activities/${activityId}/sign-ups`)
      .set('Authorization', `Bearer ${await memberToken(member)}`)
      .expect(201);
    await http()
      .post(`/activities/${activityId}/sign-ups/${member}/check-out`)
      .set('Authorization', `Bearer ${staffToken}`)
      .send({})
      .expect(409);
    await http()
      .post(`/activities/${activityId}/sign-ups/${member}/check-in`)
      .set('Authorization', `Bearer ${await memberToken(member)}`)
      .expect(403);
    await http()
      .post(`/activities/${activityId}/sign-ups/${member}/check-in`)
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(200);
    await http()
      .post(`/activities/${activityId}/sign-ups/${member}/check-in`)
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(409);
    const checkOut = await http()
      .post(`/activities/${activityId}/sign-ups/${member}/check-out`)
      .set('Authorization', `Bearer ${staffToken}`)
      .send({ minutes: 600 })
      .expect(200);
    expect(checkOut.body.creditedMinutes).toBe(120);
    await http()
      .post(`/activities/${activityId}/sign-ups/${member}/check-out`)
      .set('Authorization', `Bearer ${staffToken}`)
      .send({})
      .expect(409);

    const entries = await waitFor(
      async () => {
        const rows = await ledgerOf(service, member);
        return rows.length === 1 && rows;
      },
      { timeoutMs: 30_000, description: 'the activity credit' },
    );
    expect(entries[0]).toMatchObject({ kind: 'credit', minutes: 120 });
    const statement = await http()
      .get(`/members/${member}/statement`)
      .set('Authorization', `Bearer ${await memberToken(member)}`)
      .expect(200);
    expect(statement.body.entries[0]).toMatchObject({
      source: { kind: 'activity', id: activityId },
      causedByEventType: 'activity.checked_out',
      communityId,
      verifiedBy: { id: 'staff-1' },
    });
  });

  it('answers 404 for an unknown activity and 400 for a malformed id', async () => {
    const token = await memberToken(aMemberId());
    await http()
      .post(`/activities/${randomUUID()}/sign-ups`)
      .set('Authorization', `Bearer ${token}`)
      .expect(404);
    await http().get('/activities/not-an-id').set('Authorization', `Bearer ${token}`).expect(400);
  });

  it('lets a member check themselves in and out on site with the attendance code, which only organisers read, and records the time they stayed', async () => {
    const activityId = await publish(5, minutesAgo(90), minutesAgo(-30));
    const member = aMemberId();
    const token = await memberToken(member);
    await http()
      .post(`/activities/${activityId}/sign-ups`)
      .set('Authorization', `Bearer ${token}`)
      .expect(201);

    // Members never read the code; the organiser does, to show it on site.
    const asMember = await http().get(`/activities/${activityId}`).set('Authorization', `Bearer ${token}`);
    expect(asMember.body.attendanceCode).toBeUndefined();
    const asOrganiser = await http()
      .get(`/activities/${activityId}`)
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(200);
    const code = asOrganiser.body.attendanceCode as string;
    expect(code).toMatch(/^\d{6}$/);

    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await http()
      .post(`/activities/${activityId}/sign-ups/me/check-in`)
      .set('Authorization', `Bearer ${token}`)
      .send({ code: wrongCode })
      .expect(422);
    expect(wrong.body.code).toBe('activity.wrong-attendance-code');
    await http()
      .post(`/activities/${activityId}/sign-ups/me/check-in`)
      .set('Authorization', `Bearer ${token}`)
      .send({ code: 'abc' })
      .expect(400);
    // Another member who did not sign up cannot check in with the right code.
    await http()
      .post(`/activities/${activityId}/sign-ups/me/check-in`)
      .set('Authorization', `Bearer ${await memberToken(aMemberId())}`)
      .send({ code })
      .expect(404);

    const checkedIn = await http()
      .post(`/activities/${activityId}/sign-ups/me/check-in`)
      .set('Authorization', `Bearer ${token}`)
      .send({ code })
      .expect(200);
    expect(checkedIn.body.checkedInAt).not.toBeNull();
    const checkedOut = await http()
      .post(`/activities/${activityId}/sign-ups/me/check-out`)
      .set('Authorization', `Bearer ${token}`)
      .send({ code })
      .expect(200);
    // Checked in just now, inside the window: under a minute attended, so nothing to credit yet.
    expect(checkedOut.body.creditedMinutes).toBe(0);
    await http()
      .post(`/activities/${activityId}/sign-ups/me/check-out`)
      .set('Authorization', `Bearer ${token}`)
      .send({ code })
      .expect(409);
  });

  it('opens self check-in only from half an hour before the start', async () => {
    const activityId = await publish(5, minutesAgo(-120), minutesAgo(-180));
    const member = aMemberId();
    const token = await memberToken(member);
    await http()
      .post(`/activities/${activityId}/sign-ups`)
      .set('Authorization', `Bearer ${token}`)
      .expect(201);
    const { attendanceCode } = (
      await http().get(`/activities/${activityId}`).set('Authorization', `Bearer ${staffToken}`).expect(200)
    ).body as { attendanceCode: string };
    const early = await http()
      .post(`/activities/${activityId}/sign-ups/me/check-in`)
      .set('Authorization', `Bearer ${token}`)
      .send({ code: attendanceCode })
      .expect(409);
    expect(early.body.detail).toContain('签到时间');
  });
});
