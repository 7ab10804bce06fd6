// The resident's timeline tells the story of the loop: one line per step, each saying who was told about
// it. Notification facts (`notification.delivered`: v2 names every recipient of a step, v1 one each)
// are not steps of their own; they are folded into the step that caused them. Staff still read every fact.
import type { TimelineLanguage } from './timeline-text';

/** The part of a timeline entry the story needs. */
export interface StoryEntry {
  eventId: string;
  type: string;
  details: Record<string, unknown>;
}

/** A timeline entry with the people told about it, by role, in the order first told. */
export type ToldEntry<T extends StoryEntry> = T & { told: string[] };

const deliveredType = 'notification.delivered';

/**
 * Attaches to every entry the roles of the people notified because of it, and leaves the notification
 * facts themselves out unless `keepNotificationFacts` (the staff's full event list).
 */
export function foldNotifications<T extends StoryEntry>(
  entries: readonly T[],
  keepNotificationFacts: boolean,
): ToldEntry<T>[] {
  const toldByCause = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.type !== deliveredType) continue;
    const cause = entry.details.causedByEventId;
    if (typeof cause !== 'string') continue;
    const told = toldByCause.get(cause) ?? [];
    for (const role of recipientRoles(entry.details)) if (!told.includes(role)) told.push(role);
    toldByCause.set(cause, told);
  }
  // A step a merged duplicate copied from its master (ADR 0016) was told as the master's event.
  const causeOf = (entry: T) =>
    typeof entry.details.copyOf === 'string' ? entry.details.copyOf : entry.eventId;
  return entries
    .filter((entry) => keepNotificationFacts || entry.type !== deliveredType)
    .map((entry) => ({ ...entry, told: toldByCause.get(causeOf(entry)) ?? [] }));
}

/** The roles a delivery fact names: every delivery of a v2 fact, the one recipient of a v1 fact. */
function recipientRoles(details: Record<string, unknown>): string[] {
  const recipients = Array.isArray(details.deliveries)
    ? (details.deliveries as Array<{ recipient?: { role?: unknown } }>).map((delivery) => delivery.recipient)
    : [details.recipient as { role?: unknown } | undefined];
  return recipients.flatMap((recipient) => (typeof recipient?.role === 'string' ? [recipient.role] : []));
}

const roleNames: Record<string, Record<TimelineLanguage, string>> = {
  resident: { 'zh-CN': '群众', en: 'the resident' },
  member: { 'zh-CN': '党员', en: 'the party member' },
  property_company: { 'zh-CN': '物业公司', en: 'the property company' },
  staff: { 'zh-CN': '社区工作人员', en: 'community staff' },
  secretary: { 'zh-CN': '社区书记', en: 'the community secretary' },
  official: { 'zh-CN': '包联领导', en: 'the responsible official' },
  grid_worker: { 'zh-CN': '网格员', en: 'the grid worker' },
  admin: { 'zh-CN': '管理员', en: 'the administrators' },
};

/** "已通知党员、群众" / "notified the party member and the resident"; empty when nobody was told. */
export function describeTold(roles: readonly string[], language: TimelineLanguage): string {
  if (roles.length === 0) return '';
  const names = roles.map((role) => roleNames[role]?.[language] ?? role);
  if (language === 'zh-CN') return `已通知${names.join('、')}`;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `notified ${list}`;
}

/** The step's sentence with who was told: "党员已接单；已通知群众" / "Accepted by a party member; notified the resident". */
export function withTold(summary: string, roles: readonly string[], language: TimelineLanguage): string {
  const told = describeTold(roles, language);
  return told ? `${summary}${language === 'zh-CN' ? '；' : '; '}${told}` : summary;
}
