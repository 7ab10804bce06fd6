// A community's service calendar and the deadline maths on it. Deadlines (accept within 30 working
// minutes, complete within 8 working hours…) are counted only while the community serves: a request
// at 20:50 on an autumn weekday has ten minutes that evening and the rest next morning, not the night.
//
// Plain data plus pure functions, so the SLA policy can be unit-tested with any instant. Times of day
// are minutes after local midnight; dates are local calendar dates `YYYY-MM-DD`.
//
// Which days are served (ADR 0021 as amended, ADR 0024), first rule that applies:
//   1. a closure of the community's own (`holidays`) — closed;
//   2. a national public holiday (法定节假日) — closed unless the community serves public holidays;
//   3. a national make-up working day (调休上班, a Saturday or Sunday) — served, like any working day;
//   4. a Saturday or Sunday — served only when the community serves weekends all day;
//   5. any other day — served.
// Every served day runs from opening to the season's extended closing time.

/** A month and day of the year, e.g. `{ month: 10, day: 1 }` for 1 October. */
export interface MonthDay {
  month: number;
  day: number;
}

/** When a community serves its residents. */
export interface ServiceCalendar {
  /** Offset of local time from UTC in minutes; Asia/Shanghai is +480 all year (no daylight saving). */
  utcOffsetMinutes: number;
  /** Opening time every service day, minutes after midnight (08:30 → 510). */
  opensAt: number;
  /** End of ordinary office hours on weekdays (17:30 → 1050); service continues in extended hours. */
  ordinaryClosesAt: number;
  /** End of extended hours in spring and summer (21:00 → 1260). */
  extendedClosesAt: number;
  /** End of extended hours in autumn and winter (20:00 → 1200). */
  autumnWinterClosesAt: number;
  /** First day of the autumn/winter season (inclusive), 1 October by default. */
  autumnWinterFrom: MonthDay;
  /** Last day of the autumn/winter season (inclusive), 31 March by default. */
  autumnWinterTo: MonthDay;
  /**
   * Whether Saturdays and Sundays are served "all day": from opening to the season's extended closing
   * time, exactly like a weekday with extended hours. When false, weekends are closed — except the
   * national make-up working days (调休上班), which are working days.
   */
  weekendsAllDay: boolean;
  /** Local dates (`YYYY-MM-DD`) on which the community does not serve (its own closures). */
  holidays: readonly string[];
  /** Whether the community also serves on national public holidays (法定节假日); false by default. */
  servesPublicHolidays: boolean;
  /** The national schedule of the years loaded; absent when the calendar is the community's own data only. */
  national?: NationalDays;
}

/** The national public-holiday schedule (国务院办公厅节假日安排) as the calendar maths reads it. */
export interface NationalDays {
  /** Public holidays (放假 dates), local dates `YYYY-MM-DD`. */
  holidays: readonly string[];
  /** Make-up working days (调休上班 dates, Saturdays or Sundays), local dates `YYYY-MM-DD`. */
  workdays: readonly string[];
}

/** What kind of day a local date is for a community, deciding whether it is served. */
export type ServiceDayKind = 'closure' | 'public_holiday' | 'make_up_workday' | 'weekend' | 'weekday';

/** An interval of service on one day, as instants. */
export interface ServiceWindow {
  opensAt: Date;
  closesAt: Date;
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
// A calendar with no service days at all would make the search below run forever.
const MAX_DAYS_SEARCHED = 3 * 366;

/** The district's standard calendar (DESIGN §1): 08:30–21:00 on weekdays (20:00 from 1 Oct to 31 Mar), weekends all day. */
export function standardServiceCalendar(overrides: Partial<ServiceCalendar> = {}): ServiceCalendar {
  return {
    utcOffsetMinutes: 480,
    opensAt: clockMinutes('08:30'),
    ordinaryClosesAt: clockMinutes('17:30'),
    extendedClosesAt: clockMinutes('21:00'),
    autumnWinterClosesAt: clockMinutes('20:00'),
    autumnWinterFrom: { month: 10, day: 1 },
    autumnWinterTo: { month: 3, day: 31 },
    weekendsAllDay: true,
    holidays: [],
    servesPublicHolidays: false,
    ...overrides,
  };
}

/** Minutes after midnight of a `HH:MM` clock time (`24:00` allowed); throws on anything else. */
export function clockMinutes(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > DAY_MINUTES) {
    throw new RangeError(`not a clock time HH:MM: ${clock}`);
  }
  return minutes;
}

/** `HH:MM` of minutes after midnight. */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `MM-DD` of a month and day. */
export function monthDayText(value: MonthDay): string {
  return `${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
}

/** The month and day of `MM-DD`; throws on anything else. */
export function parseMonthDay(text: string): MonthDay {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  const month = match ? Number(match[1]) : 0;
  const day = match ? Number(match[2]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`not a month-day MM-DD: ${text}`);
  return { month, day };
}

/** Whether the local date falls in the autumn/winter season, when extended hours end earlier. */
export function isAutumnWinter(calendar: ServiceCalendar, localDate: string): boolean {
  const [, month, day] = localDate.split('-').map(Number);
  const value = month * 100 + day;
  const from = calendar.autumnWinterFrom.month * 100 + calendar.autumnWinterFrom.day;
  const to = calendar.autumnWinterTo.month * 100 + calendar.autumnWinterTo.day;
  // The season usually wraps the new year (Oct → Mar); a calendar may also define one inside a year.
  return from <= to ? value >= from && value <= to : value >= from || value <= to;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in the community's time zone. */
export function localDateOf(calendar: ServiceCalendar, instant: Date): string {
  return new Date(instant.getTime() + calendar.utcOffsetMinutes * MINUTE_MS).toISOString().slice(0, 10);
}

/** The community's calendar combined with the national schedule, for deadline maths. */
export function withNationalDays(calendar: ServiceCalendar, national: NationalDays): ServiceCalendar {
  return { ...calendar, national };
}

/** What kind of day the local date is for the community (the first rule in the header that applies). */
export function serviceDayKindOf(calendar: ServiceCalendar, localDate: string): ServiceDayKind {
  if (calendar.holidays.includes(localDate)) return 'closure';
  if (calendar.national?.holidays.includes(localDate)) return 'public_holiday';
  if (calendar.national?.workdays.includes(localDate)) return 'make_up_workday';
  const weekday = new Date(Date.parse(`${localDate}T00:00:00.000Z`)).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'weekday';
}

/** Whether the community serves at all on the local date. */
export function servesOn(calendar: ServiceCalendar, localDate: string): boolean {
  switch (serviceDayKindOf(calendar, localDate)) {
    case 'closure':
      return false;
    case 'public_holiday':
      return calendar.servesPublicHolidays;
    case 'weekend':
      return calendar.weekendsAllDay;
    case 'make_up_workday':
    case 'weekday':
      return true;
  }
}

/** The service window of a local date, or null when the community does not serve that day. */
export function serviceWindowOn(calendar: ServiceCalendar, localDate: string): ServiceWindow | null {
  if (!servesOn(calendar, localDate)) return null;
  const midnightUtc = Date.parse(`${localDate}T00:00:00.000Z`) - calendar.utcOffsetMinutes * MINUTE_MS;
  // Weekends, make-up working days and served public holidays all run like a weekday with extended hours.
  const closesAt = isAutumnWinter(calendar, localDate)
    ? calendar.autumnWinterClosesAt
    : calendar.extendedClosesAt;
  if (closesAt <= calendar.opensAt) return null;
  return {
    opensAt: new Date(midnightUtc + calendar.opensAt * MINUTE_MS),
    closesAt: new Date(midnightUtc + closesAt * MINUTE_MS),
  };
}

/** Whether the community serves at the instant (opening inclusive, closing exclusive). */
export function isOpenAt(calendar: ServiceCalendar, instant: Date): boolean {
  const window = serviceWindowOn(calendar, localDateOf(calendar, instant));
  return window !== null && instant >= window.opensAt && instant < window.closesAt;
}

/**
 * Whether the instant is inside ordinary office hours of a working day — a weekday or a make-up
 * working day (调休上班); never extended hours, a weekend, a closure or a public holiday.
 */
export function isWithinOrdinaryHours(calendar: ServiceCalendar, instant: Date): boolean {
  const kind = serviceDayKindOf(calendar, localDateOf(calendar, instant));
  if (kind !== 'weekday' && kind !== 'make_up_workday') return false;
  const minuteOfDay = Math.floor(
    (((instant.getTime() / MINUTE_MS + calendar.utcOffsetMinutes) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES,
  );
  return minuteOfDay >= calendar.opensAt && minuteOfDay < calendar.ordinaryClosesAt;
}

/** The first instant at or after `from` when the community serves. */
export function nextOpeningAt(calendar: ServiceCalendar, from: Date): Date {
  for (const window of windowsFrom(calendar, from)) {
    if (from < window.closesAt) return from > window.opensAt ? from : window.opensAt;
  }
  throw new RangeError('the calendar has no service day in the next three years');
}

/**
 * The instant `minutes` working minutes after `from`, counting only the community's service windows.
 * Zero minutes from a closed instant is the next opening: a deadline never falls when nobody serves.
 */
export function addWorkingMinutes(calendar: ServiceCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`working minutes must be ≥ 0: ${minutes}`);
  let remainingMs = minutes * MINUTE_MS;
  for (const window of windowsFrom(calendar, from)) {
    if (from >= window.closesAt) continue;
    const start = Math.max(from.getTime(), window.opensAt.getTime());
    const available = window.closesAt.getTime() - start;
    // A deadline landing exactly on closing time stays that evening rather than moving to the next morning.
    if (remainingMs <= available) return new Date(start + remainingMs);
    remainingMs -= available;
  }
  throw new RangeError('the calendar has no service day in the next three years');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(calendar: ServiceCalendar, from: Date, to: Date): number {
  let totalMs = 0;
  for (const window of windowsFrom(calendar, from)) {
    if (window.opensAt >= to) break;
    const start = Math.max(from.getTime(), window.opensAt.getTime());
    const end = Math.min(to.getTime(), window.closesAt.getTime());
    if (end > start) totalMs += end - start;
  }
  return Math.floor(totalMs / MINUTE_MS);
}

// Service windows day by day, starting with the local day of `from`.
function* windowsFrom(calendar: ServiceCalendar, from: Date): Generator<ServiceWindow> {
  const firstDay = Date.parse(`${localDateOf(calendar, from)}T00:00:00.000Z`);
  for (let day = 0; day < MAX_DAYS_SEARCHED; day += 1) {
    const window = serviceWindowOn(
      calendar,
      new Date(firstDay + day * DAY_MINUTES * MINUTE_MS).toISOString().slice(0, 10),
    );
    if (window) yield window;
  }
}
