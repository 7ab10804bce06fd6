// The national public-holiday schedule of one year (国务院办公厅关于某年部分节假日安排的通知): the days
// off (放假) and the weekend days worked instead (调休上班). The State Council publishes it each
// November for the next year, so it is data the district admin loads, not code (ADR 0024).
//
// Pure: the rules a schedule must satisfy before it is stored, and how the schedules of several years
// become the national days of a service calendar.
import type { NationalDays } from './service-calendar';

/** One year's national schedule. */
export interface PublicHolidaySchedule {
  year: number;
  /** Where it comes from, e.g. the notice's title or document number; shown to whoever audits it. */
  source: string;
  /** Public holidays (放假 dates), `YYYY-MM-DD`, sorted. */
  holidays: readonly string[];
  /** Make-up working days (调休上班 dates, each a Saturday or Sunday), `YYYY-MM-DD`, sorted. */
  workdays: readonly string[];
}

/**
 * Why a schedule is refused, naming the field (`holidays.3`). `code` and `params` follow the platform's
 * field-error convention: `isDate`, `min` and `max` (with the bound), `arrayUnique`, or this module's own
 * `publicHolidays.*` codes.
 */
export interface ScheduleViolation {
  field: string;
  code: string;
  params: unknown[];
  /** English explanation (the fallback when the code has no translation). */
  message: string;
  /** The explanation in zh-CN, for the rules only this schedule has. */
  messageZh?: string;
}

/** A date in both lists: a day cannot be both off and worked. */
export const inBothListsCode = 'publicHolidays.inBothLists';
/** A make-up working day that is not a Saturday or Sunday: weekdays are working days anyway. */
export const workdayNotWeekendCode = 'publicHolidays.workdayNotWeekend';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The violations of a candidate schedule for `year`; empty when it may be stored. */
export function scheduleViolations(
  year: number,
  candidate: { holidays: readonly string[]; workdays: readonly string[] },
): ScheduleViolation[] {
  const violations = [
    ...listViolations(year, 'holidays', candidate.holidays),
    ...listViolations(year, 'workdays', candidate.workdays),
  ];
  const holidays = new Set(candidate.holidays);
  candidate.workdays.forEach((date, index) => {
    if (holidays.has(date)) {
      violations.push({
        field: `workdays.${index}`,
        code: inBothListsCode,
        params: [date],
        message: `${date} is also listed as a holiday`,
        messageZh: `${date} 同时被列为放假日，一天不能既放假又上班`,
      });
    } else if (isRealDate(date) && !isWeekend(date)) {
      violations.push({
        field: `workdays.${index}`,
        code: workdayNotWeekendCode,
        params: [date],
        message: `${date} is a weekday; a make-up working day (调休上班) is a Saturday or Sunday`,
        messageZh: `${date} 是工作日；调休上班日应为周六或周日`,
      });
    }
  });
  return violations;
}

/** The schedule as stored: lists deduplicated and sorted, the source trimmed. */
export function normalisedSchedule(
  year: number,
  input: { source: string; holidays: readonly string[]; workdays: readonly string[] },
): PublicHolidaySchedule {
  return {
    year,
    source: input.source.trim(),
    holidays: [...new Set(input.holidays)].sort(),
    workdays: [...new Set(input.workdays)].sort(),
  };
}

/** The national days of every schedule given, for the calendar maths (a year not given has none). */
export function nationalDaysOf(schedules: readonly PublicHolidaySchedule[]): NationalDays {
  return {
    holidays: schedules.flatMap((schedule) => schedule.holidays).sort(),
    workdays: schedules.flatMap((schedule) => schedule.workdays).sort(),
  };
}

function listViolations(year: number, field: string, dates: readonly string[]): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const seen = new Set<string>();
  dates.forEach((date, index) => {
    const at = `${field}.${index}`;
    if (!isRealDate(date)) {
      violations.push({ field: at, code: 'isDate', params: [], message: `${date} is not a date YYYY-MM-DD` });
    } else if (date < `${year}-01-01`) {
      violations.push({
        field: at,
        code: 'min',
        params: [`${year}-01-01`],
        message: `${date} is before ${year}`,
      });
    } else if (date > `${year}-12-31`) {
      violations.push({
        field: at,
        code: 'max',
        params: [`${year}-12-31`],
        message: `${date} is after ${year}`,
      });
    } else if (seen.has(date)) {
      violations.push({ field, code: 'arrayUnique', params: [], message: `${date} is listed twice` });
    }
    seen.add(date);
  });
  return violations;
}

// A calendar date that exists (2026-02-30 does not).
function isRealDate(date: string): boolean {
  const match = datePattern.exec(date);
  if (!match) return false;
  const parsed = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return parsed.toISOString().slice(0, 10) === date;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
