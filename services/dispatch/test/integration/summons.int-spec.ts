// 吹哨报到 against real Postgres and Kafka: staff summon departments to a ticket, each department's unit
// admin checks in and reports, staff release one, a late department is escalated on its durable timer,
// and the member's completion waits for every summoned department.
import type { EventEnvelope } from '@loop/contracts';
import { TestService, waitFor } from '@loop/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { placeId } from '../../src/directory/domain/place-id';
import {
  aSubmittedTicket,
  AssignmentHarness,
  bearer,
  startAssignmentSuite,
  tokensOf,
  world,
} from './assignment-world';

const departments = { cityManagement: placeId('unit', 'd-1'), housing: placeId('unit', 'd-2') };
// An urgent ticket's departments have three seconds to arrive.
const arrivalSeconds = 3;

describe('summoning departments to a ticket (吹哨报到)', () => {
  let service: TestService;
  let app: NestExpressApplication;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let cityAdmin: string;
  let housingAdmin: string;

  beforeAll(async () => {
    ({ service, harness, tokens } = await startAssignmentSuite({
      env: {
        LOG_LEVEL: 'error',
        TIMERS_POLL_INTERVAL_MS: '100',
        SUMMONS_URGENT_ARRIVAL_MINUTES: String(arrivalSeconds / 60),
      },
      policies: [{ offerMinutes: 60, acceptMinutes: 60, completeMinutes: 120 }],
      listen: true,
    }));
    app = service.app;
    // Departments come in through the directory import, like every unit.
    const imported = await request(app.getHttpServer())
      .post('/directory/imports/units')
      .set('Authorization', await bearer(service, { sub: 'district-admin', roles: ['admin'] }))
      .send({
        rows: [
          { code: 'd-1', name: '城管执法队', kind: 'department', adminIds: ['ua-d-1'] },
          {
            code: 'd-2',
            name: '住建所',
            kind: 'department',
            adminIds: 'ua-d-2',
            opensAt: '09:00',
            closesAt: '17:00',
          },
        ],
      });
    expect(imported.body).toMatchObject({ created: 2, rejected: 0 });
    cityAdmin = await bearer(service, {
      sub: 'ua-d-1',
      roles: ['admin'],
      unit_id: departments.cityManagement,
    });
    housingAdmin = await bearer(service, { sub: 'ua-d-2', roles: ['admin'], unit_id: departments.housing });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  const http = () => request(app.getHttpServer());

  // An urgent ticket offered to the linked member, accepted and started.
  async function aTicketInProgress(): Promise<{
    ticketId: string;
    ticketNumber: string;
    assignmentId: string;
  }> {
    const ticket = aSubmittedTicket({ urgency: 'urgent' });
    await harness.submit(ticket);
    const [dispatched] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    const assignmentId = dispatched.payload.assignmentId;
    for (const step of ['accept', 'start'])
      expect(
        (await http().post(`/assignments/${assignmentId}/${step}`).set('Authorization', tokens.linkedMember))
          .status,
      ).toBe(200);
    return { ticketId: ticket.ticketId, ticketNumber: ticket.ticketNumber, assignmentId };
  }

  async function summon(ticketId: string, departmentIds: string[], token = tokens.staffA) {
    return http()
      .post(`/tickets/${ticketId}/summons`)
      .set('Authorization', token)
      .send({ departmentIds, reason: '小区主干管道堵塞，需城管与住建到场处置' });
  }

  it('summons two departments in one act, each with an arrival deadline from the ticket’s urgency, naming whom to tell', async () => {
    const { ticketId } = await aTicketInProgress();
    const before = Date.now();
    const response = await summon(ticketId, [departments.cityManagement, departments.housing]);

    expect(response.status).toBe(201);
    expect(response.body.map((s: { departmentLabel: string }) => s.departmentLabel).sort()).toEqual([
      '住建所',
      '城管执法队',
    ]);
    const due = new Date(response.body[0].arriveDueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(before + arrivalSeconds * 1000 - 1000);
    const [issued] = await harness.waitForEvents<{
      departments: Array<{ departmentId: string; adminIds: string[] }>;
      issuedBy: { role: string; id: string };
    }>(ticketId, 'summons.issued');
    expect(issued.aggregateId).toBe(ticketId);
    expect(issued.payload.issuedBy).toEqual({ role: 'staff', id: world.staffA });
    expect(issued.payload.departments.map((d) => d.adminIds[0]).sort()).toEqual(['ua-d-1', 'ua-d-2']);

    const list = await http().get('/me/summons').set('Authorization', cityAdmin);
    expect(list.status).toBe(200);
    expect(list.body.map((s: { ticketId: string }) => s.ticketId)).toContain(ticketId);

    // The loop auditor sees both departments as owners with an arrival deadline.
    const admin = await bearer(service, { sub: 'loop-auditor', roles: ['admin'] });
    const audit = await http()
      .post('/audit/dispatch-cases')
      .set('Authorization', admin)
      .send({ ids: [ticketId] });
    expect(audit.body.cases[0].openSummonses).toEqual([
      expect.objectContaining({
        status: 'issued',
        escalationLevel: 0,
        arriveDueAt: response.body[0].arriveDueAt,
      }),
      expect.objectContaining({
        status: 'issued',
        escalationLevel: 0,
        arriveDueAt: response.body[1].arriveDueAt,
      }),
    ]);
  });

  it('lists the district’s departments with their office hours to everyone who summons or follows a summons', async () => {
    const expected = [
      {
        id: departments.cityManagement,
        code: 'd-1',
        name: '城管执法队',
        opensAt: '08:30',
        closesAt: '17:30',
        weekendsAllDay: false,
      },
      {
        id: departments.housing,
        code: 'd-2',
        name: '住建所',
        opensAt: '09:00',
        closesAt: '17:00',
        weekendsAllDay: false,
      },
    ];
    for (const token of [tokens.staffA, tokens.secretaryA, tokens.staffB, tokens.streetOfficial]) {
      const listed = await http().get('/directory/departments').set('Authorization', token);
      expect(listed.status).toBe(200);
      // Work units are not departments and are never offered.
      const byCode = [...listed.body].sort((a: { code: string }, b: { code: string }) =>
        a.code.localeCompare(b.code),
      );
      expect(byCode).toEqual(expected);
    }
    expect((await http().get('/directory/departments').set('Authorization', cityAdmin)).status).toBe(403);
  });

  it('shows a department each open summons with the ticket’s number, category and place', async () => {
    const { ticketId, ticketNumber } = await aTicketInProgress();
    expect((await summon(ticketId, [departments.housing])).status).toBe(201);

    const list = await http().get('/me/summons').set('Authorization', housingAdmin);
    expect(list.status).toBe(200);
    expect(list.body.find((s: { ticketId: string }) => s.ticketId === ticketId)).toMatchObject({
      departmentLabel: '住建所',
      reason: '小区主干管道堵塞，需城管与住建到场处置',
      ticket: {
        number: ticketNumber,
        categoryCode: 'property.repair',
        categoryName: '物业维修',
        place: {
          community: '幸福社区',
          grid: '第一网格',
          compound: '幸福里',
          building: '1号楼',
          household: '幸福里 1号楼 101',
        },
      },
    });
    // The staff's view of the ticket's summonses stays as it was.
    const ofTicket = await http().get(`/tickets/${ticketId}/summons`).set('Authorization', tokens.staffA);
    expect(ofTicket.body[0]).not.toHaveProperty('ticket');
  });

  it('holds the member’s completion until every summoned department reported or was released, escalating the late one', async () => {
    const { ticketId, assignmentId } = await aTicketInProgress();
    const issued = await summon(ticketId, [departments.cityManagement, departments.housing]);
    const byLabel = Object.fromEntries(
      issued.body.map((s: { departmentLabel: string; id: string }) => [s.departmentLabel, s.id]),
    );

    // 城管执法队 arrives on time and reports.
    const checkedIn = await http()
      .post(`/summons/${byLabel['城管执法队']}/check-in`)
      .set('Authorization', cityAdmin);
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body).toMatchObject({ status: 'checked_in', late: false, checkedInBy: 'ua-d-1' });
    const reported = await http()
      .post(`/summons/${byLabel['城管执法队']}/report`)
      .set('Authorization', cityAdmin)
      .send({ report: '已疏通主干管道' });
    expect(reported.status).toBe(200);

    // The member cannot report the work done while 住建所 has neither reported nor been released.
    const refused = await http()
      .post(`/assignments/${assignmentId}/complete`)
      .set('Authorization', tokens.linkedMember)
      .send({ minutesSpent: 30 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('summons.outstanding');

    // 住建所 misses its deadline: escalated to the community's secretary, then the street.
    const overdue = await harness.waitForEvents<{
      level: number;
      escalatedTo: { id: string };
      summonsId: string;
    }>(ticketId, 'summons.overdue', 2);
    expect(overdue.map((event) => [event.payload.level, event.payload.escalatedTo.id])).toEqual([
      [1, world.secretaryA],
      [2, world.streetOfficial],
    ]);
    expect(overdue.every((event) => event.payload.summonsId === byLabel['住建所'])).toBe(true);
    expect(overdue[0].actor).toEqual({ role: 'system', id: 'sla-timer' });
    expect(harness.eventsOf(ticketId, 'ticket.escalated')).toEqual([]);

    const late = await http()
      .post(`/summons/${byLabel['住建所']}/check-in`)
      .set('Authorization', housingAdmin);
    expect(late.status).toBe(200);
    expect(late.body.late).toBe(true);
    await http()
      .post(`/summons/${byLabel['住建所']}/report`)
      .set('Authorization', housingAdmin)
      .send({ report: '已加固危墙' })
      .expect(200);

    const completed = await http()
      .post(`/assignments/${assignmentId}/complete`)
      .set('Authorization', tokens.linkedMember)
      .send({ minutesSpent: 30 });
    expect(completed.status).toBe(200);
    const [checkIns, reports] = await Promise.all([
      harness.waitForEvents<{ late: boolean }>(ticketId, 'summons.checked_in', 2),
      harness.waitForEvents(ticketId, 'summons.reported', 2),
    ]);
    expect(checkIns.map((event) => event.payload.late)).toEqual([false, true]);
    expect(reports).toHaveLength(2);

    // The overdue summons is not escalated again once the department checked in.
    const levels = await http().get(`/tickets/${ticketId}/summons`).set('Authorization', tokens.staffA);
    expect(levels.body.map((s: { status: string }) => s.status)).toEqual(['reported', 'reported']);
  });

  it('lets staff release a department, which ends the wait for it', async () => {
    const { ticketId, assignmentId } = await aTicketInProgress();
    const [summons] = (await summon(ticketId, [departments.housing])).body;
    const released = await http()
      .post(`/summons/${summons.id}/release`)
      .set('Authorization', tokens.secretaryA)
      .send({ reason: '经现场核实无需住建处置' });
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('released');
    const [event] = await harness.waitForEvents<{ releasedBy: { role: string } }>(
      ticketId,
      'summons.released',
    );
    expect(event.payload.releasedBy.role).toBe('secretary');
    const detail = await http().get(`/dispatch-cases/${ticketId}`).set('Authorization', tokens.staffA);
    expect(detail.body.summonses).toEqual([
      expect.objectContaining({ id: summons.id, departmentLabel: '住建所', status: 'released' }),
    ]);
    await http()
      .post(`/assignments/${assignmentId}/complete`)
      .set('Authorization', tokens.linkedMember)
      .send({ minutesSpent: 20 })
      .expect(200);
  });

  it('refuses callers outside the ticket’s community, other departments, and commands out of order, changing nothing', async () => {
    const { ticketId } = await aTicketInProgress();
    expect((await summon(ticketId, [departments.housing], tokens.staffB)).status).toBe(403);
    expect((await summon(ticketId, [departments.housing], tokens.linkedMember)).status).toBe(403);
    expect((await summon(ticketId, [departments.housing], cityAdmin)).status).toBe(403);
    const workUnit = await summon(ticketId, [world.unit]);
    expect(workUnit.status).toBe(422);
    expect(workUnit.body.code).toBe('summons.unknown-department');
    expect(
      (await http().get(`/tickets/${ticketId}/summons`).set('Authorization', tokens.staffA)).body,
    ).toEqual([]);

    const [summons] = (await summon(ticketId, [departments.housing])).body;
    const again = await summon(ticketId, [departments.housing]);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('summons.already-summoned');

    const stranger = await http().post(`/summons/${summons.id}/check-in`).set('Authorization', cityAdmin);
    expect(stranger.status).toBe(403);
    const early = await http()
      .post(`/summons/${summons.id}/report`)
      .set('Authorization', housingAdmin)
      .send({ report: '已处置' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('summons.state-conflict');
    const blank = await http()
      .post(`/summons/${summons.id}/release`)
      .set('Authorization', tokens.staffA)
      .send({ reason: '   ' });
    expect(blank.status).toBe(400);
    const foreign = await http()
      .post(`/summons/${summons.id}/release`)
      .set('Authorization', tokens.staffB)
      .send({ reason: '无需到场' });
    expect(foreign.status).toBe(403);

    const state = await http().get(`/tickets/${ticketId}/summons`).set('Authorization', tokens.staffA);
    expect(state.body).toHaveLength(1);
    expect(state.body[0]).toMatchObject({ status: 'issued', report: null, releaseReason: null });
    await waitFor(() => harness.eventsOf(ticketId, 'summons.issued').length === 1 || undefined, {
      timeoutMs: 10_000,
      description: 'the one summons.issued of the ticket',
    });
    expect(
      harness
        .eventsOf(ticketId)
        .filter(
          (event: EventEnvelope) =>
            event.type.startsWith('summons.') &&
            event.type !== 'summons.issued' &&
            event.type !== 'summons.overdue',
        ),
    ).toEqual([]);
  });
});
