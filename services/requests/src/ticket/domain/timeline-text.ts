// What each timeline entry says, in zh-CN or English, for residents and staff reading a ticket.

/** The languages a timeline can be read in. */
export type TimelineLanguage = 'zh-CN' | 'en';

type Details = Record<string, unknown>;
type Describer = (details: Details) => { 'zh-CN': string; en: string };

const assigneeZh = (details: Details) =>
  (details.assignee as { kind?: string } | undefined)?.kind === 'property_company' ? '物业公司' : '党员';
const assigneeEn = (details: Details) =>
  (details.assignee as { kind?: string } | undefined)?.kind === 'property_company'
    ? 'the property company'
    : 'a party member';
const levelZh: Record<number, string> = { 1: '社区书记', 2: '街道/乡镇包联领导', 3: '县级包联领导' };
const levelEn: Record<number, string> = {
  1: 'the community secretary',
  2: 'the town/street official',
  3: 'the county leader',
};

const departmentOf = (details: Details) => String(details.departmentLabel ?? '');
const departmentsOf = (details: Details) =>
  ((details.departments as Array<{ departmentLabel?: unknown }> | undefined) ?? []).map((d) =>
    String(d.departmentLabel ?? ''),
  );
const listEn = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

const describers: Record<string, Describer> = {
  'ticket.submitted': () => ({ 'zh-CN': '工单已提交', en: 'Ticket submitted' }),
  'ticket.queued': (d) =>
    d.reason === 'returned'
      ? {
          'zh-CN': '暂无其他可派人选，等待社区派单',
          en: 'Nobody left to offer it to; waiting for the community to dispatch',
        }
      : { 'zh-CN': '等待社区派单', en: 'Waiting for the community to dispatch' },
  'ticket.dispatched': (d) => ({
    'zh-CN': `社区已派单给${assigneeZh(d)}（第 ${String(d.attempt)} 次派单）`,
    en: `Offered to ${assigneeEn(d)} (attempt ${String(d.attempt)})`,
  }),
  'assignment.accepted': (d) => ({ 'zh-CN': `${assigneeZh(d)}已接单`, en: `Accepted by ${assigneeEn(d)}` }),
  'assignment.declined': () => ({
    'zh-CN': '承接方拒绝接单，等待重新派单',
    en: 'Declined; waiting to be offered again',
  }),
  'assignment.expired': () => ({
    'zh-CN': '派单超时未接，等待重新派单',
    en: 'Offer expired; waiting to be offered again',
  }),
  'assignment.handed_back': () => ({
    'zh-CN': '承接方退单，等待重新派单',
    en: 'Handed back; waiting to be offered again',
  }),
  'work.started': () => ({ 'zh-CN': '开始处理', en: 'Work started' }),
  'work.completed': (d) => ({
    'zh-CN': `处理完毕，用时 ${String(d.minutesSpent)} 分钟，等待群众确认`,
    en: `Work completed in ${String(d.minutesSpent)} minutes; waiting for confirmation`,
  }),
  'ticket.escalated': (d) => ({
    'zh-CN': `督办升级至${levelZh[Number(d.level)] ?? `第 ${String(d.level)} 级`}`,
    en: `Escalated to ${levelEn[Number(d.level)] ?? `level ${String(d.level)}`}`,
  }),
  'summons.issued': (d) => ({
    'zh-CN': `街道已召集 ${departmentsOf(d).join('、')} 到场处置`,
    en: `The street summoned ${listEn(departmentsOf(d))} to the site`,
  }),
  'summons.checked_in': (d) =>
    d.late
      ? { 'zh-CN': `${departmentOf(d)} 已到场（超时）`, en: `${departmentOf(d)} arrived on site (late)` }
      : { 'zh-CN': `${departmentOf(d)} 已到场`, en: `${departmentOf(d)} arrived on site` },
  'summons.reported': (d) => ({
    'zh-CN': `${departmentOf(d)} 已处置：${String(d.report)}`,
    en: `${departmentOf(d)} reported: ${String(d.report)}`,
  }),
  'summons.released': (d) => ({
    'zh-CN': `社区已解除对 ${departmentOf(d)} 的召集（${String(d.reason)}）`,
    en: `The community released ${departmentOf(d)} (${String(d.reason)})`,
  }),
  'summons.overdue': (d) => ({
    'zh-CN': `${departmentOf(d)} 超时未到场，已督办至${levelZh[Number(d.level)] ?? `第 ${String(d.level)} 级`}`,
    en: `${departmentOf(d)} did not arrive in time; escalated to ${levelEn[Number(d.level)] ?? `level ${String(d.level)}`}`,
  }),
  'ticket.cancelled': () => ({ 'zh-CN': '工单已撤销', en: 'Ticket cancelled' }),
  'ticket.merged': (d) =>
    typeof d.duplicateTicketNumber === 'string'
      ? {
          'zh-CN': `工单 ${d.duplicateTicketNumber} 反映的是同一问题，已合并到本工单`,
          en: `Ticket ${d.duplicateTicketNumber} reports the same problem and was merged into this one`,
        }
      : {
          'zh-CN': `与工单 ${String(d.masterTicketNumber)} 反映的是同一问题，已合并，随其一并办理`,
          en: `Reports the same problem as ticket ${String(d.masterTicketNumber)}; merged and handled with it`,
        },
  'ticket.unmerged': (d) =>
    typeof d.duplicateTicketId === 'string'
      ? {
          'zh-CN': '一条重复反映已拆分，单独办理',
          en: 'A merged report was taken out and is handled on its own',
        }
      : {
          'zh-CN': `已拆分，重新单独派单（${String(d.reason)}）`,
          en: `Unmerged; dispatched again on its own (${String(d.reason)})`,
        },
  'ticket.confirmed': (d) =>
    d.duplicateOf && d.auto
      ? {
          'zh-CN': '同一问题的主工单已办结，本工单随之办结',
          en: 'The ticket this one was merged into was closed, and this one with it',
        }
      : d.auto
        ? {
            'zh-CN': '超期未评价，系统自动确认办结',
            en: 'Confirmed automatically after the confirmation period',
          }
        : d.confirmedBy === 'callback'
          ? {
              'zh-CN': `社区回访群众确认办结，评分 ${String(d.rating)} 星`,
              en: `Confirmed by the resident on a staff callback, rated ${String(d.rating)}/5`,
            }
          : {
              'zh-CN': `群众确认办结，评分 ${String(d.rating)} 星`,
              en: `Confirmed by the resident, rated ${String(d.rating)}/5`,
            },
  'ticket.reopened': (d) => ({
    'zh-CN': `群众不满意，工单重开（第 ${String(d.reopenCount)} 次）`,
    en: `Reopened by the resident (time ${String(d.reopenCount)})`,
  }),
  'hours.credited': (d) => ({
    'zh-CN': `党员服务时长已记入 ${String(d.minutes)} 分钟`,
    en: `${String(d.minutes)} service minutes credited to the member`,
  }),
  'hours.reversed': (d) => ({
    'zh-CN': `已冲销党员服务时长 ${String(d.minutes)} 分钟`,
    en: `${String(d.minutes)} service minutes reversed`,
  }),
  'notification.delivered': () => ({ 'zh-CN': '已通知相关人员', en: 'A person concerned was notified' }),
};

/** One sentence saying what a timeline entry means. */
export function describeTimelineEntry(type: string, details: Details, language: TimelineLanguage): string {
  const describer = describers[type];
  return describer ? describer(details)[language] : type;
}
