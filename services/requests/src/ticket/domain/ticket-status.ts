// The ticket's states as residents and staff see them, and the order the loop moves through them.

/** Every state a ticket can be in. */
export const ticketStatuses = [
  'submitted',
  'dispatched',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'cancelled',
  'reopened',
] as const;
/** A ticket's state. */
export type TicketStatus = (typeof ticketStatuses)[number];

/** States in which the loop still owes the resident something. */
export const openTicketStatuses: readonly TicketStatus[] = [
  'submitted',
  'dispatched',
  'accepted',
  'in_progress',
  'resolved',
  'reopened',
];

/** States from which the resident may still cancel: open and not yet resolved. */
export const cancellableTicketStatuses: readonly TicketStatus[] = [
  'submitted',
  'dispatched',
  'accepted',
  'in_progress',
  'reopened',
];

// How far along one dispatch cycle a status is. Within one assignment a status only ever moves to a
// higher rank; a return (decline, expiry, hand-back) or a reopening starts a new cycle at rank 0.
const rank: Record<TicketStatus, number> = {
  submitted: 0,
  reopened: 0,
  dispatched: 1,
  accepted: 2,
  in_progress: 3,
  resolved: 4,
  closed: 5,
  cancelled: 5,
};

/** Position of a status in one dispatch cycle (0 waiting for dispatch … 5 closed or cancelled). */
export function statusRank(status: TicketStatus): number {
  return rank[status];
}

/** True while the ticket is neither closed nor cancelled. */
export function isOpenStatus(status: TicketStatus): boolean {
  return openTicketStatuses.includes(status);
}

/** zh-CN names of the statuses, for messages and the timeline. */
export const statusNameZh: Record<TicketStatus, string> = {
  submitted: '待派单',
  dispatched: '已派单',
  accepted: '已接单',
  in_progress: '处理中',
  resolved: '待确认',
  closed: '已办结',
  cancelled: '已撤销',
  reopened: '已重开',
};
