/** What a notification tells its recipient; each kind has one template in each language. */
export const notificationKinds = [
  'ticket_submitted',
  'ticket_dispatched',
  'ticket_accepted',
  'work_started',
  'work_completed',
  'ticket_escalated',
  'ticket_closed',
  'ticket_auto_confirmed',
  'ticket_merged',
  'ticket_unmerged',
  'duplicate_closed',
  'offer_received',
  'deadline_reminder',
  'supervision_reminder',
  'queue_reminder',
  'offer_expired',
  'offer_withdrawn',
  'ticket_cancelled',
  'offer_declined',
  'offer_expired_unaccepted',
  'work_handed_back',
  'escalation_raised',
  'low_rating',
  'ticket_reopened',
  'hours_credited',
  'hours_reversed',
  'activity_hours_credited',
  'activity_hours_reversed',
  'summons_received',
  'summons_overdue',
] as const;

/** What a notification tells its recipient, e.g. `offer_received`. */
export type NotificationKind = (typeof notificationKinds)[number];

/** How a notification treats quiet hours: urgent ones go through at any hour, normal ones wait. */
export type NotificationPriority = 'normal' | 'urgent';

/** Values a template may refer to; every value is plain text or a number, never personal data. */
export type TemplateParams = Readonly<Record<string, string | number>>;
