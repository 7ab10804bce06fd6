import { describe, expect, it } from 'vitest';
import { calendarForm, calendarRequest, type ServiceCalendar } from './calendar-form';

const calendar: ServiceCalendar = {
  opensAt: '08:30',
  ordinaryClosesAt: '17:30',
  extendedClosesAt: '20:00',
  autumnWinterClosesAt: '17:00',
  autumnWinterFrom: '10-01',
  autumnWinterTo: '04-30',
  weekendsAllDay: false,
  servesPublicHolidays: true,
  utcOffsetMinutes: 480,
  holidays: ['2026-12-24', '2026-12-25'],
};

describe('the service calendar form', () => {
  it('shows the closures one a line and sends back the same calendar unchanged', () => {
    const form = calendarForm(calendar);
    expect(form.holidaysText).toBe('2026-12-24\n2026-12-25');
    expect(calendarRequest(form)).toEqual(calendar);
  });

  it('accepts closures separated by lines or commas, once each and in order', () => {
    const form = {
      ...calendarForm(calendar),
      holidaysText: '2026-12-31，2026-12-24\n\n 2026-12-24, 2027-01-02 ',
    };
    expect(calendarRequest(form).holidays).toEqual(['2026-12-24', '2026-12-31', '2027-01-02']);
  });
});
