// Who hears what: the one place that maps a loop event to its recipients and the kind of message each
// gets. Pure — the caller loads the facts (ticket, community staff, linked officials) beforehand.
import type { ActorRole } from '@loop/contracts';
import type { OfficialFact, StaffFact, TicketFact } from '../../facts/domain/facts';
import type { LoopEvent } from './loop-event';
import type { NotificationKind, NotificationPriority, TemplateParams } from './notification-kind';

/** A person to tell, in the role they are told in. */
export interface Recipient {
  id: string;
  role: ActorRole;
}

/** One message to one person, before it is stored and rendered. */
export interface NotificationIntent {
  recipient: Recipient;
  kind: NotificationKind;
  priority: NotificationPriority;
  params: TemplateParams;
  /** The ticket the notification concerns; null for one about a volunteer activity. */
  ticketId: string | null;
}

/** What the rules may consult besides the event. */
export interface RuleFacts {
  /** The ticket as known before this event (null when ticket.submitted has not been seen). */
  ticket: TicketFact | null;
  /** Active and retired staff of the ticket's community; the rules pick the active ones for its grid. */
  communityStaff: readonly StaffFact[];
  /** Officials linked to the ticket's community. */
  officials: readonly OfficialFact[];
}

/** Ratings at or below this are followed up by the community. */
export const lowRatingThreshold = 2;

/** Which directory facts the rules consult for an event type; the others need not be loaded. */
export interface DirectoryNeeds {
  communityStaff: boolean;
  officials: boolean;
}

const staffHear = new Set<LoopEvent['type']>([
  'ticket.submitted',
  'assignment.declined',
  'assignment.expired',
  'assignment.handed_back',
  'ticket.escalated',
  'ticket.confirmed',
  'ticket.reopened',
  'summons.overdue',
]);

/**
 * The directory facts `notificationsFor` consults for `event`: staff only for the events staff hear
 * about, officials only for escalations. Most of a loop's events (dispatch, acceptance, work, hours)
 * concern the resident and the assignee alone, and skip both look-ups.
 */
export function directoryNeedsOf(event: LoopEvent): DirectoryNeeds {
  return { communityStaff: staffHear.has(event.type), officials: event.type === 'ticket.escalated' };
}

/**
 * Events that can only be told once the ticket is known: those whose recipients are found from the
 * ticket (resident, community, assignee), and ledger entries for a ticket, whose text names its number.
 */
export function needsTicketFact(event: LoopEvent): boolean {
  if (event.type === 'hours.credited' || event.type === 'hours.reversed')
    return event.payload.source.kind === 'ticket';
  return event.type !== 'ticket.submitted' && event.type !== 'sla.reminder_due';
}

/**
 * The notifications a loop event causes, at most one per recipient (the first, most specific rule
 * wins). Throws when the event needs the ticket and `facts.ticket` is null — see `needsTicketFact`.
 */
export function notificationsFor(event: LoopEvent, facts: RuleFacts): NotificationIntent[] {
  const intents = collect(event, facts);
  const seen = new Set<string>();
  return intents.filter((intent) => {
    if (seen.has(intent.recipient.id)) return false;
    seen.add(intent.recipient.id);
    return true;
  });
}

function collect(event: LoopEvent, facts: RuleFacts): NotificationIntent[] {
  if (event.type === 'ticket.submitted') {
    const p = event.payload;
    const ticket: TicketFact = {
      ticketId: p.ticketId,
      ticketNumber: p.ticketNumber,
      residentId: p.residentId,
      communityId: p.communityId,
      gridId: p.gridId,
      categoryCode: p.categoryCode,
      urgency: p.urgency,
      assignee: null,
    };
    const params = { ...ticketParams(ticket), urgency: p.urgency };
    // The person who filed it knows already.
    return staffFor(ticket, facts.communityStaff)
      .filter((staff) => staff.id !== p.filedBy.id)
      .map((staff) => intent(staff, 'ticket_submitted', ticket, params));
  }
  if (event.type === 'sla.reminder_due') {
    const p = event.payload;
    const params = {
      ticketNumber: facts.ticket?.ticketNumber ?? p.ticketId.slice(0, 8),
      deadlineName: p.deadlineKind,
      deadlineAt: p.deadlineAt,
      ...(p.assignmentId ? { assignmentId: p.assignmentId } : {}),
    };
    return [
      {
        recipient: { id: p.recipient.id, role: p.recipient.role },
        kind: reminderKinds[p.reason ?? 'deadline_near'],
        priority: facts.ticket ? priorityOf(facts.ticket) : 'normal',
        params,
        ticketId: p.ticketId,
      },
    ];
  }

  if (event.type === 'hours.credited' || event.type === 'hours.reversed')
    return ledgerNotifications(event, facts);

  const ticket = facts.ticket;
  if (!ticket)
    throw new Error(`${event.type} for ticket ${event.payload.ticketId} needs the ticket, which is unknown`);
  const base = ticketParams(ticket);
  const resident = residentOf(ticket);
  const staff = staffFor(ticket, facts.communityStaff);
  const toResident = (kind: NotificationKind, params: TemplateParams = base) =>
    resident ? [intent(resident, kind, ticket, params)] : [];
  const toStaff = (kind: NotificationKind, params: TemplateParams = base) =>
    staff.map((person) => intent(person, kind, ticket, params));

  switch (event.type) {
    case 'ticket.dispatched': {
      const p = event.payload;
      const assignee = { id: p.assignee.id, role: assigneeRole(p.assignee.kind) };
      // Before acceptance the assignee learns the ticket number, category, urgency, where and by when —
      // never who the resident is or how to reach them; the offer opens in the console to read the rest.
      const offer = {
        ...base,
        urgency: ticket.urgency,
        offerExpiresAt: p.offerExpiresAt,
        place: placeText(p.place),
        assignmentId: p.assignmentId,
      };
      return [intent(assignee, 'offer_received', ticket, offer), ...toResident('ticket_dispatched')];
    }
    case 'assignment.accepted':
      return toResident('ticket_accepted', { ...base, completionDueAt: event.payload.completionDueAt });
    case 'work.started':
      return toResident('work_started');
    case 'work.completed':
      return toResident('work_completed');
    case 'assignment.declined':
      return toStaff('offer_declined', { ...base, declineReason: event.payload.reasonCode });
    case 'assignment.expired': {
      const p = event.payload;
      const assignee = { id: p.assignee.id, role: assigneeRole(p.assignee.kind) };
      return [intent(assignee, 'offer_expired', ticket, base), ...toStaff('offer_expired_unaccepted')];
    }
    case 'assignment.handed_back':
      return toStaff('work_handed_back');
    case 'ticket.escalated': {
      const p = event.payload;
      const params = { ...base, levelName: p.level, escalationReason: p.reason };
      const escalatedTo = { id: p.escalatedTo.id, role: p.escalatedTo.role };
      const officials = facts.officials
        .filter(
          (o) => o.active && o.escalationLevel === p.level && o.communityIds.includes(ticket.communityId),
        )
        .map((o): Recipient => ({ id: o.officialId, role: 'official' }));
      const raised = [escalatedTo, ...officials, ...staff].map((person) =>
        urgent(intent(person, 'escalation_raised', ticket, params)),
      );
      return [...raised, ...toResident('ticket_escalated', params)];
    }
    case 'ticket.cancelled':
      return toAssigneeWithdrawn(ticket, base);
    case 'ticket.confirmed': {
      const p = event.payload;
      const closedKind =
        p.duplicateOf && p.auto ? 'duplicate_closed' : p.auto ? 'ticket_auto_confirmed' : 'ticket_closed';
      const closed = toResident(closedKind);
      const lowRated = p.rating !== null && p.rating <= lowRatingThreshold;
      return [...closed, ...(lowRated ? toStaff('low_rating', { ...base, rating: p.rating as number }) : [])];
    }
    case 'ticket.reopened':
      return toStaff('ticket_reopened', { ...base, reopenCount: event.payload.reopenCount });
    case 'ticket.merged':
      // Its own offer or assignment is withdrawn as for a cancellation; the master's assignee does the work.
      return [
        ...toAssigneeWithdrawn(ticket, base),
        ...toResident('ticket_merged', { ...base, masterTicketNumber: event.payload.masterTicketNumber }),
      ];
    case 'ticket.unmerged':
      return toResident('ticket_unmerged');
    case 'summons.issued': {
      // 吹哨报到: each department's unit admins hear they are summoned and by when to arrive.
      const p = event.payload;
      return p.departments.flatMap((department) =>
        department.adminIds.map((adminId) =>
          intent({ id: adminId, role: 'unit_admin' }, 'summons_received', ticket, {
            ...base,
            departmentLabel: department.departmentLabel,
            arriveDueAt: department.arriveDueAt,
          }),
        ),
      );
    }
    case 'summons.overdue': {
      // A late department: the community's staff and whoever it was escalated to follow it up.
      const p = event.payload;
      const params = {
        ...base,
        departmentLabel: p.departmentLabel,
        arriveDueAt: p.arriveDueAt,
        levelName: p.level,
      };
      const escalatedTo = { id: p.escalatedTo.id, role: p.escalatedTo.role };
      return [escalatedTo, ...staff].map((person) =>
        urgent(intent(person, 'summons_overdue', ticket, params)),
      );
    }
  }
}

// The assignee of a withdrawn ticket: the offer is withdrawn, or the accepted work is called off.
function toAssigneeWithdrawn(ticket: TicketFact, params: TemplateParams): NotificationIntent[] {
  const assignee = ticket.assignee;
  if (!assignee) return [];
  const recipient = { id: assignee.id, role: assigneeRole(assignee.kind) };
  return [
    intent(recipient, assignee.state === 'offered' ? 'offer_withdrawn' : 'ticket_cancelled', ticket, params),
  ];
}

/** A ticket merged into another (ADR 0016): whose resident hears what the master's resident hears. */
export interface Follower {
  ticketId: string;
  ticketNumber: string;
  residentId: string | null;
}

// The master's steps its followers hear of: dispatch and work on the one problem. Their own tickets'
// facts (closure, cancellation, merging) they hear of through their own tickets' events.
const followedEvents = new Set<LoopEvent['type']>([
  'ticket.dispatched',
  'assignment.accepted',
  'work.started',
  'work.completed',
  'ticket.escalated',
]);

/** Whether residents of merged duplicates hear `event`: only then are the ticket's followers worth reading. */
export function isHeardByFollowers(event: LoopEvent): boolean {
  return followedEvents.has(event.type);
}

/**
 * What each follower of the event's ticket hears: exactly what the ticket's resident is told, about
 * their own ticket (its number in the text, its link) — derived by the same rules. Nothing for events
 * followers do not follow, or when the ticket is unknown.
 */
export function followerNotifications(
  event: LoopEvent,
  facts: RuleFacts,
  followers: readonly Follower[],
): NotificationIntent[] {
  const master = facts.ticket;
  if (!master || !isHeardByFollowers(event)) return [];
  return followers.flatMap((follower) => {
    if (!follower.residentId) return [];
    const ticket: TicketFact = {
      ...master,
      ticketId: follower.ticketId,
      ticketNumber: follower.ticketNumber,
      residentId: follower.residentId,
    };
    return notificationsFor(event, { ...facts, ticket }).filter(
      (told) => told.recipient.role === 'resident' && told.recipient.id === follower.residentId,
    );
  });
}

type LedgerEvent = Extract<LoopEvent, { type: 'hours.credited' | 'hours.reversed' }>;

// The credited member hears of every entry on their ledger. A ticket's entry names the ticket by its
// number; an activity's entry can only give the minutes, as the event names the activity by id alone.
function ledgerNotifications(event: LedgerEvent, facts: RuleFacts): NotificationIntent[] {
  const p = event.payload;
  const member: Recipient = { id: p.memberId, role: 'member' };
  const credited = event.type === 'hours.credited';
  const reason: TemplateParams =
    event.type === 'hours.reversed' ? { reversalReason: event.payload.reason } : {};
  if (p.source.kind === 'activity') {
    const kind = credited ? 'activity_hours_credited' : 'activity_hours_reversed';
    return [{ recipient: member, kind, priority: 'normal', params: { minutes: p.minutes }, ticketId: null }];
  }
  const ticket = facts.ticket;
  if (!ticket) throw new Error(`${event.type} for ticket ${p.source.id} needs the ticket, which is unknown`);
  const params: TemplateParams = { ticketNumber: ticket.ticketNumber, minutes: p.minutes, ...reason };
  const kind = credited ? 'hours_credited' : 'hours_reversed';
  // Hours are news, never urgent, whatever the ticket's urgency was.
  return [{ recipient: member, kind, priority: 'normal', params, ticketId: ticket.ticketId }];
}

// Which reminder a sla.reminder_due is: a deadline near for whoever holds the ticket, a queued ticket
// nobody holds (to staff), or supervision past the top escalation level (督办). Older events carry no reason.
const reminderKinds: Record<string, NotificationKind> = {
  deadline_near: 'deadline_reminder',
  waiting_in_queue: 'queue_reminder',
  supervision: 'supervision_reminder',
};

/** The place of an offer as one line of names (or a dash when the event names none). */
function placeText(
  place: { community?: string; grid?: string; compound?: string; building?: string } | undefined,
): string {
  const names = [place?.community, place?.grid, place?.compound, place?.building].filter(Boolean);
  return names.length > 0 ? names.join(' ') : '—';
}

function ticketParams(ticket: TicketFact): TemplateParams {
  return { ticketNumber: ticket.ticketNumber, category: ticket.categoryCode };
}

function priorityOf(ticket: TicketFact): NotificationPriority {
  return ticket.urgency === 'normal' ? 'normal' : 'urgent';
}

function intent(
  recipient: Recipient,
  kind: NotificationKind,
  ticket: TicketFact,
  params: TemplateParams,
): NotificationIntent {
  return { recipient, kind, priority: priorityOf(ticket), params, ticketId: ticket.ticketId };
}

// An escalation means a deadline has already been missed: it reaches people even in quiet hours.
function urgent(notification: NotificationIntent): NotificationIntent {
  return { ...notification, priority: 'urgent' };
}

function residentOf(ticket: TicketFact): Recipient | null {
  return ticket.residentId ? { id: ticket.residentId, role: 'resident' } : null;
}

function assigneeRole(kind: 'member' | 'property_company'): ActorRole {
  return kind === 'member' ? 'member' : 'property_company';
}

/** Active staff of the ticket's community who cover its grid (staff with no grids cover them all). */
function staffFor(ticket: TicketFact, staff: readonly StaffFact[]): Recipient[] {
  return staff
    .filter((s) => s.active && s.communityId === ticket.communityId)
    .filter((s) => s.gridIds.length === 0 || s.gridIds.includes(ticket.gridId))
    .map((s) => ({ id: s.staffId, role: s.role }));
}
