// The loop report broken down by community, grid, category and month of submission, in one pass over
// the same facts as the report itself: the district reads where its figures come from, and how they
// move month by month, without one call per scope.
import { serviceMonthOf } from '@loop/platform';
import { computeLoopReport, csvField, LoopReport, TicketLoopFacts } from './loop-report';

/** A ticket's facts with where, what and when it was filed. */
export interface PlacedTicketFacts extends TicketLoopFacts {
  communityId: string;
  gridId: string;
  categoryCode: string;
}

/** The dimensions a report is broken down by. */
export const breakdownDimensions = ['community', 'grid', 'category', 'month'] as const;
/** One of {@link breakdownDimensions}. */
export type BreakdownDimension = (typeof breakdownDimensions)[number];

/** The figures of one group: its counts and rates, and how many of its tickets are open and overdue. */
export interface BreakdownGroup {
  /** The community, grid or category id/code, or the month `YYYY-MM` (Asia/Shanghai). */
  key: string;
  counts: LoopReport['counts'];
  rates: LoopReport['rates'];
  open: number;
  overdue: number;
}

/** The totals and every group of every dimension asked for. */
export interface LoopBreakdown {
  totals: LoopReport;
  groups: Record<BreakdownDimension, BreakdownGroup[]>;
}

const keyOf: Record<BreakdownDimension, (facts: PlacedTicketFacts) => string> = {
  community: (facts) => facts.communityId,
  grid: (facts) => facts.gridId,
  category: (facts) => facts.categoryCode,
  month: (facts) => serviceMonthOf(facts.submittedAt),
};

/**
 * The totals and the groups of each dimension in `dimensions` (the others are empty). Months are in
 * calendar order, so they read as a trend; other groups have the most tickets first.
 */
export function computeBreakdown(
  facts: readonly PlacedTicketFacts[],
  asOf: Date,
  dimensions: readonly BreakdownDimension[] = breakdownDimensions,
): LoopBreakdown {
  const groups = Object.fromEntries(
    breakdownDimensions.map((dimension) => [dimension, []]),
  ) as unknown as Record<BreakdownDimension, BreakdownGroup[]>;
  for (const dimension of dimensions) {
    const byKey = new Map<string, PlacedTicketFacts[]>();
    for (const ticket of facts) {
      const key = keyOf[dimension](ticket);
      byKey.set(key, [...(byKey.get(key) ?? []), ticket]);
    }
    groups[dimension] = [...byKey.entries()]
      .map(([key, tickets]) => groupFigures(key, tickets, asOf))
      .sort((a, b) =>
        dimension === 'month'
          ? a.key.localeCompare(b.key)
          : b.counts.submitted - a.counts.submitted || a.key.localeCompare(b.key),
      );
  }
  return { totals: computeLoopReport(facts, asOf), groups };
}

function groupFigures(key: string, tickets: readonly PlacedTicketFacts[], asOf: Date): BreakdownGroup {
  const report = computeLoopReport(tickets, asOf);
  return {
    key,
    counts: report.counts,
    rates: report.rates,
    open: report.open.total,
    overdue: report.open.byDeadline.overdue,
  };
}

/** The breakdown as CSV rows `dimension,key,figure,value` (totals under dimension `total`). */
export function loopBreakdownCsv(breakdown: LoopBreakdown): string {
  const rows: Array<[string, string, string, string | number | null]> = [
    ['dimension', 'key', 'figure', 'value'],
  ];
  const figures = (
    dimension: string,
    key: string,
    counts: object,
    rates: object,
    open: number,
    overdue: number,
  ) => {
    for (const [name, value] of Object.entries(counts)) rows.push([dimension, key, name, value as number]);
    for (const [name, value] of Object.entries(rates))
      rows.push([dimension, key, name, value as number | null]);
    rows.push([dimension, key, 'open', open], [dimension, key, 'overdue', overdue]);
  };
  const { totals } = breakdown;
  figures('total', 'all', totals.counts, totals.rates, totals.open.total, totals.open.byDeadline.overdue);
  for (const dimension of breakdownDimensions) {
    for (const group of breakdown.groups[dimension]) {
      figures(dimension, group.key, group.counts, group.rates, group.open, group.overdue);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
