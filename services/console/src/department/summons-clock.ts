// Where a summons stands against its arrival deadline (报到时限): the time left while the department has
// not checked in, and whether it is late (超时) — as the service says, or because the deadline has passed
// since the list was read.
import { remainingUntil, type Remaining } from '../composables/countdown';

/** The fields of a summons the clock reads. */
export interface SummonsTimes {
  status: 'issued' | 'checked_in' | 'reported' | 'released';
  arriveDueAt: string;
  late: boolean;
}

/** The arrival clock of a summons at `nowMs`. */
export interface ArrivalClock {
  /** True while the department still has to check in (a countdown is shown). */
  counting: boolean;
  /** Checked in after the deadline, or still not there past it. */
  late: boolean;
  remaining: Remaining;
}

/** The arrival clock of `summons` at `nowMs`. */
export function arrivalClock(summons: SummonsTimes, nowMs: number): ArrivalClock {
  const remaining = remainingUntil(Date.parse(summons.arriveDueAt), nowMs);
  const awaitingArrival = summons.status === 'issued';
  return {
    counting: awaitingArrival && !remaining.expired,
    late: summons.late || (awaitingArrival && remaining.expired),
    remaining,
  };
}

/** The most characters of a department's report on the phone screen. */
export const reportMaxLength = 200;

/** The report to send (trimmed), or undefined while it says nothing or is too long. */
export function reportToSend(text: string, maxLength = reportMaxLength): string | undefined {
  const trimmed = text.trim();
  return trimmed && trimmed.length <= maxLength ? trimmed : undefined;
}
