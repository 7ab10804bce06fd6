import { describe, expect, it } from 'vitest';
import {
  beijingDayStart,
  beijingMonth,
  defaultPeriod,
  hoursChartOption,
  orderedGroups,
  percentText,
  percentValue,
  rateChartOption,
  rateSeries,
  topByHours,
  type BreakdownGroup,
} from './figures';

function group(key: string, rates: BreakdownGroup['rates']): BreakdownGroup {
  const counts = {
    accepted: 0,
    cancelled: 0,
    cancelledBeforeAcceptance: 0,
    closed: 0,
    completed: 0,
    escalated: 0,
    ratedByResidents: 0,
    ratedOnCallback: 0,
    reopened: 0,
    returns: 0,
    submitted: 0,
    reportsReceived: 0,
    duplicatesMerged: 0,
  };
  return { key, counts, open: 0, overdue: 0, rates };
}

describe('the dashboard figures', () => {
  it('words rates as percentages and leaves a gap where nothing was counted', () => {
    expect(percentText(0.9746)).toBe('97.5%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(null)).toBe('—');
    expect(percentText(undefined)).toBe('—');
    expect(percentValue(0.12345)).toBe(12.3);
    expect(percentValue(null)).toBeNull();
  });

  it('turns breakdown groups into one series per rate, labelled and named', () => {
    const groups = [
      group('c-1', { acceptanceRate: 1, completionRate: 0.5, satisfactionRate: null }),
      group('c-2', { acceptanceRate: 0.75, onTimeAcceptanceRate: 0.6667 }),
    ];
    const data = rateSeries(
      groups,
      (key) => `社区 ${key}`,
      (rate) => rate.toUpperCase(),
    );
    expect(data.labels).toEqual(['社区 c-1', '社区 c-2']);
    expect(data.series.map((s) => [s.rate, s.values])).toEqual([
      ['acceptanceRate', [100, 75]],
      ['completionRate', [50, null]],
      ['satisfactionRate', [null, null]],
      ['onTimeAcceptanceRate', [null, 66.7]],
      ['onTimeCompletionRate', [null, null]],
    ]);
    const option = rateChartOption(data, 'line');
    expect(option.series).toHaveLength(5);
    expect(option.series[0]).toMatchObject({ name: 'ACCEPTANCERATE', type: 'line', data: [100, 75] });
    expect(option.yAxis.max).toBe(100);
    expect(option.tooltip.valueFormatter(null)).toBe('—');
    expect(option.tooltip.valueFormatter(97.5)).toBe('97.5%');
  });

  it('puts months in calendar order and keeps other groups as the service ranked them', () => {
    const months = [group('2026-12', {}), group('2026-10', {}), group('2026-11', {})];
    expect(orderedGroups('month', months).map((g) => g.key)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(orderedGroups('community', months).map((g) => g.key)).toEqual(['2026-12', '2026-10', '2026-11']);
  });

  it('ranks service hours and draws the most at the top', () => {
    const rows = [
      { key: 'a', minutes: 30, hours: 0.5, entries: 1, members: 1 },
      { key: 'b', minutes: 125, hours: 2.08, entries: 3, members: 2 },
      { key: 'c', minutes: 60, hours: 1, entries: 2, members: 1 },
    ];
    const top = topByHours(rows, 2);
    expect(top.map((row) => row.key)).toEqual(['b', 'c']);
    const option = hoursChartOption(top, (key) => key.toUpperCase(), '小时');
    expect(option.yAxis.data).toEqual(['C', 'B']);
    expect(option.series[0].data).toEqual([1, 2.1]);
  });

  it('reads periods in Beijing time', () => {
    const lateEvening = Date.parse('2026-11-30T17:00:00Z');
    expect(beijingMonth(lateEvening)).toBe('2026-12');
    expect(defaultPeriod(lateEvening)).toEqual({ from: '2026-06-04', to: '2026-12-02' });
    expect(beijingDayStart('2026-12-01')).toBe('2026-11-30T16:00:00.000Z');
  });
});
