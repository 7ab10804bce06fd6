// The closed-loop figures (受理率, 办结率, 满意率 …) computed from what the timeline says happened to each
// ticket. Every rate has its definition here and in the service README; none is ever stored.

/** What the timeline says about one ticket, up to the moment of the report. */
export interface TicketLoopFacts {
  ticketId: string;
  number: string;
  /** Current status (projected from the same events). */
  status: string;
  submittedAt: Date;
  /** The acceptance that counts for "time to accept": the last one before the first completion (or reopening). */
  acceptedAt: Date | null;
  /** True when an offer expired or an acceptance-deadline escalation happened before that acceptance. */
  acceptanceLate: boolean;
  /** The first work.completed. */
  completedAt: Date | null;
  /** Completion deadline of the acceptance that led to the first completion. */
  completionDueAt: Date | null;
  cancelledAt: Date | null;
  /** True when the latest ticket.confirmed is later than the latest ticket.reopened. */
  closed: boolean;
  /** Rating of that latest confirmation (null when auto-confirmed without one). */
  rating: number | null;
  /** Who gave that rating: the resident in the app, or staff on a callback (回访); null without a rating. */
  ratedOn: RatingSource | null;
  reopens: number;
  /** assignment.declined plus assignment.handed_back. */
  returns: number;
  /** ticket.escalated events (督办 levels reached). */
  escalations: number;
  owner: { kind: string; id: string } | null;
  nextDeadlineAt: Date | null;
  /**
   * The master the ticket is merged into as a duplicate report (ADR 0016): counted as a report received,
   * not as a problem. Absent or null for a ticket running its own loop (masters and unmerged tickets).
   */
  mergedInto?: string | null;
}

/** Where a rating came from: the resident's own, or taken by staff calling the resident back (回访). */
export type RatingSource = 'resident' | 'callback';

/** Mean and 90th percentile of a duration, in seconds (null when there is nothing to measure). */
export interface DurationFigures {
  count: number;
  meanSeconds: number | null;
  p90Seconds: number | null;
}

/** One open ticket in the deadline list. */
export interface OpenTicketLine {
  ticketId: string;
  number: string;
  status: string;
  owner: { kind: string; id: string } | null;
  nextDeadlineAt: string | null;
  ageSeconds: number;
}

/** The loop report of one scope and period. */
export interface LoopReport {
  counts: {
    submitted: number;
    accepted: number;
    completed: number;
    closed: number;
    cancelled: number;
    cancelledBeforeAcceptance: number;
    reopened: number;
    returns: number;
    /** Tickets escalated at least once (督办). */
    escalated: number;
    /** Closed tickets the resident rated in the app. */
    ratedByResidents: number;
    /** Closed tickets rated by the resident on a staff callback (回访). */
    ratedOnCallback: number;
    /** Every ticket filed, duplicate reports included; `submitted` and all rates count problems only. */
    reportsReceived: number;
    /** Tickets merged into another report of the same problem (duplicates), among `reportsReceived`. */
    duplicatesMerged: number;
  };
  rates: {
    acceptanceRate: number | null;
    completionRate: number | null;
    onTimeAcceptanceRate: number | null;
    onTimeCompletionRate: number | null;
    /** 满意率: residents' own ratings of 4 or 5 among residents' own ratings. */
    satisfactionRate: number | null;
    /** The same among ratings taken on a staff callback, kept apart so staff cannot lift the figure. */
    callbackSatisfactionRate: number | null;
    reopenRate: number | null;
    returnsPerTicket: number | null;
  };
  timeToAccept: DurationFigures;
  timeToComplete: DurationFigures;
  open: {
    total: number;
    byAge: Record<OpenAgeBucket, number>;
    byOwner: Array<{ owner: string; count: number }>;
    byDeadline: Record<DeadlineBucket, number>;
    nextDeadlines: OpenTicketLine[];
  };
}

/** Age buckets of open tickets. */
export type OpenAgeBucket = 'under_1d' | 'from_1d_to_3d' | 'from_3d_to_7d' | 'over_7d';
/** Next-deadline buckets of open tickets. */
export type DeadlineBucket = 'overdue' | 'within_24h' | 'later' | 'none';

const day = 24 * 3600 * 1000;
const openStatuses = new Set(['submitted', 'dispatched', 'accepted', 'in_progress', 'resolved', 'reopened']);
const deadlineListLength = 100;

/** `numerator / denominator` rounded to 4 decimals, or null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** The nearest-rank 90th percentile: the smallest value at least 90% of the values are ≤ to. */
export function percentile90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1];
}

/** Count, mean and p90 of durations in seconds. */
export function durationFigures(seconds: readonly number[]): DurationFigures {
  if (seconds.length === 0) return { count: 0, meanSeconds: null, p90Seconds: null };
  const mean = seconds.reduce((sum, value) => sum + value, 0) / seconds.length;
  return { count: seconds.length, meanSeconds: Math.round(mean), p90Seconds: percentile90(seconds) };
}

/** Computes every figure of the report from the tickets' facts, as of `asOf`. */
export function computeLoopReport(reports: readonly TicketLoopFacts[], asOf: Date): LoopReport {
  // Every figure counts problems: a duplicate merged into its master is the master's problem reported
  // again, so it neither lifts nor lowers 受理率 and 办结率; it is counted among the reports received.
  const facts = reports.filter((t) => !t.mergedInto);
  const accepted = facts.filter((t) => t.acceptedAt);
  const completed = facts.filter((t) => t.completedAt);
  const cancelled = facts.filter((t) => t.cancelledAt);
  const cancelledBeforeAcceptance = cancelled.filter(
    (t) => !t.acceptedAt || (t.cancelledAt as Date) < t.acceptedAt,
  );
  const closed = facts.filter((t) => t.closed);
  const ratedByResidents = closed.filter((t) => t.rating !== null && t.ratedOn !== 'callback');
  const ratedOnCallback = closed.filter((t) => t.rating !== null && t.ratedOn === 'callback');
  const satisfied = (rated: readonly TicketLoopFacts[]) =>
    rated.filter((t) => (t.rating as number) >= 4).length;
  const reopened = facts.filter((t) => t.reopens > 0);
  const returns = facts.reduce((sum, t) => sum + t.returns, 0);
  const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const completedOnTime = completed.filter(
    (t) => t.completionDueAt && (t.completedAt as Date) <= t.completionDueAt,
  );

  return {
    counts: {
      submitted: facts.length,
      accepted: accepted.length,
      completed: completed.length,
      closed: closed.length,
      cancelled: cancelled.length,
      cancelledBeforeAcceptance: cancelledBeforeAcceptance.length,
      reopened: reopened.length,
      returns,
      escalated: facts.filter((t) => t.escalations > 0).length,
      ratedByResidents: ratedByResidents.length,
      ratedOnCallback: ratedOnCallback.length,
      reportsReceived: reports.length,
      duplicatesMerged: reports.length - facts.length,
    },
    rates: {
      acceptanceRate: rate(accepted.length, facts.length - cancelledBeforeAcceptance.length),
      completionRate: rate(completed.length, accepted.length),
      onTimeAcceptanceRate: rate(accepted.filter((t) => !t.acceptanceLate).length, accepted.length),
      onTimeCompletionRate: rate(completedOnTime.length, completed.length),
      satisfactionRate: rate(satisfied(ratedByResidents), ratedByResidents.length),
      callbackSatisfactionRate: rate(satisfied(ratedOnCallback), ratedOnCallback.length),
      reopenRate: rate(reopened.length, completed.length),
      returnsPerTicket: rate(returns, facts.length),
    },
    timeToAccept: durationFigures(accepted.map((t) => seconds(t.submittedAt, t.acceptedAt as Date))),
    timeToComplete: durationFigures(completed.map((t) => seconds(t.submittedAt, t.completedAt as Date))),
    open: openFigures(
      facts.filter((t) => openStatuses.has(t.status)),
      asOf,
    ),
  };
}

function openFigures(open: readonly TicketLoopFacts[], asOf: Date): LoopReport['open'] {
  const byAge: Record<OpenAgeBucket, number> = {
    under_1d: 0,
    from_1d_to_3d: 0,
    from_3d_to_7d: 0,
    over_7d: 0,
  };
  const byDeadline: Record<DeadlineBucket, number> = { overdue: 0, within_24h: 0, later: 0, none: 0 };
  const byOwner = new Map<string, number>();
  for (const ticket of open) {
    byAge[ageBucket(asOf.getTime() - ticket.submittedAt.getTime())] += 1;
    byDeadline[deadlineBucket(ticket.nextDeadlineAt, asOf)] += 1;
    const owner = ticket.owner ? `${ticket.owner.kind}:${ticket.owner.id}` : 'none';
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
  }
  const nextDeadlines = [...open]
    .sort((a, b) => (a.nextDeadlineAt?.getTime() ?? Infinity) - (b.nextDeadlineAt?.getTime() ?? Infinity))
    .slice(0, deadlineListLength)
    .map((ticket) => ({
      ticketId: ticket.ticketId,
      number: ticket.number,
      status: ticket.status,
      owner: ticket.owner,
      nextDeadlineAt: ticket.nextDeadlineAt ? ticket.nextDeadlineAt.toISOString() : null,
      ageSeconds: Math.max(0, Math.round((asOf.getTime() - ticket.submittedAt.getTime()) / 1000)),
    }));
  return {
    total: open.length,
    byAge,
    byOwner: [...byOwner.entries()]
      .map(([owner, count]) => ({ owner, count }))
      .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner)),
    byDeadline,
    nextDeadlines,
  };
}

function ageBucket(ageMs: number): OpenAgeBucket {
  if (ageMs < day) return 'under_1d';
  if (ageMs < 3 * day) return 'from_1d_to_3d';
  if (ageMs < 7 * day) return 'from_3d_to_7d';
  return 'over_7d';
}

function deadlineBucket(deadline: Date | null, asOf: Date): DeadlineBucket {
  if (!deadline) return 'none';
  const left = deadline.getTime() - asOf.getTime();
  if (left < 0) return 'overdue';
  return left <= day ? 'within_24h' : 'later';
}

/** The report as CSV rows `section,key,value` (RFC 4180 quoting), for spreadsheets. */
export function loopReportCsv(report: LoopReport): string {
  const rows: Array<[string, string, string | number | null]> = [['section', 'key', 'value']];
  for (const [key, value] of Object.entries(report.counts)) rows.push(['counts', key, value]);
  for (const [key, value] of Object.entries(report.rates)) rows.push(['rates', key, value]);
  for (const [name, figures] of [
    ['timeToAccept', report.timeToAccept],
    ['timeToComplete', report.timeToComplete],
  ] as const) {
    rows.push(
      [name, 'count', figures.count],
      [name, 'meanSeconds', figures.meanSeconds],
      [name, 'p90Seconds', figures.p90Seconds],
    );
  }
  rows.push(['open', 'total', report.open.total]);
  for (const [key, value] of Object.entries(report.open.byAge)) rows.push(['openByAge', key, value]);
  for (const [key, value] of Object.entries(report.open.byDeadline))
    rows.push(['openByDeadline', key, value]);
  for (const { owner, count } of report.open.byOwner) rows.push(['openByOwner', owner, count]);
  for (const line of report.open.nextDeadlines)
    rows.push(['nextDeadline', line.number, line.nextDeadlineAt ?? '']);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field, quoted as RFC 4180 asks when it holds a quote, comma or line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
