import { composeMonthlyReport } from './monthly-report';
import { renderMonthlyReportHtml } from './monthly-report.html';
import { computeSummonsFigures } from './summons-figures';

const asOf = new Date('2026-12-01T02:00:00.000Z');

const report = composeMonthlyReport({
  month: '2026-11',
  period: { from: new Date('2026-10-31T16:00:00.000Z'), to: new Date('2026-11-30T16:00:00.000Z') },
  asOf,
  communityIds: [],
  tickets: [],
  overdue: [],
  service: [],
  coverage: [],
  unavailable: [],
});

describe('the monthly report’s 吹哨报到 section', () => {
  it('prints the tickets summoned, the departments summoned and each department’s on-time check-in rate', () => {
    const summons = computeSummonsFigures(
      [
        {
          ticketId: 't-1',
          departmentId: 'd-1',
          departmentLabel: '城管执法队<script>',
          arriveDueAt: new Date('2026-11-10T04:00:00.000Z'),
          checkedInAt: new Date('2026-11-10T03:00:00.000Z'),
          late: false,
          releasedAt: null,
        },
      ],
      asOf,
    );
    const html = renderMonthlyReportHtml({ ...report, summons });
    expect(html).toContain('<h2>吹哨报到</h2>');
    expect(html).toContain('召集部门的工单 1 件，召集部门 1 次，按时报到率 100.0%');
    expect(html).toContain('城管执法队&#60;script&#62;');
    expect(html).not.toContain('<script>');
  });

  it('says when no department was summoned in the month, and leaves the section out of a report without it', () => {
    expect(renderMonthlyReportHtml({ ...report, summons: computeSummonsFigures([], asOf) })).toContain(
      '本月无召集部门。',
    );
    expect(renderMonthlyReportHtml(report)).not.toContain('吹哨报到');
  });
});
