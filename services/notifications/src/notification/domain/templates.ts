// Every user-facing text of the service, in zh-CN and English, in one place. Templates name their
// variables as `{name}`; rendering refuses a template whose variable is missing rather than send a
// message with a hole in it.
import { ticketCategory } from '@loop/contracts';
import { formatShanghaiTime } from '@loop/platform';
import { NotificationKind, TemplateParams } from './notification-kind';

/** Languages a notification can be rendered in; zh-CN is the default. */
export const notificationLanguages = ['zh-CN', 'en'] as const;
/** A language a notification can be rendered in. */
export type NotificationLanguage = (typeof notificationLanguages)[number];
/** The language used when the recipient has not chosen one. */
export const defaultNotificationLanguage: NotificationLanguage = 'zh-CN';

/** A notification's text in one language. */
export interface RenderedNotification {
  title: string;
  body: string;
}

interface Template {
  title: string;
  body: string;
}

const templates: Record<NotificationKind, Record<NotificationLanguage, Template>> = {
  ticket_submitted: {
    'zh-CN': {
      title: '新工单待派单',
      body: '社区收到新工单 {ticketNumber}（{category}，{urgency}），请及时派单。',
    },
    en: {
      title: 'New ticket to dispatch',
      body: 'The community received ticket {ticketNumber} ({category}, {urgency}); please dispatch it.',
    },
  },
  ticket_dispatched: {
    'zh-CN': { title: '工单已派单', body: '您的工单 {ticketNumber} 已派给志愿者，等待接单。' },
    en: {
      title: 'Your ticket was dispatched',
      body: 'Your ticket {ticketNumber} was offered to a volunteer and is waiting to be accepted.',
    },
  },
  ticket_accepted: {
    'zh-CN': {
      title: '工单已被接单',
      body: '您的工单 {ticketNumber} 已有人接单，预计 {completionDueAt} 前办结。',
    },
    en: {
      title: 'Your ticket was accepted',
      body: 'Your ticket {ticketNumber} was accepted and is due to be completed by {completionDueAt}.',
    },
  },
  work_started: {
    'zh-CN': { title: '开始处理', body: '您的工单 {ticketNumber} 已开始处理。' },
    en: { title: 'Work started', body: 'Work on your ticket {ticketNumber} has started.' },
  },
  work_completed: {
    'zh-CN': {
      title: '工单已办结，请确认',
      body: '您的工单 {ticketNumber} 已办结，请确认并评价。',
    },
    en: {
      title: 'Work completed — please confirm',
      body: 'Your ticket {ticketNumber} has been completed; please confirm and rate it.',
    },
  },
  ticket_escalated: {
    'zh-CN': {
      title: '工单已督办',
      body: '您的工单 {ticketNumber} 已提级至{levelName}督办，我们会尽快处理。',
    },
    en: {
      title: 'Your ticket was escalated',
      body: 'Your ticket {ticketNumber} was escalated to the {levelName} for follow-up.',
    },
  },
  ticket_closed: {
    'zh-CN': { title: '工单已关闭', body: '感谢您的确认与评价，工单 {ticketNumber} 已关闭。' },
    en: { title: 'Ticket closed', body: 'Thank you for confirming; ticket {ticketNumber} is closed.' },
  },
  ticket_merged: {
    'zh-CN': {
      title: '工单已合并办理',
      body: '您反映的问题（工单 {ticketNumber}）与工单 {masterTicketNumber} 是同一问题，已合并办理，进展将继续通知您。',
    },
    en: {
      title: 'Ticket merged',
      body: 'Your ticket {ticketNumber} reports the same problem as ticket {masterTicketNumber}; they are handled together and you will hear of its progress.',
    },
  },
  ticket_unmerged: {
    'zh-CN': { title: '工单单独办理', body: '工单 {ticketNumber} 已单独办理，社区将重新派单。' },
    en: {
      title: 'Ticket handled on its own',
      body: 'Ticket {ticketNumber} is now handled on its own; the community dispatches it again.',
    },
  },
  duplicate_closed: {
    'zh-CN': { title: '工单已办结', body: '同一问题已办结，您的工单 {ticketNumber} 随之关闭。' },
    en: {
      title: 'Ticket closed',
      body: 'The problem you reported was dealt with; your ticket {ticketNumber} is closed with it.',
    },
  },
  ticket_auto_confirmed: {
    'zh-CN': {
      title: '工单已自动确认',
      body: '工单 {ticketNumber} 办结后未在时限内确认，已自动确认并关闭。',
    },
    en: {
      title: 'Ticket confirmed automatically',
      body: 'Ticket {ticketNumber} was not confirmed in time after completion and has been closed automatically.',
    },
  },
  offer_received: {
    'zh-CN': {
      title: '新任务待接单',
      body: '社区向您派发任务 {ticketNumber}：{category}（{urgency}），地点：{place}，请在 {offerExpiresAt} 前答复。打开任务可查看详情。',
    },
    en: {
      title: 'New task offered',
      body: 'The community offered you task {ticketNumber}: {category} ({urgency}) at {place}; please answer by {offerExpiresAt}. Open the task for the details.',
    },
  },
  supervision_reminder: {
    'zh-CN': {
      title: '督办提醒',
      body: '工单 {ticketNumber} 已升级至最高督办层级，仍未{deadlineName}（时限 {deadlineAt}），请督促落实。',
    },
    en: {
      title: 'Supervision reminder',
      body: 'Ticket {ticketNumber} has reached the top escalation level and is still awaiting {deadlineName} (due {deadlineAt}); please follow it up.',
    },
  },
  queue_reminder: {
    'zh-CN': {
      title: '待派单提醒',
      body: '工单 {ticketNumber} 仍在社区待派单，接单时限为 {deadlineAt}，请尽快派单。',
    },
    en: {
      title: 'Ticket waiting to be dispatched',
      body: 'Ticket {ticketNumber} is still waiting for the community to dispatch it; it must be accepted by {deadlineAt}.',
    },
  },
  deadline_reminder: {
    'zh-CN': {
      title: '时限提醒',
      body: '任务 {ticketNumber} 的{deadlineName}时限为 {deadlineAt}，请及时处理。',
    },
    en: {
      title: 'Deadline reminder',
      body: 'The {deadlineName} deadline of task {ticketNumber} is {deadlineAt}.',
    },
  },
  offer_expired: {
    'zh-CN': { title: '任务已过期', body: '任务 {ticketNumber} 未在时限内接单，已收回。' },
    en: {
      title: 'Offer expired',
      body: 'Task {ticketNumber} was not accepted in time and has been withdrawn.',
    },
  },
  offer_withdrawn: {
    'zh-CN': { title: '任务已撤回', body: '任务 {ticketNumber} 已撤销，无需再接单。' },
    en: {
      title: 'Offer withdrawn',
      body: 'Task {ticketNumber} was cancelled; there is nothing to accept any more.',
    },
  },
  ticket_cancelled: {
    'zh-CN': { title: '任务已取消', body: '您承接的任务 {ticketNumber} 已撤销，请停止处理。' },
    en: {
      title: 'Task cancelled',
      body: 'The task {ticketNumber} you accepted was cancelled; please stop working on it.',
    },
  },
  offer_declined: {
    'zh-CN': {
      title: '任务被拒绝',
      body: '工单 {ticketNumber} 的派单被拒绝（{declineReason}），请重新派单。',
    },
    en: {
      title: 'Offer declined',
      body: 'The offer for ticket {ticketNumber} was declined ({declineReason}); please dispatch it again.',
    },
  },
  offer_expired_unaccepted: {
    'zh-CN': { title: '派单超时', body: '工单 {ticketNumber} 的派单超时无人接单。' },
    en: {
      title: 'Offer timed out',
      body: 'Nobody accepted the offer for ticket {ticketNumber} before its deadline.',
    },
  },
  work_handed_back: {
    'zh-CN': { title: '任务被退回', body: '工单 {ticketNumber} 已被承接方退回，请重新派单。' },
    en: {
      title: 'Task handed back',
      body: 'The assignee handed ticket {ticketNumber} back; please dispatch it again.',
    },
  },
  escalation_raised: {
    'zh-CN': {
      title: '工单督办（{levelName}）',
      body: '工单 {ticketNumber} 因{escalationReason}提级至{levelName}，请督办。',
    },
    en: {
      title: 'Ticket escalated ({levelName})',
      body: 'Ticket {ticketNumber} was escalated to the {levelName}: {escalationReason}.',
    },
  },
  low_rating: {
    'zh-CN': { title: '低分评价', body: '工单 {ticketNumber} 收到 {rating} 星评价，请回访。' },
    en: {
      title: 'Low rating',
      body: 'Ticket {ticketNumber} was rated {rating} out of 5; please follow up with the resident.',
    },
  },
  ticket_reopened: {
    'zh-CN': {
      title: '工单重开',
      body: '工单 {ticketNumber} 被居民重开（第 {reopenCount} 次），请重新派单。',
    },
    en: {
      title: 'Ticket reopened',
      body: 'The resident reopened ticket {ticketNumber} (time {reopenCount}); please dispatch it again.',
    },
  },
  hours_credited: {
    'zh-CN': {
      title: '服务时长已记入',
      body: '服务时长已记入：工单 {ticketNumber}，{minutes} 分钟。感谢您的服务！',
    },
    en: {
      title: 'Service hours credited',
      body: '{minutes} minutes of service for ticket {ticketNumber} were credited to you. Thank you!',
    },
  },
  hours_reversed: {
    'zh-CN': {
      title: '服务时长已冲销',
      body: '工单 {ticketNumber} {reversalReason}，原记入的 {minutes} 分钟已冲销。',
    },
    en: {
      title: 'Service hours reversed',
      body: 'Ticket {ticketNumber} {reversalReason}; the {minutes} minutes credited for it were reversed.',
    },
  },
  activity_hours_credited: {
    'zh-CN': {
      title: '服务时长已记入',
      body: '志愿活动服务时长已记入：{minutes} 分钟。感谢您的参与！',
    },
    en: {
      title: 'Service hours credited',
      body: '{minutes} minutes of volunteer activity were credited to you. Thank you for taking part!',
    },
  },
  summons_received: {
    'zh-CN': {
      title: '吹哨报到：请到场处置',
      body: '{departmentLabel} 被召集处置工单 {ticketNumber}，请于 {arriveDueAt} 前到场报到。',
    },
    en: {
      title: 'Summoned to a ticket',
      body: '{departmentLabel} is summoned to ticket {ticketNumber}; please check in on site by {arriveDueAt}.',
    },
  },
  summons_overdue: {
    'zh-CN': {
      title: '召集部门超时未到场',
      body: '{departmentLabel} 未在 {arriveDueAt} 前到场处置工单 {ticketNumber}，已提级至{levelName}督办。',
    },
    en: {
      title: 'A summoned department is late',
      body: '{departmentLabel} did not check in on ticket {ticketNumber} by {arriveDueAt}; escalated to the {levelName}.',
    },
  },
  activity_hours_reversed: {
    'zh-CN': {
      title: '服务时长已冲销',
      body: '志愿活动原记入的 {minutes} 分钟服务时长经核对已冲销。',
    },
    en: {
      title: 'Service hours reversed',
      body: 'The {minutes} minutes credited to you for a volunteer activity were reversed after a review.',
    },
  },
};

// Coded values are shown as words in each language.
const valueLabels: Record<string, Record<string, Record<NotificationLanguage, string>>> = {
  urgency: {
    normal: { 'zh-CN': '一般', en: 'normal' },
    urgent: { 'zh-CN': '紧急', en: 'urgent' },
    emergency: { 'zh-CN': '特急', en: 'emergency' },
  },
  levelName: {
    1: { 'zh-CN': '社区书记', en: 'community secretary' },
    2: { 'zh-CN': '街道/乡镇包联领导', en: 'town/street official' },
    3: { 'zh-CN': '县级包联领导', en: 'county leader' },
  },
  escalationReason: {
    accept_deadline: { 'zh-CN': '超时未接单', en: 'nobody accepted it in time' },
    completion_deadline: { 'zh-CN': '超时未办结', en: 'it was not completed in time' },
    no_candidates: { 'zh-CN': '无人可派', en: 'no one could be offered it' },
  },
  deadlineName: {
    accept: { 'zh-CN': '接单', en: 'acceptance' },
    complete: { 'zh-CN': '办结', en: 'completion' },
  },
  declineReason: {
    busy: { 'zh-CN': '时间冲突', en: 'busy' },
    not_nearby: { 'zh-CN': '距离较远', en: 'not nearby' },
    lacks_skill: { 'zh-CN': '不具备相应技能', en: 'lacks the skill' },
    other: { 'zh-CN': '其他原因', en: 'other reason' },
  },
  reversalReason: {
    ticket_reopened: { 'zh-CN': '重新办理', en: 'is being handled again' },
    correction: { 'zh-CN': '的服务时长经核对更正', en: 'had its service hours corrected' },
  },
};

// Parameters holding instants (UTC ISO strings) are shown in Asia/Shanghai, the residents' clock.
const timeParams = new Set(['completionDueAt', 'offerExpiresAt', 'deadlineAt', 'arriveDueAt']);

function displayValue(name: string, value: string | number, language: NotificationLanguage): string {
  if (name === 'category') {
    const category = ticketCategory(String(value));
    if (category) return language === 'en' ? category.nameEn : category.nameZh;
  }
  if (timeParams.has(name)) return formatShanghaiTime(String(value));
  return valueLabels[name]?.[String(value)]?.[language] ?? String(value);
}

// Parameters a template gained after notifications were already stored without them: those render with
// this stand-in rather than fail (an inbox read must never break on an old notification).
const paramsAddedLater: Readonly<Record<string, string>> = { place: '—' };

/** Thrown when a template refers to a variable the notification does not carry. */
export class MissingTemplateParameterError extends Error {
  constructor(kind: NotificationKind, name: string) {
    super(`template ${kind} needs the parameter "${name}"`);
    this.name = 'MissingTemplateParameterError';
  }
}

/** Renders a notification of `kind` with `params` in `language` (pure; no I/O, no clock). */
export function renderNotification(
  kind: NotificationKind,
  params: TemplateParams,
  language: NotificationLanguage = defaultNotificationLanguage,
): RenderedNotification {
  const template = templates[kind][language];
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = params[name] ?? paramsAddedLater[name];
      if (value === undefined) throw new MissingTemplateParameterError(kind, name);
      return displayValue(name, value, language);
    });
  return { title: fill(template.title), body: fill(template.body) };
}

/** The language to render in: the recipient's preference when it is one we have, zh-CN otherwise. */
export function notificationLanguageOf(preference: string | null | undefined): NotificationLanguage {
  return (notificationLanguages as readonly string[]).includes(preference ?? '')
    ? (preference as NotificationLanguage)
    : defaultNotificationLanguage;
}
