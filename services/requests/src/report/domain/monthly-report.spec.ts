import type { PlacedTicketFacts } from './loop-breakdown';
import { composeMonthlyReport, MonthlyReportInput } from './monthly-report';
import { renderMonthlyReportHtml } from './monthly-report.html';

const asOf = new Date('2026-12-01T02:00:00.000Z');

function ticket(overrides: Partial<PlacedTicketFacts>): PlacedTicketFacts {
  return {
    ticketId: 't',
    number: 'LC-2026-000001',
    status: 'closed',
    submittedAt: new Date('2026-11-10T02:00:00.000Z'),
    acceptedAt: new Date('2026-11-10T03:00:00.000Z'),
    acceptanceLate: false,
    completedAt: new Date('2026-11-10T06:00:00.000Z'),
    completionDueAt: new Date('2026-11-11T00:00:00.000Z'),
    cancelledAt: null,
    closed: true,
    rating: 5,
    ratedOn: 'resident',
    reopens: 0,
    returns: 0,
    escalations: 0,
    owner: null,
    nextDeadlineAt: null,
    communityId: 'c-1',
    gridId: 'g-1',
    categoryCode: 'property.repair',
    ...overrides,
  };
}

function input(overrides: Partial<MonthlyReportInput> = {}): MonthlyReportInput {
  return {
    month: '2026-11',
    period: { from: new Date('2026-10-31T16:00:00.000Z'), to: new Date('2026-11-30T16:00:00.000Z') },
    asOf,
    communityIds: ['c-1', 'c-2'],
    tickets: [
      ticket({ ticketId: 'a' }),
      ticket({ ticketId: 'b', categoryCode: 'elderly.disabled.help', returns: 1, escalations: 1 }),
      ticket({ ticketId: 'c', communityId: 'c-2', rating: 2 }),
    ],
    overdue: [
      {
        ticketId: 'x',
        number: 'LC-2026-000009',
        communityId: 'c-2',
        categoryCode: 'safety.hazard',
        status: 'dispatched',
        owner: 'member:member-7',
        deadlineAt: '2026-11-30T10:00:00.000Z',
        overdueHours: 16,
      },
    ],
    service: [
      { communityId: 'c-1', activeMembers: 3, minutesServed: 300, activitiesHeld: 1, activityAttendances: 8 },
      { communityId: 'c-2', activeMembers: 1, minutesServed: 60, activitiesHeld: 0, activityAttendances: 0 },
    ],
    coverage: [
      { communityId: 'c-1', name: '冶河社区', households: 100, householdsLinked: 90, members: 9 },
      { communityId: 'c-2', name: '和平<社区>', households: 50, householdsLinked: 50, members: 5 },
    ],
    unavailable: [],
    ...overrides,
  };
}

describe('the monthly community report', () => {
  it('gives each community its figures and adds them up for the district', () => {
    const report = composeMonthlyReport(input());
    const [first, second] = report.communities;
    expect(first).toMatchObject({
      name: '冶河社区',
      figures: {
        received: 2,
        returns: 1,
        escalated: 1,
        satisfactionRate: 1,
        service: { activeMembers: 3, minutesServed: 300 },
        coverage: { households: 100, householdsLinked: 90, coverageRate: 0.9 },
      },
    });
    expect(first.figures.topCategories).toEqual([
      { code: 'elderly.disabled.help', count: 1 },
      { code: 'property.repair', count: 1 },
    ]);
    expect(second.overdue.map((line) => line.number)).toEqual(['LC-2026-000009']);
    expect(report.district).toMatchObject({
      received: 3,
      overdue: 1,
      satisfactionRate: 0.6667,
      service: { activeMembers: 4, minutesServed: 360, activitiesHeld: 1, activityAttendances: 8 },
      coverage: { households: 150, householdsLinked: 140, coverageRate: 0.9333, members: 14 },
    });
  });

  it('leaves a service’s sections empty, and says so, when that service could not answer', () => {
    const report = composeMonthlyReport(input({ service: null, unavailable: ['volunteer-hours'] }));
    expect(report.district.service).toBeNull();
    expect(report.communities[0].figures.service).toBeNull();
    expect(report.unavailable).toEqual(['volunteer-hours']);
    const html = renderMonthlyReportHtml(report);
    expect(html).toContain('以下服务暂时无法提供数据，相关栏目留空：volunteer-hours');
  });

  it('prints as an A4 zh-CN page with one section per community, escaping what the data says', () => {
    const html = renderMonthlyReportHtml(composeMonthlyReport(input()));
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('2026年11月 社区服务联席会月报');
    expect(html).toContain('<h2>冶河社区</h2>');
    expect(html).toContain('和平&#60;社区&#62;');
    expect(html).not.toContain('和平<社区>');
    expect(html).toContain('90 / 100 户（90.0%）');
    expect(html).toContain('<td>LC-2026-000009</td><td>安全隐患</td><td>已派单</td><td>党员 member-7</td>');
    expect(html).toContain('2026-11-30 18:00');
  });
});
