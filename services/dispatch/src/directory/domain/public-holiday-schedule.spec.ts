import schedule2026 from '../data/public-holidays-2026.json';
import {
  inBothListsCode,
  nationalDaysOf,
  normalisedSchedule,
  scheduleViolations,
  workdayNotWeekendCode,
} from './public-holiday-schedule';

describe('a national public-holiday schedule', () => {
  describe('as shipped for 2026', () => {
    it('follows the State Council notice: 33 days off and six make-up working days', () => {
      expect(schedule2026.year).toBe(2026);
      expect(schedule2026.source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
      expect(schedule2026.holidays).toHaveLength(33);
      expect(schedule2026.workdays).toEqual([
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ]);
      // 春节 2月15日–23日, 国庆节 10月1日–7日 in full.
      for (let day = 15; day <= 23; day += 1) expect(schedule2026.holidays).toContain(`2026-02-${day}`);
      for (let day = 1; day <= 7; day += 1) expect(schedule2026.holidays).toContain(`2026-10-0${day}`);
    });

    it('passes the rules an admin load must pass, and is stored sorted', () => {
      expect(scheduleViolations(2026, schedule2026)).toEqual([]);
      expect(normalisedSchedule(2026, schedule2026).holidays).toEqual([...schedule2026.holidays].sort());
    });
  });

  it('refuses a date outside the year, naming the field and the bound', () => {
    expect(scheduleViolations(2027, { holidays: ['2026-12-31', '2028-01-01'], workdays: [] })).toEqual([
      expect.objectContaining({ field: 'holidays.0', code: 'min', params: ['2027-01-01'] }),
      expect.objectContaining({ field: 'holidays.1', code: 'max', params: ['2027-12-31'] }),
    ]);
  });

  it('refuses a date that does not exist', () => {
    expect(scheduleViolations(2027, { holidays: ['2027-02-30'], workdays: [] })).toEqual([
      expect.objectContaining({ field: 'holidays.0', code: 'isDate' }),
    ]);
  });

  it('refuses a day that is both off and worked', () => {
    expect(scheduleViolations(2026, { holidays: ['2026-10-10'], workdays: ['2026-10-10'] })).toEqual([
      expect.objectContaining({ field: 'workdays.0', code: inBothListsCode, params: ['2026-10-10'] }),
    ]);
  });

  it('refuses a make-up working day that is not a Saturday or Sunday', () => {
    // Monday 21 September 2026 — a typo for Sunday the 20th.
    expect(scheduleViolations(2026, { holidays: [], workdays: ['2026-09-21'] })).toEqual([
      expect.objectContaining({ field: 'workdays.0', code: workdayNotWeekendCode }),
    ]);
  });

  it('refuses a date listed twice', () => {
    expect(scheduleViolations(2026, { holidays: ['2026-10-01', '2026-10-01'], workdays: [] })).toEqual([
      expect.objectContaining({ field: 'holidays', code: 'arrayUnique' }),
    ]);
  });

  it('gives the calendar the days of every year loaded', () => {
    const other = { year: 2030, source: 'test', holidays: ['2030-01-01'], workdays: ['2030-01-05'] };
    const national = nationalDaysOf([schedule2026, other]);
    expect(national.holidays).toContain('2026-10-01');
    expect(national.holidays).toContain('2030-01-01');
    expect(national.workdays).toContain('2030-01-05');
  });
});
