import schedule2026 from '../../directory/data/public-holidays-2026.json';
import { nationalDaysOf } from '../../directory/domain/public-holiday-schedule';
import {
  addWorkingMinutes,
  isOpenAt,
  ServiceCalendar,
  standardServiceCalendar,
  withNationalDays,
} from '../../directory/domain/service-calendar';
import { reminderTimeFor, SlaPolicy, wallClockTime, WorkingTime } from './sla.policy';

// The district's calendar: 08:30–21:00 on weekdays (20:00 from October to March), weekends all day.
function calendarTime(holidays: string[] = []): WorkingTime {
  return timeOf(standardServiceCalendar({ holidays }));
}

// The same calendar with the State Council's 2026 schedule, as the directory reader hands it over.
function calendarTime2026(overrides: Partial<ServiceCalendar> = {}): WorkingTime {
  return timeOf(withNationalDays(standardServiceCalendar(overrides), nationalDaysOf([schedule2026])));
}

function timeOf(calendar: ServiceCalendar): WorkingTime {
  return {
    addWorkingMinutes: (from, minutes) => addWorkingMinutes(calendar, from, minutes),
    isOpenAt: (instant) => isOpenAt(calendar, instant),
  };
}

// Instants written in Beijing time (UTC+8) to read like the calendar.
const beijing = (local: string): Date => new Date(`${local}+08:00`);

describe('the SLA policy', () => {
  const policy = new SlaPolicy();

  it('gives emergencies tighter windows than urgent, and urgent tighter than normal tickets', () => {
    const emergency = policy.windowsFor('other', 'emergency');
    const urgent = policy.windowsFor('other', 'urgent');
    const normal = policy.windowsFor('other', 'normal');
    expect(emergency.acceptMinutes).toBeLessThan(urgent.acceptMinutes);
    expect(urgent.acceptMinutes).toBeLessThan(normal.acceptMinutes);
    expect(emergency.completeMinutes).toBeLessThan(urgent.completeMinutes);
    expect(urgent.completeMinutes).toBeLessThan(normal.completeMinutes);
  });

  it('adjusts the windows by category', () => {
    expect(policy.windowsFor('elderly.disabled.help', 'normal').acceptMinutes).toBeLessThan(
      policy.windowsFor('other', 'normal').acceptMinutes,
    );
    expect(policy.windowsFor('neighbour.dispute', 'normal').completeMinutes).toBeGreaterThan(
      policy.windowsFor('other', 'normal').completeMinutes,
    );
  });

  it('treats an unknown urgency as normal', () => {
    expect(policy.windowsFor('other', 'whenever')).toEqual(policy.windowsFor('other', 'normal'));
  });

  it('lets configuration override a category, an urgency or everything, the later override winning', () => {
    const overridden = new SlaPolicy([
      { acceptMinutes: 5 },
      { category: 'safety.hazard', urgency: 'urgent', completeMinutes: 50 },
      { urgency: 'emergency', acceptMinutes: 2 },
    ]);
    expect(overridden.windowsFor('other', 'normal').acceptMinutes).toBe(5);
    expect(overridden.windowsFor('safety.hazard', 'urgent')).toMatchObject({
      acceptMinutes: 5,
      completeMinutes: 50,
    });
    expect(overridden.windowsFor('other', 'emergency').acceptMinutes).toBe(2);
  });

  it('refuses an override that is not a positive number of minutes', () => {
    expect(() => new SlaPolicy([{ acceptMinutes: 0 }])).toThrow(RangeError);
    expect(() => new SlaPolicy([{ completeMinutes: Number.NaN }])).toThrow(RangeError);
  });

  it('counts deadlines in wall-clock minutes when every minute serves', () => {
    const from = new Date('2025-06-02T02:00:00.000Z');
    const deadlines = new SlaPolicy([{ acceptMinutes: 30, completeMinutes: 90 }]).deadlinesFor(
      'other',
      'normal',
      from,
      wallClockTime,
    );
    expect(deadlines.acceptDueAt.toISOString()).toBe('2025-06-02T02:30:00.000Z');
    expect(deadlines.completeDueAt.toISOString()).toBe('2025-06-02T03:30:00.000Z');
  });

  it('does not burn the night: a request at 20:50 on an autumn weekday has ten minutes that evening and the rest next morning', () => {
    const slas = new SlaPolicy([{ acceptMinutes: 30, completeMinutes: 120 }]);
    const deadlines = slas.deadlinesFor('other', 'normal', beijing('2025-10-15T19:50:00'), calendarTime());
    // 10 minutes until 20:00, then 20 from 08:30 the next morning.
    expect(deadlines.acceptDueAt).toEqual(beijing('2025-10-16T08:50:00'));
    expect(deadlines.completeDueAt).toEqual(beijing('2025-10-16T10:20:00'));
  });

  it('keeps serving until 21:00 on a summer weekday', () => {
    const slas = new SlaPolicy([{ acceptMinutes: 30 }]);
    const deadlines = slas.deadlinesFor('other', 'normal', beijing('2025-06-04T20:20:00'), calendarTime());
    expect(deadlines.acceptDueAt).toEqual(beijing('2025-06-04T20:50:00'));
  });

  it('counts weekends, which are served all day', () => {
    const slas = new SlaPolicy([{ acceptMinutes: 60 }]);
    const deadlines = slas.deadlinesFor('other', 'normal', beijing('2025-06-07T10:00:00'), calendarTime());
    expect(deadlines.acceptDueAt).toEqual(beijing('2025-06-07T11:00:00'));
  });

  it('skips holidays', () => {
    const slas = new SlaPolicy([{ acceptMinutes: 30 }]);
    const deadlines = slas.deadlinesFor(
      'other',
      'normal',
      beijing('2025-09-30T19:45:00'),
      calendarTime(['2025-10-01']),
    );
    // 15 minutes on 30 September (still summer hours until 21:00 → 30 minutes fit) — so no carry-over.
    expect(deadlines.acceptDueAt).toEqual(beijing('2025-09-30T20:15:00'));
    const late = slas.deadlinesFor(
      'other',
      'normal',
      beijing('2025-09-30T20:45:00'),
      calendarTime(['2025-10-01']),
    );
    // 15 minutes that evening, 1 October is a holiday, the other 15 on 2 October from 08:30.
    expect(late.acceptDueAt).toEqual(beijing('2025-10-02T08:45:00'));
  });

  it('lets an offer expire after its window, but never after the accept deadline still ahead', () => {
    const slas = new SlaPolicy([{ offerMinutes: 60 }]);
    const now = new Date('2025-06-02T02:00:00.000Z');
    expect(
      slas.offerExpiryFor('other', 'normal', now, new Date('2025-06-02T02:30:00.000Z'), wallClockTime),
    ).toEqual(new Date('2025-06-02T02:30:00.000Z'));
    expect(
      slas.offerExpiryFor('other', 'normal', now, new Date('2025-06-02T05:00:00.000Z'), wallClockTime),
    ).toEqual(new Date('2025-06-02T03:00:00.000Z'));
    // The accept deadline already passed (the ticket is escalated): the offer still gets its window.
    expect(
      slas.offerExpiryFor('other', 'normal', now, new Date('2025-06-02T01:00:00.000Z'), wallClockTime),
    ).toEqual(new Date('2025-06-02T03:00:00.000Z'));
  });

  it('schedules the next escalation check one more window after a breach', () => {
    const slas = new SlaPolicy([{ acceptMinutes: 10, completeMinutes: 100 }]);
    const breach = new Date('2025-06-02T02:00:00.000Z');
    expect(slas.nextEscalationCheck('other', 'normal', 'accept', breach, wallClockTime)).toEqual(
      new Date('2025-06-02T02:10:00.000Z'),
    );
    expect(slas.nextEscalationCheck('other', 'normal', 'complete', breach, wallClockTime)).toEqual(
      new Date('2025-06-02T03:40:00.000Z'),
    );
  });
});

describe('the SLA policy for emergencies', () => {
  const policy = new SlaPolicy();

  it('counts an emergency on the wall clock: a gas smell at 23:00 must be accepted by 23:30 the same night', () => {
    const deadlines = policy.deadlinesFor(
      'safety.hazard',
      'emergency',
      beijing('2026-12-08T23:00:00'),
      calendarTime(),
    );
    expect(deadlines.acceptDueAt).toEqual(beijing('2026-12-08T23:30:00'));
    expect(deadlines.completeDueAt).toEqual(beijing('2026-12-09T03:00:00'));
  });

  it('keeps the calendar for every other urgency filed at the same moment', () => {
    const urgent = policy.deadlinesFor(
      'safety.hazard',
      'urgent',
      beijing('2026-12-08T23:00:00'),
      calendarTime(),
    );
    // 120 working minutes from Wednesday's opening at 08:30.
    expect(urgent.acceptDueAt).toEqual(beijing('2026-12-09T10:30:00'));
  });

  it('counts an emergency through a public holiday too', () => {
    const deadlines = policy.deadlinesFor(
      'other',
      'emergency',
      beijing('2026-10-01T12:00:00'),
      calendarTime2026(),
    );
    expect(deadlines.acceptDueAt).toEqual(beijing('2026-10-01T12:30:00'));
  });

  it('lets an emergency offer lapse and re-check escalation on the wall clock', () => {
    const night = beijing('2026-12-08T23:00:00');
    expect(
      policy.offerExpiryFor('other', 'emergency', night, beijing('2026-12-08T23:30:00'), calendarTime()),
    ).toEqual(beijing('2026-12-08T23:10:00'));
    expect(policy.nextEscalationCheck('other', 'emergency', 'accept', night, calendarTime())).toEqual(
      beijing('2026-12-08T23:30:00'),
    );
  });
});

describe('the SLA policy with the national schedule', () => {
  const policy = new SlaPolicy([{ acceptMinutes: 30 }]);

  it('gives a ticket filed on the eve of Golden Week its deadline after the holiday', () => {
    const deadlines = policy.deadlinesFor(
      'other',
      'normal',
      beijing('2026-09-30T20:45:00'),
      calendarTime2026(),
    );
    expect(deadlines.acceptDueAt).toEqual(beijing('2026-10-08T08:45:00'));
  });

  it('counts a 调休 Saturday as a working day for a community without weekend service', () => {
    const weekdaysOnly = calendarTime2026({ weekendsAllDay: false });
    // Friday 9 October 19:50 (autumn hours to 20:00): ten minutes, then Saturday the 10th is worked.
    const deadlines = policy.deadlinesFor('other', 'normal', beijing('2026-10-09T19:50:00'), weekdaysOnly);
    expect(deadlines.acceptDueAt).toEqual(beijing('2026-10-10T08:50:00'));
  });
});

describe('supervision and queue reminders', () => {
  it('supervises every accept window when it is shorter than an hour', () => {
    const policy = new SlaPolicy([{ acceptMinutes: 30 }]);
    const from = new Date('2026-06-02T02:00:00.000Z');
    expect(policy.nextSupervisionAt('other', 'normal', from, wallClockTime)).toEqual(
      new Date('2026-06-02T02:30:00.000Z'),
    );
  });

  it('supervises at least hourly when the accept window is longer', () => {
    const policy = new SlaPolicy();
    const from = new Date('2026-06-02T02:00:00.000Z');
    expect(policy.windowsFor('other', 'normal').acceptMinutes).toBeGreaterThan(60);
    expect(policy.nextSupervisionAt('other', 'normal', from, wallClockTime)).toEqual(
      new Date('2026-06-02T03:00:00.000Z'),
    );
  });

  it('supervises in service hours only, except for emergencies', () => {
    const policy = new SlaPolicy();
    // Tuesday 8 December 20:30 (autumn hours to 20:00): the next hour starts at Wednesday's opening.
    expect(
      policy.nextSupervisionAt('other', 'normal', beijing('2026-12-08T20:30:00'), calendarTime()),
    ).toEqual(beijing('2026-12-09T09:30:00'));
    // An emergency's 30-minute window runs through the night.
    expect(
      policy.nextSupervisionAt('other', 'emergency', beijing('2026-12-08T23:00:00'), calendarTime()),
    ).toEqual(beijing('2026-12-08T23:30:00'));
  });

  it('reminds staff of a queued ticket three quarters into its accept window, in working time', () => {
    const policy = new SlaPolicy([{ acceptMinutes: 120 }]);
    expect(policy.queueReminderAt('other', 'normal', beijing('2026-12-08T10:00:00'), calendarTime())).toEqual(
      beijing('2026-12-08T11:30:00'),
    );
    // Filed at 19:30 in autumn: 30 minutes that evening, the other 60 from 08:30.
    expect(policy.queueReminderAt('other', 'normal', beijing('2026-12-08T19:30:00'), calendarTime())).toEqual(
      beijing('2026-12-09T09:30:00'),
    );
  });
});

describe('reminder times', () => {
  const start = new Date('2025-06-02T02:00:00.000Z');
  const deadline = new Date('2025-06-02T03:40:00.000Z');

  it('fall four fifths of the way to the deadline', () => {
    expect(reminderTimeFor(start, deadline, start)).toEqual(new Date('2025-06-02T03:20:00.000Z'));
  });

  it('are skipped once that moment has passed', () => {
    expect(reminderTimeFor(start, deadline, new Date('2025-06-02T03:30:00.000Z'))).toBeUndefined();
  });

  it('are skipped for a deadline that is not after the start', () => {
    expect(reminderTimeFor(deadline, start, start)).toBeUndefined();
  });
});
