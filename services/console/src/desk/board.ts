// The dispatch board's order and marks: soonest deadline first (an overdue ticket's deadline has passed,
// so it leads), escalated and more urgent tickets first among equal deadlines; each row says whether it
// is overdue, how far it was escalated and how long is left. Category and urgency narrow the board
// here; the view (status) and the grid are the service's own filters.
import type { DispatchSchemas } from '../api/clients';

/** A ticket as the dispatch board lists it. */
export type BoardCase = DispatchSchemas['schemas']['DispatchCaseResponse'];

/** The board's filters that the console applies itself. */
export interface BoardFilter {
  categoryCode?: string;
  urgency?: string;
}

/** What a row shows besides the ticket's own fields. */
export interface BoardMarks {
  /** The deadline that matters now: the next one the service names, else accept or complete by status. */
  deadlineAt: string;
  deadlineKind: 'accept' | 'complete';
  overdue: boolean;
  /** 0 when not escalated. */
  escalationLevel: number;
  /** Milliseconds until the deadline; negative once it has passed. */
  remainingMs: number;
}

/** A board row: the case and its marks. */
export interface BoardRow extends BoardMarks {
  case: BoardCase;
}

const urgencyWeight: Record<string, number> = { emergency: 0, urgent: 1, normal: 2 };
const inHand = new Set(['accepted', 'in_progress', 'resolved']);

/** The marks of one case at `nowMs`. */
export function marksOf(ticket: BoardCase, nowMs: number): BoardMarks {
  const deadlineKind = ticket.nextDeadline?.kind ?? (inHand.has(ticket.status) ? 'complete' : 'accept');
  const deadlineAt =
    ticket.nextDeadline?.at ?? (deadlineKind === 'complete' ? ticket.completeDueAt : ticket.acceptDueAt);
  const remainingMs = Date.parse(deadlineAt) - nowMs;
  return {
    deadlineAt,
    deadlineKind,
    overdue: ticket.overdue || remainingMs < 0,
    escalationLevel: ticket.escalation?.level ?? 0,
    remainingMs,
  };
}

/** The board's rows: filtered, marked and in working order. */
export function boardRows(cases: readonly BoardCase[], filter: BoardFilter, nowMs: number): BoardRow[] {
  return cases
    .filter((c) => !filter.categoryCode || c.categoryCode === filter.categoryCode)
    .filter((c) => !filter.urgency || c.urgency === filter.urgency)
    .map((c) => ({ case: c, ...marksOf(c, nowMs) }))
    .sort(
      (a, b) =>
        Date.parse(a.deadlineAt) - Date.parse(b.deadlineAt) ||
        b.escalationLevel - a.escalationLevel ||
        (urgencyWeight[a.case.urgency] ?? 3) - (urgencyWeight[b.case.urgency] ?? 3) ||
        a.case.ticketNumber.localeCompare(b.case.ticketNumber),
    );
}

/** `2 天 3 小时`, `45 分钟`, `1h 5m`: a span in the largest two units, for "left" and "overdue by". */
export function spanText(ms: number, language: string): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const zh = language !== 'en';
  const unit = (n: number, zhUnit: string, enUnit: string) => (zh ? `${n} ${zhUnit}` : `${n}${enUnit}`);
  if (days > 0)
    return [unit(days, '天', 'd'), hours ? unit(hours, '小时', 'h') : ''].filter(Boolean).join(' ');
  if (hours > 0)
    return [unit(hours, '小时', 'h'), rest ? unit(rest, '分钟', 'm') : ''].filter(Boolean).join(' ');
  return unit(rest, '分钟', 'm');
}

/** The distinct categories on the board, for the category filter. */
export function categoriesOn(cases: readonly BoardCase[]): string[] {
  return [...new Set(cases.map((c) => c.categoryCode))].sort();
}
