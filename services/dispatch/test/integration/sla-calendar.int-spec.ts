// Deadlines as the district runs them (ADR 0024): emergencies on the wall clock, everything else on the
// community's service calendar combined with the State Council's public holidays and 调休 working days,
// which the district admin loads year by year. Deadlines are computed from the ticket's submission time,
// so the tickets here are dated on the days that matter (Golden Week 2026, a night in 2030, a test year).
import { TestService } from '@loop/testing';
import request from 'supertest';
import {
  aSubmittedTicket,
  AssignmentHarness,
  bearer,
  startAssignmentSuite,
  tokensOf,
  waitForCase,
  world,
} from './assignment-world';

// Instants written in Beijing time, as the calendar reads them.
const beijing = (local: string): string => new Date(`${local}+08:00`).toISOString();

describe('SLA deadlines on the service calendar and the national schedule', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let admin: string;
  const http = () => request(service.app.getHttpServer());

  // Community B dispatches by hand, so a ticket simply waits in its queue with its deadlines.
  const fileInB = async (
    submittedAtLocal: string,
    urgency: 'normal' | 'emergency' = 'normal',
  ): Promise<string> => {
    const ticket = aSubmittedTicket({
      communityId: world.communityB,
      gridId: world.gridB1,
      householdId: undefined,
      compoundId: undefined,
      urgency,
      submittedAt: beijing(submittedAtLocal),
    });
    await harness.submit(ticket);
    const opened = await waitForCase(service.app, ticket.ticketId, tokens.staffB);
    return opened.acceptDueAt as string;
  };

  const setWeekendsOfB = async (weekendsAllDay: boolean): Promise<void> => {
    await http()
      .put(`/directory/communities/${world.communityB}/calendar`)
      .set('Authorization', tokens.staffB)
      .send({
        utcOffsetMinutes: 480,
        opensAt: '08:30',
        ordinaryClosesAt: '17:30',
        extendedClosesAt: '21:00',
        autumnWinterClosesAt: '20:00',
        autumnWinterFrom: '10-01',
        autumnWinterTo: '03-31',
        weekendsAllDay,
        holidays: [],
      })
      .expect(200);
  };

  beforeAll(async () => {
    ({ service, harness, tokens } = await startAssignmentSuite({
      workingTime: 'calendar',
      env: { LOG_LEVEL: 'error' },
      // Normal tickets: accepted within 30 working minutes; emergencies keep their 30 wall-clock minutes.
      policies: [{ urgency: 'normal', acceptMinutes: 30 }],
    }));
    admin = await bearer(service, { sub: 'admin-1', roles: ['admin'] });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  it('gives an emergency filed at 23:00 its accept deadline at 23:30 the same night, and a normal ticket filed with it the next morning', async () => {
    // Tuesday 15 January 2030, winter: the community closed at 20:00.
    expect(await fileInB('2030-01-15T23:00:00', 'emergency')).toBe(beijing('2030-01-15T23:30:00'));
    expect(await fileInB('2030-01-15T23:00:00', 'normal')).toBe(beijing('2030-01-16T09:00:00'));
  });

  it('gives a ticket filed on the eve of Golden Week its deadline after the holiday', async () => {
    // Wednesday 30 September 2026 20:45: 15 minutes that evening, 1–7 October off (shipped 2026 schedule).
    expect(await fileInB('2026-09-30T20:45:00')).toBe(beijing('2026-10-08T08:45:00'));
  });

  it('counts a 调休 Saturday as a working day for a community without weekend service', async () => {
    await setWeekendsOfB(false);
    // Friday 9 October 2026 19:50 (autumn hours): ten minutes, then Saturday the 10th is worked (调休).
    expect(await fileInB('2026-10-09T19:50:00')).toBe(beijing('2026-10-10T08:50:00'));
    // A week later the Saturday is an ordinary weekend: the deadline waits for Monday.
    expect(await fileInB('2026-10-16T19:50:00')).toBe(beijing('2026-10-19T08:50:00'));
    await setWeekendsOfB(true);
  });

  it('ships the State Council schedule of 2026, loaded by the migration', async () => {
    const response = await http()
      .get('/directory/public-holidays/2026')
      .set('Authorization', tokens.staffB)
      .expect(200);
    expect(response.body).toMatchObject({
      year: 2026,
      source: '国务院办公厅关于2026年部分节假日安排的通知',
      loadedBy: 'migration',
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    });
    expect(response.body.holidays).toHaveLength(33);
  });

  describe('a year loaded by the district admin', () => {
    // A made-up schedule for a year far away: the real 2027 one is not available here.
    const testYear = {
      source: '集成测试用的假设安排（非官方）',
      holidays: ['2099-06-01', '2099-06-02', '2099-06-03'],
      workdays: ['2099-06-06'],
    };

    it('refuses anyone but an admin with 403', async () => {
      const response = await http()
        .put('/directory/public-holidays/2099')
        .set('Authorization', tokens.staffB)
        .send(testYear)
        .expect(403);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('refuses bad data with 400 naming each field, and stores nothing', async () => {
      const response = await http()
        .put('/directory/public-holidays/2099')
        .set('Authorization', admin)
        .send({
          source: testYear.source,
          holidays: ['2098-12-31', '2099-02-30', '2099-06-01'],
          // 1 June is also a holiday; Monday 8 June is a weekday, not a make-up working day.
          workdays: ['2099-06-01', '2099-06-08'],
        })
        .expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors).toEqual([
        { field: 'holidays.0', code: 'min', message: '不能小于 2099-01-01' },
        expect.objectContaining({ field: 'holidays.1', code: 'isDate' }),
        expect.objectContaining({ field: 'workdays.0', code: 'publicHolidays.inBothLists' }),
        expect.objectContaining({ field: 'workdays.1', code: 'publicHolidays.workdayNotWeekend' }),
      ]);
      const malformed = await http()
        .put('/directory/public-holidays/2099')
        .set('Authorization', admin)
        .send({ holidays: ['1 June'], workdays: [] })
        .expect(400);
      const fields = new Set(malformed.body.errors.map((error: { field: string }) => error.field));
      expect([...fields].sort()).toEqual(['holidays', 'source']);
      await http()
        .put('/directory/public-holidays/1999')
        .set('Authorization', admin)
        .send(testYear)
        .expect(400);
      await http().get('/directory/public-holidays/2099').set('Authorization', admin).expect(404);
    });

    it('stores the year with who loaded it, and deadlines from then on count it', async () => {
      const loaded = await http()
        .put('/directory/public-holidays/2099')
        .set('Authorization', admin)
        .send(testYear)
        .expect(200);
      expect(loaded.body).toMatchObject({ year: 2099, loadedBy: 'admin-1', revision: 1, ...testYear });
      const read = await http()
        .get('/directory/public-holidays/2099')
        .set('Authorization', tokens.staffB)
        .expect(200);
      expect(read.body).toEqual(loaded.body);
      const years = await http().get('/directory/public-holidays').set('Authorization', admin).expect(200);
      expect(years.body.map((schedule: { year: number }) => schedule.year)).toEqual([2026, 2099]);

      await setWeekendsOfB(false);
      // Friday 29 May 2099 20:45: 15 minutes, the weekend closed, 1–3 June off, the rest on Thursday.
      expect(await fileInB('2099-05-29T20:45:00')).toBe(beijing('2099-06-04T08:45:00'));
      // Friday 5 June 20:45: the make-up Saturday is worked.
      expect(await fileInB('2099-06-05T20:45:00')).toBe(beijing('2099-06-06T08:45:00'));
      await setWeekendsOfB(true);

      const reloaded = await http()
        .put('/directory/public-holidays/2099')
        .set('Authorization', admin)
        .send({ ...testYear, workdays: [] })
        .expect(200);
      expect(reloaded.body).toMatchObject({ revision: 2, workdays: [] });
    });
  });
});
