// The dashboard's figures as people read them and as ECharts draws them: rates (0–1 from the requests
// service, null when nothing was there to count) as percentages, groups of the loop breakdown as bar
// and line series, service minutes as hours. Pure functions, so the charts' data is tested without a
// canvas.
import type { RequestsSchemas, VolunteerHoursSchemas } from '../api/clients';

/** One group of the loop breakdown (a community, grid, category or month). */
export type BreakdownGroup = RequestsSchemas['schemas']['BreakdownGroupDto'];
/** The loop's rates. */
export type LoopRates = RequestsSchemas['schemas']['LoopRatesDto'];
/** One row of the service-hours totals. */
export type TotalsRow = VolunteerHoursSchemas['schemas']['TotalsRowResponseDto'];

/** The rates the dashboard shows, in its order: 受理率, 办结率, 满意率 and the two on-time rates. */
export const shownRates = [
  'acceptanceRate',
  'completionRate',
  'satisfactionRate',
  'onTimeAcceptanceRate',
  'onTimeCompletionRate',
] as const satisfies readonly (keyof LoopRates)[];
/** One of {@link shownRates}. */
export type ShownRate = (typeof shownRates)[number];

/** `82.3%`, `100%`; `—` when there was nothing to count. */
export function percentText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const percent = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** A rate as a chart value in percent (one decimal), or null for a gap in the series. */
export function percentValue(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? null : Math.round(rate * 1000) / 10;
}

/** Months in calendar order; every other dimension busiest first (as the service sends them). */
export function orderedGroups(dimension: string, groups: readonly BreakdownGroup[]): BreakdownGroup[] {
  return dimension === 'month' ? [...groups].sort((a, b) => a.key.localeCompare(b.key)) : [...groups];
}

/** What a chart needs: labels, and per rate its name and values. */
export interface RateSeries {
  labels: string[];
  series: { rate: ShownRate; name: string; values: (number | null)[] }[];
}

/** The rates of each group as series, labelled by `label` and named by `rateName`. */
export function rateSeries(
  groups: readonly BreakdownGroup[],
  label: (key: string) => string,
  rateName: (rate: ShownRate) => string,
): RateSeries {
  return {
    labels: groups.map((group) => label(group.key)),
    series: shownRates.map((rate) => ({
      rate,
      name: rateName(rate),
      values: groups.map((group) => percentValue(group.rates[rate])),
    })),
  };
}

/** An ECharts option for rates: bars by group, or lines over months. */
export function rateChartOption(data: RateSeries, kind: 'bar' | 'line') {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (value == null ? '—' : `${value}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 56 },
    xAxis: {
      type: 'category',
      data: data.labels,
      axisLabel: { interval: 0, rotate: data.labels.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: data.series.map((s) => ({
      name: s.name,
      type: kind,
      data: s.values,
      connectNulls: false,
      ...(kind === 'bar' ? { barMaxWidth: 18 } : { symbolSize: 6 }),
    })),
  };
}

/** Minutes as hours with one decimal. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/** The `limit` rows with the most hours, most first. */
export function topByHours(rows: readonly TotalsRow[], limit: number): TotalsRow[] {
  return [...rows].sort((a, b) => b.minutes - a.minutes || a.key.localeCompare(b.key)).slice(0, limit);
}

/** An ECharts option for service hours: horizontal bars, most at the top. */
export function hoursChartOption(rows: readonly TotalsRow[], label: (key: string) => string, unit: string) {
  const ordered = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${value} ${unit}` },
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ordered.map((row) => label(row.key)) },
    series: [{ type: 'bar', data: ordered.map((row) => hoursOf(row.minutes)), barMaxWidth: 18 }],
  };
}

/** `YYYY-MM-DD` of a date in Beijing time. */
export function beijingDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a date in Beijing time. */
export function beijingMonth(ms: number): string {
  return beijingDate(ms).slice(0, 7);
}

/** The period the dashboard starts with: the last 180 days up to tomorrow, Beijing dates. */
export function defaultPeriod(nowMs: number): { from: string; to: string } {
  return { from: beijingDate(nowMs - 180 * 86_400_000), to: beijingDate(nowMs + 86_400_000) };
}

/** A Beijing date as the start of that day, an ISO instant for the report's query. */
export function beijingDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
