// Where a notification leads in the web console: the task for an assignee's offer or reminder, the
// ticket for everyone else it concerns, the hours statement for credits. Derived, never stored, so
// notifications stored before links existed lead somewhere too.
import type { NotificationKind, TemplateParams } from './notification-kind';

// Kinds that speak to the assignee about their offer or assignment.
const taskKinds: ReadonlySet<NotificationKind> = new Set([
  'offer_received',
  'deadline_reminder',
  'offer_expired',
  'offer_withdrawn',
]);

const hoursKinds: ReadonlySet<NotificationKind> = new Set([
  'hours_credited',
  'hours_reversed',
  'activity_hours_credited',
  'activity_hours_reversed',
]);

/** The console path a notification opens, or null when it leads nowhere in particular. */
export function notificationLink(notification: {
  kind: NotificationKind;
  params: TemplateParams;
  ticketId: string | null;
}): string | null {
  const { kind, params, ticketId } = notification;
  if (taskKinds.has(kind) && typeof params.assignmentId === 'string') return `/tasks/${params.assignmentId}`;
  if (hoursKinds.has(kind)) return '/me/hours';
  if (ticketId) return `/tickets/${ticketId}`;
  return null;
}
