// The loop audit's rules, as a pure function of what requests knows about its tickets and what the other
// services say about them. Nothing here reads a clock, a database or the network.
import type {
  DispatchCaseFacts,
  EventNotificationFacts,
  ParkedEvent,
  ServiceName,
  TicketHoursFacts,
} from '@loop/contracts';

/** The kinds of broken loop the audit reports. */
export const loopFindingKinds = [
  'open-without-owner',
  'open-without-future-deadline',
  'closed-hours-missing',
  'closed-hours-doubled',
  'notification-missing',
  'summons-overdue-unescalated',
  'duplicate-open-after-master-closed',
] as const;
/** A kind of broken loop. */
export type LoopFindingKind = (typeof loopFindingKinds)[number];

/** One broken loop: which ticket, and what is wrong with it. */
export interface LoopFinding {
  kind: LoopFindingKind;
  ticketId: string;
  ticketNumber: string;
  /** What is wrong, in words an operator can act on. */
  detail: string;
}

/** What requests itself knows about one audited ticket. */
export interface AuditedTicket {
  id: string;
  number: string;
  status: string;
  /** When the ticket entered its current status. */
  statusChangedAt: Date;
  /** Due time of the pending auto-confirmation timer (requests' own durable timer); null when none. */
  autoConfirmTimerDueAt: Date | null;
  /**
   * The master a merged duplicate follows (ADR 0016): the master owns the work and the deadlines, and its
   * closure must close the duplicate. Absent or null for a ticket running its own loop.
   */
  master?: { id: string; status: string; statusChangedAt: Date } | null;
}

/** One event on an audited ticket's timeline. */
export interface AuditedEvent {
  eventId: string;
  ticketId: string;
  type: string;
  occurredAt: Date;
  /** When requests recorded it on the timeline (it may have arrived late). */
  recordedAt: Date;
}

/** What the other services said about the audited tickets and events. */
export interface PeerFacts {
  dispatchCases: readonly DispatchCaseFacts[];
  ticketHours: readonly TicketHoursFacts[];
  eventNotifications: readonly EventNotificationFacts[];
}

/** Everything one reconciliation looks at. */
export interface ReconciliationInput {
  tickets: readonly AuditedTicket[];
  events: readonly AuditedEvent[];
  peers: PeerFacts;
  now: Date;
  /** State and events younger than this may still be in flight and are not judged; deadlines get this grace. */
  settleMs: number;
}

/**
 * Event types the notifications service consumes: each must have been handled there, which may rightly
 * tell nobody (a cancellation with no assignee, a patrol ticket with no resident).
 */
export function notifiedEventTypes(
  catalogue: readonly { type: string; consumers: readonly ServiceName[] }[],
): string[] {
  return [...new Set(catalogue.filter((e) => e.consumers.includes('notifications')).map((e) => e.type))];
}

const closedStatus = 'closed';
const cancelledStatus = 'cancelled';
// A resolved ticket waits for its resident; requests' own auto-confirm timer is its deadline.
const residentOwnedStatus = 'resolved';

/** True while the ticket is neither closed nor cancelled. */
export function isOpenTicket(status: string): boolean {
  return status !== closedStatus && status !== cancelledStatus;
}

/** The findings of one set of tickets and events, in ticket order then rule order. */
export function reconcileLoop(input: ReconciliationInput): LoopFinding[] {
  const settledBefore = input.now.getTime() - input.settleMs;
  const cases = new Map(input.peers.dispatchCases.map((facts) => [facts.ticketId, facts]));
  const hours = new Map(input.peers.ticketHours.map((facts) => [facts.ticketId, facts]));
  const notified = new Map(input.peers.eventNotifications.map((facts) => [facts.eventId, facts]));
  const numbers = new Map(input.tickets.map((ticket) => [ticket.id, ticket.number]));
  const findings: LoopFinding[] = [];

  for (const ticket of input.tickets) {
    // A ticket that just moved may not have reached the other services yet.
    if (ticket.statusChangedAt.getTime() > settledBefore) continue;
    const found = (kind: LoopFindingKind, detail: string) =>
      findings.push({ kind, ticketId: ticket.id, ticketNumber: ticket.number, detail });
    if (ticket.master) {
      // A merged duplicate is no orphan: its master owns it. It must not outlive its master's closure.
      const finding = duplicateFinding(ticket, ticket.master, settledBefore);
      if (finding) found(...finding);
    } else if (isOpenTicket(ticket.status)) {
      ownershipFindings(ticket, cases.get(ticket.id), settledBefore).forEach(([kind, detail]) =>
        found(kind, detail),
      );
      summonsFindings(cases.get(ticket.id), settledBefore).forEach(([kind, detail]) => found(kind, detail));
    } else if (ticket.status === closedStatus) {
      const ledger = hours.get(ticket.id);
      const finding = hoursFinding(cases.get(ticket.id), ledger);
      if (finding) {
        const [kind, detail] = finding;
        const parked = kind === 'closed-hours-missing' ? (ledger?.parked ?? []) : [];
        found(kind, [detail, ...parked.map(describeParked)].join('; '));
      }
    }
  }

  for (const event of input.events) {
    const ticketNumber = numbers.get(event.ticketId);
    if (ticketNumber === undefined) continue;
    const arrivedAt = Math.max(event.occurredAt.getTime(), event.recordedAt.getTime());
    if (arrivedAt > settledBefore) continue;
    const facts = notified.get(event.eventId);
    if (handledByNotifications(facts)) continue;
    findings.push({
      kind: 'notification-missing',
      ticketId: event.ticketId,
      ticketNumber,
      detail:
        `${event.type} ${event.eventId} (${event.occurredAt.toISOString()}) was never handled by notifications` +
        (facts?.parked ? `; ${describeParked(facts.parked)}` : ''),
    });
  }
  return findings;
}

/**
 * Where a parked event is and how to put it back, for the finding it explains (docs/operations.md,
 * "Replay a dead-lettered message").
 */
export function describeParked(parked: ParkedEvent): string {
  const what = `${parked.eventType ?? 'an event'} ${parked.eventId ?? `with key ${parked.key}`}`;
  const where = `${parked.deadLetterTopic} partition ${parked.partition} offset ${parked.offset}`;
  const replay = `npx tsx tools/messaging/replay-dead-letter.ts --topic ${parked.deadLetterTopic} --partition ${parked.partition} --offset ${parked.offset}`;
  return `${what} is parked on ${where} (${parked.reason}, ${parked.parkedAt}); fix the cause, then replay: ${replay}`;
}

// Handled, even with nobody to tell, is a whole loop; a notification proves handling on its own. An
// event notifications does not answer for was never handled.
function handledByNotifications(facts: EventNotificationFacts | undefined): boolean {
  return facts !== undefined && (facts.handled || facts.notifications > 0);
}

type Finding = [LoopFindingKind, string];

// Who must act next on an open ticket, and by when.
function ownershipFindings(
  ticket: AuditedTicket,
  dispatchCase: DispatchCaseFacts | undefined,
  settledBefore: number,
): Finding[] {
  if (ticket.status === residentOwnedStatus) {
    const dueAt = ticket.autoConfirmTimerDueAt;
    if (!dueAt) return [['open-without-future-deadline', 'resolved, but no auto-confirmation is pending']];
    if (dueAt.getTime() <= settledBefore)
      return [['open-without-future-deadline', `resolved; auto-confirmation was due ${dueAt.toISOString()}`]];
    return [];
  }
  if (!dispatchCase) return [['open-without-owner', `${ticket.status}, but dispatch has no case`]];
  const findings: Finding[] = [];
  if (!dispatchCase.owner)
    findings.push([
      'open-without-owner',
      `${ticket.status}; dispatch's case (${dispatchCase.status}) has no owner`,
    ]);
  const deadline = dispatchCase.nextDeadlineAt ? new Date(dispatchCase.nextDeadlineAt) : null;
  if (!deadline)
    findings.push([
      'open-without-future-deadline',
      `${ticket.status}; dispatch's case (${dispatchCase.status}) has no pending deadline`,
    ]);
  else if (deadline.getTime() <= settledBefore)
    findings.push([
      'open-without-future-deadline',
      `${ticket.status}; dispatch's next deadline was ${deadline.toISOString()}`,
    ]);
  return findings;
}

// An open duplicate whose master closed (and had time to close it) was left behind.
function duplicateFinding(
  ticket: AuditedTicket,
  master: NonNullable<AuditedTicket['master']>,
  settledBefore: number,
): Finding | null {
  if (!isOpenTicket(ticket.status) || master.status !== closedStatus) return null;
  if (master.statusChangedAt.getTime() > settledBefore) return null;
  return [
    'duplicate-open-after-master-closed',
    `${ticket.status}, merged into ticket ${master.id}, which closed ${master.statusChangedAt.toISOString()}`,
  ];
}

/**
 * A department summoned to an open ticket (吹哨报到) is an owner with a deadline: past its arrival deadline
 * and still not on site, it must have been escalated. Checked in, reported, released or escalated is clean.
 */
function summonsFindings(dispatchCase: DispatchCaseFacts | undefined, settledBefore: number): Finding[] {
  return (dispatchCase?.openSummonses ?? [])
    .filter(
      (summons) =>
        summons.status === 'issued' &&
        summons.escalationLevel === 0 &&
        new Date(summons.arriveDueAt).getTime() <= settledBefore,
    )
    .map(
      (summons): Finding => [
        'summons-overdue-unescalated',
        `department ${summons.departmentId} (summons ${summons.summonsId}) was due on site ${summons.arriveDueAt} and was not escalated`,
      ],
    );
}

/**
 * The credits a closed ticket must hold, by volunteer-hours' rule: the confirmed completion earns one
 * standing credit when a member did it (property companies earn none; every completion carries 1–1440
 * minutes, and nothing is credited for none). Null when dispatch does not know the completion.
 */
export function creditsDue(dispatchCase: DispatchCaseFacts | undefined): number | null {
  if (!dispatchCase || dispatchCase.completedByKind === null) return null;
  return dispatchCase.completedByKind === 'member' && (dispatchCase.minutesSpent ?? 0) > 0 ? 1 : 0;
}

function hoursFinding(
  dispatchCase: DispatchCaseFacts | undefined,
  ledger: TicketHoursFacts | undefined,
): Finding | null {
  const due = creditsDue(dispatchCase);
  const standing = ledger?.standingCredits ?? 0;
  const held = `the ledger holds ${standing} standing credit${standing === 1 ? '' : 's'}`;
  if (due === null) {
    // Without the completion the due credit is unknown, but more than one is never right.
    return standing > 1 ? ['closed-hours-doubled', `closed; ${held}, at most 1 is ever due`] : null;
  }
  const who = `completed by a ${dispatchCase?.completedByKind} in ${dispatchCase?.minutesSpent ?? 0} min`;
  if (standing < due) return ['closed-hours-missing', `closed, ${who}; ${held}, ${due} due`];
  if (standing > due) return ['closed-hours-doubled', `closed, ${who}; ${held}, ${due} due`];
  return null;
}

/** Number of findings of each kind, every kind present. */
export function countFindings(findings: readonly LoopFinding[]): Record<LoopFindingKind, number> {
  const counts = Object.fromEntries(loopFindingKinds.map((kind) => [kind, 0])) as Record<
    LoopFindingKind,
    number
  >;
  for (const finding of findings) counts[finding.kind] += 1;
  return counts;
}
