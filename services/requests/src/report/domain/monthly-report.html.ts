// The monthly community report as a printable page: zh-CN, A4 portrait, the district first and then one
// page per community. Plain HTML with its own print styles, so any browser prints it or saves it as a
// PDF; every value from the data is escaped.
import { ticketCategory } from '@loop/contracts';
import { formatShanghaiTime } from '@loop/platform';
import { statusNameZh, TicketStatus } from '../../ticket/domain/ticket-status';
import type { CommunityMonthlyReport, MonthlyFigures, MonthlyReport, OverdueTicket } from './monthly-report';
import type { SummonsFigures } from './summons-figures';

const styles = `
  @page { size: A4 portrait; margin: 15mm 14mm; }
  * { box-sizing: border-box; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
         color: #1f2329; font-size: 10.5pt; line-height: 1.5; margin: 0; }
  h1 { font-size: 18pt; margin: 0 0 4pt; color: #b71c1c; }
  h2 { font-size: 13pt; margin: 14pt 0 6pt; border-left: 4pt solid #b71c1c; padding-left: 6pt; }
  h3 { font-size: 11pt; margin: 10pt 0 4pt; }
  .meta { color: #646a73; font-size: 9pt; margin-bottom: 8pt; }
  .notice { border: 1pt solid #e6a23c; background: #fdf6ec; padding: 4pt 8pt; margin: 6pt 0; }
  table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; page-break-inside: avoid; }
  th, td { border: 0.75pt solid #c9cdd4; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { background: #f2f3f5; font-weight: 600; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  section.community { page-break-before: always; }
  .empty { color: #8f959e; }
`;

/** The report as a complete HTML document. */
export function renderMonthlyReportHtml(report: MonthlyReport): string {
  const [year, month] = report.month.split('-').map(Number);
  const title = `${year}年${month}月 社区服务联席会月报`;
  const unavailable = report.unavailable.length
    ? `<p class="notice">以下服务暂时无法提供数据，相关栏目留空：${report.unavailable.map(escape).join('、')}。</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>${styles}</style>
</head>
<body>
<header>
  <h1>${escape(title)}</h1>
  <p class="meta">统计范围：${escape(formatShanghaiTime(report.period.from))} 至 ${escape(formatShanghaiTime(report.period.to))}（北京时间）受理的工单；数据截至 ${escape(formatShanghaiTime(report.asOf))}。各项比率均由工单全过程事件计算得出。</p>
  ${unavailable}
</header>
<section>
  <h2>全区汇总（${report.communities.length} 个社区）</h2>
  ${figuresTables(report.district)}
</section>
${report.summons ? summonsSection(report.summons) : ''}
${report.communities.map(communitySection).join('\n')}
</body>
</html>
`;
}

function communitySection(community: CommunityMonthlyReport): string {
  return `<section class="community">
  <h2>${escape(community.name ?? `社区 ${community.communityId}`)}</h2>
  ${figuresTables(community.figures)}
  <h3>超期未办结工单（${community.figures.overdue} 件${community.figures.overdue > community.overdue.length ? `，列出前 ${community.overdue.length} 件` : ''}）</h3>
  ${overdueTable(community.overdue)}
</section>`;
}

function figuresTables(figures: MonthlyFigures): string {
  return `<table>
    <tr><th>受理工单</th><th>受理率</th><th>办结率</th><th>满意率（群众评价）</th><th>回访满意率</th></tr>
    <tr>${cells(figures.received, percent(figures.acceptanceRate), percent(figures.completionRate), percent(figures.satisfactionRate), percent(figures.callbackSatisfactionRate))}</tr>
    <tr><th>按时受理率</th><th>按时办结率</th><th>退单</th><th>重开率</th><th>督办（升级）</th></tr>
    <tr>${cells(percent(figures.onTimeAcceptanceRate), percent(figures.onTimeCompletionRate), figures.returns, percent(figures.reopenRate), figures.escalated)}</tr>
  </table>
  <table>
    <tr><th>群众反映（件次）</th><th>其中重复反映已合并</th><th>按问题计受理</th></tr>
    <tr>${cells(figures.reportsReceived, figures.duplicatesMerged, figures.received)}</tr>
  </table>
  <table>
    <tr><th>活跃党员</th><th>服务时长（小时）</th><th>志愿活动</th><th>参与人次</th><th>1+10 联系户覆盖</th></tr>
    <tr>${serviceCells(figures)}</tr>
  </table>
  <h3>主要诉求类别</h3>
  ${categoriesTable(figures.topCategories)}`;
}

function serviceCells(figures: MonthlyFigures): string {
  const service = figures.service;
  const coverage = figures.coverage;
  const coverageText = coverage
    ? `${coverage.householdsLinked} / ${coverage.households} 户（${percent(coverage.coverageRate)}），党员 ${coverage.members} 名`
    : '—';
  return service
    ? cells(
        service.activeMembers,
        hours(service.minutesServed),
        service.activitiesHeld,
        service.activityAttendances,
        coverageText,
      )
    : cells('—', '—', '—', '—', coverageText);
}

// 吹哨报到: tickets that needed departments, and how punctually each department arrived.
function summonsSection(summons: SummonsFigures): string {
  const rows = summons.byDepartment
    .map(
      (d) =>
        `<tr>${cells(d.departmentLabel, d.summoned, d.checkedIn, d.onTimeCheckIns, percent(d.onTimeCheckInRate))}</tr>`,
    )
    .join('');
  const table = rows
    ? `<table><tr><th>部门</th><th>召集次数</th><th>已报到</th><th>按时报到</th><th>按时报到率</th></tr>${rows}</table>`
    : '<p class="empty">本月无召集部门。</p>';
  return `<section>
  <h2>吹哨报到</h2>
  <p>召集部门的工单 ${summons.ticketsSummoned} 件，召集部门 ${summons.departmentsSummoned} 次，按时报到率 ${escape(percent(summons.onTimeCheckInRate))}。</p>
  ${table}
</section>`;
}

function categoriesTable(categories: MonthlyFigures['topCategories']): string {
  if (categories.length === 0) return '<p class="empty">本月无工单。</p>';
  const rows = categories
    .map(
      ({ code, count }) =>
        `<tr><td>${escape(ticketCategory(code)?.nameZh ?? code)}</td><td class="num">${count}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>类别</th><th>工单数</th></tr>${rows}</table>`;
}

function overdueTable(overdue: readonly OverdueTicket[]): string {
  if (overdue.length === 0) return '<p class="empty">无超期工单。</p>';
  const rows = overdue
    .map(
      (ticket) =>
        `<tr><td>${escape(ticket.number)}</td><td>${escape(ticketCategory(ticket.categoryCode)?.nameZh ?? ticket.categoryCode)}</td><td>${escape(statusNameZh[ticket.status as TicketStatus] ?? ticket.status)}</td><td>${escape(ownerText(ticket.owner))}</td><td>${escape(formatShanghaiTime(ticket.deadlineAt))}</td><td class="num">${ticket.overdueHours}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>工单编号</th><th>类别</th><th>状态</th><th>责任方</th><th>截止时间</th><th>超期（小时）</th></tr>${rows}</table>`;
}

const ownerKinds: Record<string, string> = {
  member: '党员',
  property_company: '物业公司',
  community: '社区（待派单）',
  resident: '群众（待确认）',
};

function ownerText(owner: string | null): string {
  if (!owner) return '—';
  const [kind, ...id] = owner.split(':');
  return `${ownerKinds[kind] ?? kind} ${id.join(':')}`;
}

function cells(...values: Array<string | number>): string {
  return values
    .map((value) => `<td${typeof value === 'number' ? ' class="num"' : ''}>${escape(String(value))}</td>`)
    .join('');
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function hours(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
