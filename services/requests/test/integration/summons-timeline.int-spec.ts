// 吹哨报到 as requests sees it: dispatch's summons facts land on the ticket's timeline in the resident's
// words, change nothing else about the ticket, and feed the loop report's summons figures.
import {
  assignmentAcceptedV1,
  summonsCheckedInV1,
  summonsIssuedV1,
  summonsOverdueV1,
  summonsReleasedV1,
  summonsReportedV1,
  ticketDispatchedV1,
  workStartedV1,
} from '@loop/contracts';
import { EventFeed, TestService } from '@loop/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import {
  dispatchStory,
  People,
  place,
  readTicket,
  startRequestsService,
  submitTicket,
  waitForTicket,
} from './support/requests-kit';

const city = { departmentId: uuidv7(), departmentLabel: '城管执法队' };
const housing = { departmentId: uuidv7(), departmentLabel: '住建所' };

describe('departments summoned to a ticket, on its timeline (吹哨报到)', () => {
  let service: TestService;
  let people: People;
  let feed: EventFeed;

  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    feed = await EventFeed.connect(service);
  });
  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  it('tells the resident who was summoned, who arrived and what each did, without touching the ticket itself', async () => {
    const token = await people.resident('resident-summons');
    const ticket = await submitTicket(service, token);
    const story = dispatchStory(ticket.id, new Date(ticket.submittedAt));
    await feed.send(
      feed.envelope(ticketDispatchedV1, story.dispatched(1), story.at(1)),
      feed.envelope(assignmentAcceptedV1, story.accepted(2), story.at(2)),
      feed.envelope(workStartedV1, story.started(3), story.at(3)),
    );
    const before = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.status === 'in_progress',
      'in progress',
    );

    const at = (step: number) => new Date(new Date(ticket.submittedAt).getTime() + step);
    const due = new Date(at(10).getTime() + 2 * 3_600_000).toISOString();
    const citySummons = uuidv7();
    const housingSummons = uuidv7();
    const fact = (summonsId: string, department: typeof city) => ({
      ticketId: ticket.id,
      summonsId,
      ...department,
    });
    await feed.send(
      feed.envelope(
        summonsIssuedV1,
        {
          ticketId: ticket.id,
          communityId: place.community,
          departments: [
            { summonsId: citySummons, ...city, adminIds: ['ua-d-01'], arriveDueAt: due },
            { summonsId: housingSummons, ...housing, adminIds: ['ua-d-02'], arriveDueAt: due },
          ],
          reason: '主干管道堵塞',
          issuedBy: { role: 'staff', id: 'staff-1' },
          issuedAt: at(10).toISOString(),
        },
        at(10),
      ),
      feed.envelope(
        summonsCheckedInV1,
        {
          ...fact(citySummons, city),
          checkedInBy: 'ua-d-01',
          late: false,
          checkedInAt: at(11).toISOString(),
        },
        at(11),
      ),
      feed.envelope(
        summonsReportedV1,
        { ...fact(citySummons, city), report: '已疏通主干管道', reportedAt: at(12).toISOString() },
        at(12),
      ),
      feed.envelope(
        summonsOverdueV1,
        {
          ...fact(housingSummons, housing),
          communityId: place.community,
          arriveDueAt: due,
          level: 1,
          escalatedTo: { role: 'secretary', id: 'secretary-1' },
          escalatedAt: at(13).toISOString(),
        },
        at(13),
      ),
      feed.envelope(
        summonsReleasedV1,
        {
          ...fact(housingSummons, housing),
          reason: '无需住建处置',
          releasedBy: { role: 'staff', id: 'staff-1' },
          releasedAt: at(14).toISOString(),
        },
        at(14),
      ),
    );

    const after = await waitForTicket(
      service,
      token,
      ticket.id,
      (t) => t.timeline.filter((entry) => entry.type.startsWith('summons.')).length === 5,
      'the five summons facts on the timeline',
    );
    const summons = after.timeline.filter((entry) => entry.type.startsWith('summons.'));
    expect(summons.map((entry) => entry.summary)).toEqual([
      '街道已召集 城管执法队、住建所 到场处置',
      '城管执法队 已到场',
      '城管执法队 已处置：已疏通主干管道',
      '住建所 超时未到场，已督办至社区书记',
      '社区已解除对 住建所 的召集（无需住建处置）',
    ]);
    expect(new Set(summons.map((entry) => entry.outcome))).toEqual(new Set(['not-applicable']));

    // Timeline only: the ticket's own state is as it was.
    const { timeline: _before, ...stateBefore } = before;
    const { timeline: _after, ...stateAfter } = await readTicket(service, token, ticket.id);
    expect(stateAfter).toEqual(stateBefore);

    const staff = await people.staff();
    const report = await request(service.app.getHttpServer())
      .get(`/reports/loop?communityId=${place.community}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(report.body.summons).toMatchObject({
      ticketsSummoned: 1,
      departmentsSummoned: 2,
      onTimeCheckIns: 1,
    });
    expect(report.body.summons.byDepartment).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentLabel: '城管执法队', checkedIn: 1, onTimeCheckInRate: 1 }),
        expect.objectContaining({ departmentLabel: '住建所', checkedIn: 0, onTimeCheckInRate: null }),
      ]),
    );
  });
});
