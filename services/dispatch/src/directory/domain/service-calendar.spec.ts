import schedule2026 from '../data/public-holidays-2026.json';
import { nationalDaysOf } from './public-holiday-schedule';
import {
  addWorkingMinutes,
  clockMinutes,
  isAutumnWinter,
  isOpenAt,
  isWithinOrdinaryHours,
  nextOpeningAt,
  parseMonthDay,
  serviceDayKindOf,
  serviceWindowOn,
  standardServiceCalendar,
  withNationalDays,
  workingMinutesBetween,
} from './service-calendar';

// Instants are written in Beijing time (+08:00) so the cases read like the calendar they test.
const at = (local: string): Date => new Date(`${local}+08:00`);

describe('a community service calendar', () => {
  const calendar = standardServiceCalendar();

  describe('on a spring weekday (Tuesday 2025-04-15)', () => {
    it('serves from 08:30 until 21:00', () => {
      expect(serviceWindowOn(calendar, '2025-04-15')).toEqual({
        opensAt: at('2025-04-15T08:30:00'),
        closesAt: at('2025-04-15T21:00:00'),
      });
    });

    it('is open at opening time and closed at closing time', () => {
      expect(isOpenAt(calendar, at('2025-04-15T08:29:59'))).toBe(false);
      expect(isOpenAt(calendar, at('2025-04-15T08:30:00'))).toBe(true);
      expect(isOpenAt(calendar, at('2025-04-15T20:59:59'))).toBe(true);
      expect(isOpenAt(calendar, at('2025-04-15T21:00:00'))).toBe(false);
    });

    it('tells ordinary office hours from extended hours', () => {
      expect(isWithinOrdinaryHours(calendar, at('2025-04-15T10:00:00'))).toBe(true);
      expect(isWithinOrdinaryHours(calendar, at('2025-04-15T19:00:00'))).toBe(false);
      expect(isOpenAt(calendar, at('2025-04-15T19:00:00'))).toBe(true);
    });

    it('counts a deadline inside the same evening when it fits', () => {
      expect(addWorkingMinutes(calendar, at('2025-04-15T20:00:00'), 30)).toEqual(at('2025-04-15T20:30:00'));
    });

    it('lets a deadline that ends exactly at closing time stay that evening', () => {
      expect(addWorkingMinutes(calendar, at('2025-04-15T20:30:00'), 30)).toEqual(at('2025-04-15T21:00:00'));
    });
  });

  describe('in autumn and winter', () => {
    it('closes at 20:00 on weekdays from 1 October to 31 March', () => {
      expect(serviceWindowOn(calendar, '2025-10-01')?.closesAt).toEqual(at('2025-10-01T20:00:00'));
      expect(serviceWindowOn(calendar, '2026-03-31')?.closesAt).toEqual(at('2026-03-31T20:00:00'));
      expect(serviceWindowOn(calendar, '2025-09-30')?.closesAt).toEqual(at('2025-09-30T21:00:00'));
      expect(serviceWindowOn(calendar, '2026-04-01')?.closesAt).toEqual(at('2026-04-01T21:00:00'));
    });

    it('switches season on the configured dates', () => {
      const november = standardServiceCalendar({
        autumnWinterFrom: parseMonthDay('11-15'),
        autumnWinterTo: parseMonthDay('02-28'),
      });
      expect(isAutumnWinter(november, '2025-11-14')).toBe(false);
      expect(isAutumnWinter(november, '2025-11-15')).toBe(true);
      expect(isAutumnWinter(november, '2026-01-10')).toBe(true);
      expect(isAutumnWinter(november, '2026-03-01')).toBe(false);
    });

    it('accepts a season that does not wrap the new year', () => {
      const summer = standardServiceCalendar({
        autumnWinterFrom: parseMonthDay('06-01'),
        autumnWinterTo: parseMonthDay('08-31'),
      });
      expect(isAutumnWinter(summer, '2025-07-01')).toBe(true);
      expect(isAutumnWinter(summer, '2025-12-01')).toBe(false);
    });

    it('does not burn the night for a request at 20:50 on an autumn weekday', () => {
      // Thursday 2025-10-16: 20:00 closing has passed, so all 30 minutes count from Friday 08:30.
      expect(addWorkingMinutes(calendar, at('2025-10-16T20:50:00'), 30)).toEqual(at('2025-10-17T09:00:00'));
    });

    it('counts the minutes left before 20:00 and carries the rest to the next morning', () => {
      // Wednesday 2025-11-05 19:50: ten minutes that evening, twenty the next morning.
      expect(addWorkingMinutes(calendar, at('2025-11-05T19:50:00'), 30)).toEqual(at('2025-11-06T08:50:00'));
    });

    it('keeps 21:00 closing on a spring weekday at 20:50', () => {
      expect(addWorkingMinutes(calendar, at('2025-04-16T20:50:00'), 30)).toEqual(at('2025-04-17T08:50:00'));
    });
  });

  describe('at weekends', () => {
    it('serves all day on Saturday and Sunday', () => {
      expect(isOpenAt(calendar, at('2025-04-19T12:00:00'))).toBe(true);
      expect(isOpenAt(calendar, at('2025-04-20T20:30:00'))).toBe(true);
      expect(isWithinOrdinaryHours(calendar, at('2025-04-19T12:00:00'))).toBe(false);
    });

    it('counts weekend minutes when weekends are served', () => {
      // Friday 2025-04-18 20:30: thirty minutes on Friday, the remaining 30 on Saturday morning.
      expect(addWorkingMinutes(calendar, at('2025-04-18T20:30:00'), 60)).toEqual(at('2025-04-19T09:00:00'));
    });

    it('skips the weekend when the community does not serve at weekends', () => {
      const weekdaysOnly = standardServiceCalendar({ weekendsAllDay: false });
      expect(isOpenAt(weekdaysOnly, at('2025-04-19T12:00:00'))).toBe(false);
      expect(addWorkingMinutes(weekdaysOnly, at('2025-04-18T20:30:00'), 60)).toEqual(
        at('2025-04-21T09:00:00'),
      );
    });
  });

  describe('on holidays', () => {
    const withNationalDay = standardServiceCalendar({
      holidays: ['2025-10-01', '2025-10-02', '2025-10-03'],
    });

    it('is closed all day', () => {
      expect(serviceWindowOn(withNationalDay, '2025-10-02')).toBeNull();
      expect(isOpenAt(withNationalDay, at('2025-10-02T10:00:00'))).toBe(false);
    });

    it('carries a deadline over the holidays to the next service day', () => {
      // Tuesday 30 September 19:30 (still summer hours, closing at 21:00): 90 minutes that evening,
      // then three holidays, then Saturday 4 October from 08:30.
      expect(addWorkingMinutes(withNationalDay, at('2025-09-30T19:30:00'), 120)).toEqual(
        at('2025-10-04T09:00:00'),
      );
    });

    it('finds the next opening after the holidays', () => {
      expect(nextOpeningAt(withNationalDay, at('2025-10-01T09:00:00'))).toEqual(at('2025-10-04T08:30:00'));
    });
  });

  describe('deadline arithmetic', () => {
    it('starts a deadline at opening time for a request before opening', () => {
      expect(addWorkingMinutes(calendar, at('2025-04-15T06:00:00'), 45)).toEqual(at('2025-04-15T09:15:00'));
    });

    it('spans several days for a long completion deadline', () => {
      // 750 working minutes a spring day (08:30–21:00): 2 days and 60 minutes from Monday 08:30.
      expect(addWorkingMinutes(calendar, at('2025-04-14T08:30:00'), 2 * 750 + 60)).toEqual(
        at('2025-04-16T09:30:00'),
      );
    });

    it('puts a zero-minute deadline at the next opening when closed', () => {
      expect(addWorkingMinutes(calendar, at('2025-04-15T22:00:00'), 0)).toEqual(at('2025-04-16T08:30:00'));
      expect(nextOpeningAt(calendar, at('2025-04-15T10:00:00'))).toEqual(at('2025-04-15T10:00:00'));
    });

    it('measures working minutes between two instants, skipping the night', () => {
      expect(workingMinutesBetween(calendar, at('2025-10-16T19:50:00'), at('2025-10-17T08:50:00'))).toBe(30);
      expect(workingMinutesBetween(calendar, at('2025-10-17T09:00:00'), at('2025-10-17T08:00:00'))).toBe(0);
    });

    it('is the inverse of adding working minutes', () => {
      const from = at('2025-12-24T17:12:00');
      const due = addWorkingMinutes(calendar, from, 480);
      expect(workingMinutesBetween(calendar, from, due)).toBe(480);
    });

    it('refuses negative minutes and a calendar that never serves', () => {
      expect(() => addWorkingMinutes(calendar, at('2025-04-15T10:00:00'), -1)).toThrow(RangeError);
      const never = standardServiceCalendar({ weekendsAllDay: false, opensAt: clockMinutes('21:00') });
      expect(() => addWorkingMinutes(never, at('2025-04-15T10:00:00'), 10)).toThrow(RangeError);
    });

    it('reads clock times and refuses malformed ones', () => {
      expect(clockMinutes('20:00')).toBe(1200);
      expect(() => clockMinutes('25:00')).toThrow(RangeError);
      expect(() => clockMinutes('8:30')).toThrow(RangeError);
      expect(() => parseMonthDay('13-01')).toThrow(RangeError);
    });
  });

  describe('with the national schedule of 2026 (国务院办公厅关于2026年部分节假日安排的通知)', () => {
    const national = nationalDaysOf([schedule2026]);
    const standard = withNationalDays(calendar, national);
    const weekdaysOnly = withNationalDays(standardServiceCalendar({ weekendsAllDay: false }), national);

    it('is closed on a public holiday, even one falling on a weekday', () => {
      // Friday 1 May 2026, 劳动节.
      expect(serviceDayKindOf(standard, '2026-05-01')).toBe('public_holiday');
      expect(serviceWindowOn(standard, '2026-05-01')).toBeNull();
      expect(isWithinOrdinaryHours(standard, at('2026-05-01T10:00:00'))).toBe(false);
    });

    it('serves a public holiday when the community says it serves public holidays, from opening to extended closing', () => {
      const servesHolidays = withNationalDays(
        standardServiceCalendar({ servesPublicHolidays: true }),
        national,
      );
      expect(serviceWindowOn(servesHolidays, '2026-05-01')).toEqual({
        opensAt: at('2026-05-01T08:30:00'),
        closesAt: at('2026-05-01T21:00:00'),
      });
    });

    it('counts a 调休 Saturday as a working day for a community without weekend service', () => {
      // Saturday 9 May 2026 is worked for 劳动节; Saturday 16 May is an ordinary weekend.
      expect(serviceDayKindOf(weekdaysOnly, '2026-05-09')).toBe('make_up_workday');
      expect(serviceWindowOn(weekdaysOnly, '2026-05-09')).toEqual({
        opensAt: at('2026-05-09T08:30:00'),
        closesAt: at('2026-05-09T21:00:00'),
      });
      expect(isWithinOrdinaryHours(weekdaysOnly, at('2026-05-09T10:00:00'))).toBe(true);
      expect(serviceWindowOn(weekdaysOnly, '2026-05-16')).toBeNull();
      // Friday 8 May 20:30: thirty minutes that evening, the other thirty on the 调休 Saturday.
      expect(addWorkingMinutes(weekdaysOnly, at('2026-05-08T20:30:00'), 60)).toEqual(
        at('2026-05-09T09:00:00'),
      );
    });

    it("lets the community's own closure win over a 调休 working day", () => {
      const closed = withNationalDays(
        standardServiceCalendar({ weekendsAllDay: false, holidays: ['2026-05-09'] }),
        national,
      );
      expect(serviceDayKindOf(closed, '2026-05-09')).toBe('closure');
      expect(serviceWindowOn(closed, '2026-05-09')).toBeNull();
    });

    it('carries a deadline filed on the eve of Golden Week past all seven days, to Thursday 8 October', () => {
      // Wednesday 30 September 20:45 (summer hours to 21:00): 15 minutes that evening, 1–7 October off,
      // the other 15 minutes from 08:30 on the 8th.
      expect(addWorkingMinutes(standard, at('2026-09-30T20:45:00'), 30)).toEqual(at('2026-10-08T08:45:00'));
      expect(nextOpeningAt(standard, at('2026-10-03T12:00:00'))).toEqual(at('2026-10-08T08:30:00'));
    });

    it('serves the 调休 Saturday after Golden Week in autumn hours', () => {
      expect(serviceWindowOn(weekdaysOnly, '2026-10-10')?.closesAt).toEqual(at('2026-10-10T20:00:00'));
    });

    it('crosses the year boundary with the schedules of both years', () => {
      const next = {
        year: 2027,
        source: 'unit test: an assumed schedule, not the official one',
        holidays: ['2027-01-01'],
        workdays: [],
      };
      const bothYears = withNationalDays(calendar, nationalDaysOf([schedule2026, next]));
      // Thursday 31 December 2026 19:50 (autumn hours to 20:00): ten minutes, then the 1st is off.
      expect(addWorkingMinutes(bothYears, at('2026-12-31T19:50:00'), 30)).toEqual(at('2027-01-02T08:50:00'));
      // Without 2027 loaded, 1 January 2027 counts as an ordinary Friday.
      expect(addWorkingMinutes(standard, at('2026-12-31T19:50:00'), 30)).toEqual(at('2027-01-01T08:50:00'));
    });

    it('treats the 2026 new-year holiday and its 调休 Sunday like the notice says', () => {
      expect(serviceWindowOn(weekdaysOnly, '2026-01-02')).toBeNull();
      expect(serviceWindowOn(weekdaysOnly, '2026-01-04')).not.toBeNull();
    });
  });
});
