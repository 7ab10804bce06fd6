import { formatClockTime, parseClockTime, releaseTimeAfterQuietHours } from './quiet-hours';

const night = { startMinute: 22 * 60, endMinute: 7 * 60 };
const lunch = { startMinute: 12 * 60, endMinute: 14 * 60 };

describe('quiet hours on the Asia/Shanghai clock', () => {
  it('holds a message sent at 23:30 Beijing time until 07:00 the next morning', () => {
    // 23:30 in Shanghai is 15:30 UTC.
    expect(releaseTimeAfterQuietHours(new Date('2026-03-01T15:30:00Z'), night).toISOString()).toBe(
      '2026-03-01T23:00:00.000Z',
    );
  });

  it('holds a message sent at 05:00 Beijing time until 07:00 the same morning', () => {
    expect(releaseTimeAfterQuietHours(new Date('2026-03-01T21:00:00Z'), night).toISOString()).toBe(
      '2026-03-01T23:00:00.000Z',
    );
  });

  it('lets a message through outside the window', () => {
    const now = new Date('2026-03-01T02:00:00Z'); // 10:00 in Shanghai
    expect(releaseTimeAfterQuietHours(now, night)).toBe(now);
    expect(releaseTimeAfterQuietHours(now, lunch)).toBe(now);
  });

  it('holds a message inside a daytime window until its end', () => {
    expect(releaseTimeAfterQuietHours(new Date('2026-03-01T04:30:00Z'), lunch).toISOString()).toBe(
      '2026-03-01T06:00:00.000Z',
    );
  });

  it('never holds without quiet hours or with an empty window', () => {
    const now = new Date('2026-03-01T15:30:00Z');
    expect(releaseTimeAfterQuietHours(now, null)).toBe(now);
    expect(releaseTimeAfterQuietHours(now, { startMinute: 60, endMinute: 60 })).toBe(now);
  });

  it('reads and writes clock times as HH:MM', () => {
    expect(parseClockTime('07:05')).toBe(425);
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('7:05')).toBeNull();
    expect(formatClockTime(1320)).toBe('22:00');
  });
});
