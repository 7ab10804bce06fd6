import type { ServiceCalendar } from '../domain/service-calendar';

/** How long a replica keeps a calendar another replica may have changed. */
export const calendarCacheTtlMs = 10_000;

/**
 * Service calendars as deadline maths reads them, kept for a few seconds. Every dispatch, acceptance,
 * start and completion computes a deadline from its community's calendar and the national schedule,
 * which change a few times a year; reading them each time was a statement per step of every loop.
 * Changes made through this replica forget every calendar once they committed; another replica's
 * changes are seen within `calendarCacheTtlMs`.
 */
export class ServiceCalendarCache {
  private entries = new Map<string, { calendar: Promise<ServiceCalendar | null>; until: number }>();

  constructor(
    private readonly ttlMs = calendarCacheTtlMs,
    private readonly now: () => number = Date.now,
  ) {}

  /** The community's calendar, read with `read` when not known or older than the time to live. */
  calendarOf(
    communityId: string,
    read: () => Promise<ServiceCalendar | null>,
  ): Promise<ServiceCalendar | null> {
    const entry = this.entries.get(communityId);
    if (entry && entry.until > this.now()) return entry.calendar;
    // The promise is kept, so concurrent steps of one community share one read; a failed read is not.
    const calendar = read();
    const stored = { calendar, until: this.now() + this.ttlMs };
    this.entries.set(communityId, stored);
    calendar.catch(() => {
      if (this.entries.get(communityId) === stored) this.entries.delete(communityId);
    });
    return calendar;
  }

  /** Forgets every calendar: a community's calendar or the national schedule changed. */
  forgetAll(): void {
    this.entries = new Map();
  }
}
