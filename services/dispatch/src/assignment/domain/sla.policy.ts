// How long a ticket may wait to be accepted and to be completed, by category and urgency, counted in
// working minutes of the community's service calendar — except emergencies, which count every minute
// of the day (ADR 0024). The table is code (reviewed like code); deployments adjust it with overrides
// from configuration.

/** The calendar arithmetic the policy needs; the community's service calendar provides it. */
export interface WorkingTime {
  /** The instant `minutes` working minutes after `from` (fractions allowed). */
  addWorkingMinutes(from: Date, minutes: number): Date;
  /** Whether the community serves at the instant. */
  isOpenAt(instant: Date): boolean;
}

/** Wall-clock time: every minute counts (for deployments that serve around the clock, and tests). */
export const wallClockTime: WorkingTime = {
  addWorkingMinutes: (from, minutes) => new Date(from.getTime() + minutes * 60_000),
  isOpenAt: () => true,
};

/** The windows of one category at one urgency, in working minutes. */
export interface SlaWindows {
  /** How long one offer stays open before it expires and goes to the next candidate. */
  offerMinutes: number;
  /** From submission until the ticket must be accepted. */
  acceptMinutes: number;
  /** From submission until the work must be completed. */
  completeMinutes: number;
}

/** One override from configuration; `*` or absent matches every category or urgency. */
export interface SlaOverride {
  category?: string;
  urgency?: string;
  offerMinutes?: number;
  acceptMinutes?: number;
  completeMinutes?: number;
}

/** The deadlines of a ticket, fixed when it is submitted (or reopened). */
export interface TicketDeadlines {
  acceptDueAt: Date;
  completeDueAt: Date;
}

// Emergencies (a gas smell, a fall) are answered within the quarter hour; ordinary requests within half a
// working day and completed within five working days of the extended calendar (~12 h a day).
const windowsByUrgency: Record<string, SlaWindows> = {
  emergency: { offerMinutes: 10, acceptMinutes: 30, completeMinutes: 240 },
  urgent: { offerMinutes: 30, acceptMinutes: 120, completeMinutes: 1440 },
  normal: { offerMinutes: 120, acceptMinutes: 360, completeMinutes: 3600 },
};

// A gas smell at 23:00 cannot wait for the office to open: these urgencies count wall-clock minutes, 24×7.
const roundTheClockUrgencies: ReadonlySet<string> = new Set(['emergency']);

// Past the top escalation level the county leader and the secretary are reminded every accept window
// (督办), but never less often than hourly: a normal ticket's six-hour window would leave them idle too long.
const supervisionMaxIntervalMinutes = 60;

// Staff are told a queued ticket nobody holds is running out of time three quarters into its accept window.
const queueReminderShare = 0.75;

// Categories whose nature shifts the default: help for the elderly and safety hazards cannot wait long;
// disputes take longer to settle.
const categoryAdjustments: Record<string, Partial<Record<string, Partial<SlaWindows>>>> = {
  'elderly.disabled.help': { normal: { acceptMinutes: 180, completeMinutes: 1440 } },
  'safety.hazard': { normal: { acceptMinutes: 120, completeMinutes: 1440 } },
  'public.health': { normal: { acceptMinutes: 180, completeMinutes: 1440 } },
  'neighbour.dispute': { normal: { completeMinutes: 7200 }, urgent: { completeMinutes: 2880 } },
  'property.management': { normal: { completeMinutes: 7200 } },
};

/** The SLA policy table with configuration overrides applied (later overrides win). */
export class SlaPolicy {
  constructor(private readonly overrides: readonly SlaOverride[] = []) {
    for (const override of overrides) {
      for (const field of ['offerMinutes', 'acceptMinutes', 'completeMinutes'] as const) {
        const value = override[field];
        if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
          throw new RangeError(`SLA override ${field} must be a positive number of minutes: ${value}`);
        }
      }
    }
  }

  /** The windows for a category at an urgency (an unknown urgency is treated as normal). */
  windowsFor(categoryCode: string, urgency: string): SlaWindows {
    const base = windowsByUrgency[urgency] ?? windowsByUrgency.normal;
    const adjusted = { ...base, ...(categoryAdjustments[categoryCode]?.[urgency] ?? {}) };
    for (const override of this.overrides) {
      if (!matches(override.category, categoryCode) || !matches(override.urgency, urgency)) continue;
      if (override.offerMinutes !== undefined) adjusted.offerMinutes = override.offerMinutes;
      if (override.acceptMinutes !== undefined) adjusted.acceptMinutes = override.acceptMinutes;
      if (override.completeMinutes !== undefined) adjusted.completeMinutes = override.completeMinutes;
    }
    return adjusted;
  }

  /**
   * The working time a ticket's windows are counted in: wall-clock minutes for an emergency, the
   * community's service calendar (`communityTime`) for everything else.
   */
  workingTimeFor(urgency: string, communityTime: WorkingTime): WorkingTime {
    return roundTheClockUrgencies.has(urgency) ? wallClockTime : communityTime;
  }

  /** The accept and completion deadlines of a ticket whose clock starts at `from`. */
  deadlinesFor(
    categoryCode: string,
    urgency: string,
    from: Date,
    communityTime: WorkingTime,
  ): TicketDeadlines {
    const windows = this.windowsFor(categoryCode, urgency);
    const time = this.workingTimeFor(urgency, communityTime);
    return {
      acceptDueAt: time.addWorkingMinutes(from, windows.acceptMinutes),
      completeDueAt: time.addWorkingMinutes(from, windows.completeMinutes),
    };
  }

  /**
   * When an offer made at `now` expires: after the offer window, but never after the ticket's accept
   * deadline while that is still ahead (a late offer must not outlive the deadline it serves).
   */
  offerExpiryFor(
    categoryCode: string,
    urgency: string,
    now: Date,
    acceptDueAt: Date,
    communityTime: WorkingTime,
  ): Date {
    const time = this.workingTimeFor(urgency, communityTime);
    const window = time.addWorkingMinutes(now, this.windowsFor(categoryCode, urgency).offerMinutes);
    if (acceptDueAt.getTime() > now.getTime() && acceptDueAt.getTime() < window.getTime()) return acceptDueAt;
    return window;
  }

  /**
   * When the next escalation check falls after a breach at `breachedAt`: one more accept (or complete)
   * window, so a ticket nobody acts on climbs secretary → town/street → county.
   */
  nextEscalationCheck(
    categoryCode: string,
    urgency: string,
    deadline: 'accept' | 'complete',
    breachedAt: Date,
    communityTime: WorkingTime,
  ): Date {
    const windows = this.windowsFor(categoryCode, urgency);
    return this.workingTimeFor(urgency, communityTime).addWorkingMinutes(
      breachedAt,
      deadline === 'accept' ? windows.acceptMinutes : windows.completeMinutes,
    );
  }

  /**
   * When the next supervision reminder (督办) falls for a ticket past the top escalation level, counted
   * from `from`: one accept window later, or one working hour if the window is longer.
   */
  nextSupervisionAt(categoryCode: string, urgency: string, from: Date, communityTime: WorkingTime): Date {
    const minutes = Math.min(
      this.windowsFor(categoryCode, urgency).acceptMinutes,
      supervisionMaxIntervalMinutes,
    );
    return this.workingTimeFor(urgency, communityTime).addWorkingMinutes(from, minutes);
  }

  /**
   * When to remind the community's staff that a ticket still waits in their queue with nobody holding an
   * offer: three quarters into the accept window that started at `from` (submission or reopening).
   */
  queueReminderAt(categoryCode: string, urgency: string, from: Date, communityTime: WorkingTime): Date {
    const minutes = this.windowsFor(categoryCode, urgency).acceptMinutes * queueReminderShare;
    return this.workingTimeFor(urgency, communityTime).addWorkingMinutes(from, minutes);
  }
}

/**
 * When to remind about a deadline: four fifths of the way from `start` to it. Undefined when that
 * moment has already passed at `now` (a reminder after the fact helps nobody).
 */
export function reminderTimeFor(start: Date, deadline: Date, now: Date): Date | undefined {
  const span = deadline.getTime() - start.getTime();
  if (span <= 0) return undefined;
  const at = new Date(start.getTime() + Math.floor(span * 0.8));
  return at.getTime() > now.getTime() ? at : undefined;
}

function matches(pattern: string | undefined, value: string): boolean {
  return pattern === undefined || pattern === '*' || pattern === value;
}
