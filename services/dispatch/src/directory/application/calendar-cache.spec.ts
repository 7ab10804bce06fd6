import { ServiceCalendarCache } from './calendar-cache';
import type { ServiceCalendar } from '../domain/service-calendar';

const calendar = (opensAt: string) => ({ opensAt }) as unknown as ServiceCalendar;

describe('ServiceCalendarCache', () => {
  it('reads a community once within the time to live, and again after it', async () => {
    let now = 0;
    const cache = new ServiceCalendarCache(10_000, () => now);
    const reads: string[] = [];
    const read = async () => {
      reads.push('read');
      return calendar(`0${reads.length}:00`);
    };

    const first = await cache.calendarOf('c1', read);
    now = 9_999;
    const cached = await cache.calendarOf('c1', read);
    now = 10_000;
    const fresh = await cache.calendarOf('c1', read);

    expect(cached).toBe(first);
    expect(fresh).toEqual(calendar('02:00'));
    expect(reads).toHaveLength(2);
  });

  it('shares one read among concurrent steps and keeps communities apart', async () => {
    const cache = new ServiceCalendarCache();
    let reads = 0;
    const read = (opensAt: string) => async () => {
      reads++;
      return calendar(opensAt);
    };

    const [a, b, other] = await Promise.all([
      cache.calendarOf('c1', read('08:00')),
      cache.calendarOf('c1', read('09:00')),
      cache.calendarOf('c2', read('10:00')),
    ]);

    expect([a, b, other]).toEqual([calendar('08:00'), calendar('08:00'), calendar('10:00')]);
    expect(reads).toBe(2);
  });

  it('reads again after a change, and after a failed read', async () => {
    const cache = new ServiceCalendarCache();
    await cache.calendarOf('c1', async () => calendar('08:00'));

    cache.forgetAll();
    const changed = await cache.calendarOf('c1', async () => calendar('09:00'));
    const failed = cache.calendarOf('c2', async () => {
      throw new Error('connection reset');
    });
    await expect(failed).rejects.toThrow('connection reset');
    const retried = await cache.calendarOf('c2', async () => calendar('10:00'));

    expect(changed).toEqual(calendar('09:00'));
    expect(retried).toEqual(calendar('10:00'));
  });
});
