import { formatShanghaiTime, serviceMonthBounds, serviceMonthOf } from './service-month';

describe('service months', () => {
  it('count an instant in the Shanghai month it falls in', () => {
    expect(serviceMonthOf(new Date('2025-02-28T16:30:00Z'))).toBe('2025-03');
    expect(serviceMonthOf(new Date('2025-02-28T15:30:00Z'))).toBe('2025-02');
  });

  it('bound a month by Shanghai midnights', () => {
    expect(serviceMonthBounds('2025-03')).toEqual({
      start: new Date('2025-02-28T16:00:00Z'),
      end: new Date('2025-03-31T16:00:00Z'),
    });
  });
});

describe('times as residents read them', () => {
  it('shows an instant in Beijing time, across the year boundary', () => {
    expect(formatShanghaiTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
  });
});
