// What `npm run bench -- --chaos` inflicts while the tickets stream in, and how its outcome is judged.
// Pure, so the schedule and the verdict are tested without starting anything.

/** One thing that goes wrong during the stream. */
export type Disruption = 'requests' | 'dispatch' | 'volunteer-hours' | 'notifications' | 'kafka';

/** Every service killed with SIGKILL and restarted, then the broker restarted, in this order. */
export const chaosDisruptions: readonly Disruption[] = [
  'requests',
  'dispatch',
  'volunteer-hours',
  'notifications',
  'kafka',
];

/** When a disruption starts, in seconds after the first submission. */
export interface ScheduledDisruption {
  at: number;
  what: Disruption;
}

/**
 * Spreads the disruptions evenly over the middle of the arrivals (from 20 % to 80 % of them), so each
 * one hits a stream that is in full flow, with tickets at every hop, and the last leaves time to recover
 * while tickets still arrive.
 */
export function chaosSchedule(
  arrivalSeconds: number,
  disruptions: readonly Disruption[] = chaosDisruptions,
): ScheduledDisruption[] {
  if (disruptions.length === 0) return [];
  const first = arrivalSeconds * 0.2;
  const step = disruptions.length > 1 ? (arrivalSeconds * 0.6) / (disruptions.length - 1) : 0;
  return disruptions.map((what, index) => ({ at: Math.round((first + index * step) * 10) / 10, what }));
}

/** How the hours.credited facts of the run line up with the submitted tickets. */
export interface ExactlyOnceVerdict {
  submitted: number;
  /** Tickets credited by exactly one ledger entry. */
  creditedOnce: number;
  /** Tickets submitted and never credited. */
  neverCredited: string[];
  /** Tickets credited by more than one distinct ledger entry (distinct event ids). */
  creditedMoreThanOnce: string[];
  /** Credits for tickets this run did not submit (none expected). */
  creditedUnknown: string[];
}

/**
 * Judges exactly-once closure: `credits` maps a ticket id to the distinct event ids of the
 * hours.credited facts naming it. A redelivered event (same id) counts once; two entries are a double
 * credit however they came about.
 */
export function exactlyOnceVerdict(
  submittedTicketIds: Iterable<string>,
  credits: ReadonlyMap<string, ReadonlySet<string>>,
): ExactlyOnceVerdict {
  const submitted = new Set(submittedTicketIds);
  const verdict: ExactlyOnceVerdict = {
    submitted: submitted.size,
    creditedOnce: 0,
    neverCredited: [],
    creditedMoreThanOnce: [],
    creditedUnknown: [],
  };
  for (const ticketId of submitted) {
    const count = credits.get(ticketId)?.size ?? 0;
    if (count === 0) verdict.neverCredited.push(ticketId);
    else if (count === 1) verdict.creditedOnce += 1;
    else verdict.creditedMoreThanOnce.push(ticketId);
  }
  for (const ticketId of credits.keys()) if (!submitted.has(ticketId)) verdict.creditedUnknown.push(ticketId);
  return verdict;
}

/** Whether the run closed every ticket exactly once. */
export function closedExactlyOnce(verdict: ExactlyOnceVerdict): boolean {
  return (
    verdict.creditedOnce === verdict.submitted &&
    verdict.creditedMoreThanOnce.length === 0 &&
    verdict.creditedUnknown.length === 0
  );
}
