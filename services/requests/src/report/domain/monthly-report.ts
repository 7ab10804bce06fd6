// The monthly community report for the joint meeting (联席会月报): per community and for the district,
// what was received and how the loop went (受理率, 办结率, 满意率, on time, 退单, reopened, escalated),
// what is overdue, the top categories, what party members did, and the "1+10" household coverage.
// Pure composition of facts the services own: the tickets' timelines (here), the ledger and activities
// (volunteer-hours) and the directory (dispatch).
import type { CommunityServiceFacts, HouseholdCoverageFacts } from '@loop/contracts';
import type { PlacedTicketFacts } from './loop-breakdown';
import { computeLoopReport, rate } from './loop-report';
import type { SummonsFigures } from './summons-figures';

/** An open ticket past its deadline, as the meeting reads it. */
export interface OverdueTicket {
  ticketId: string;
  number: string;
  communityId: string;
  categoryCode: string;
  status: string;
  /** Who must act, `kind:id`. */
  owner: string | null;
  deadlineAt: string;
  overdueHours: number;
}

/** The figures of one community, or of the district. */
export interface MonthlyFigures {
  /** Problems received: tickets running their own loop (duplicate reports merged into them not counted). */
  received: number;
  /** Every ticket filed, duplicate reports included. */
  reportsReceived: number;
  /** Duplicate reports merged into another ticket of the same problem. */
  duplicatesMerged: number;
  accepted: number;
  completed: number;
  closed: number;
  acceptanceRate: number | null;
  completionRate: number | null;
  onTimeAcceptanceRate: number | null;
  onTimeCompletionRate: number | null;
  /** 满意率 from residents' own ratings. */
  satisfactionRate: number | null;
  /** The same from ratings staff took on a callback (回访), apart. */
  callbackSatisfactionRate: number | null;
  /** 退单: declines and hand-backs. */
  returns: number;
  reopenRate: number | null;
  escalated: number;
  overdue: number;
  topCategories: Array<{ code: string; count: number }>;
  /** What party members did; null when volunteer-hours could not answer. */
  service: Omit<CommunityServiceFacts, 'communityId'> | null;
  /** "1+10" coverage; null when dispatch could not answer. */
  coverage: {
    households: number;
    householdsLinked: number;
    coverageRate: number | null;
    members: number;
  } | null;
}

/** One community's page of the report. */
export interface CommunityMonthlyReport {
  communityId: string;
  /** The directory's name; null when dispatch could not answer. */
  name: string | null;
  figures: MonthlyFigures;
  overdue: OverdueTicket[];
}

/** The whole report. */
export interface MonthlyReport {
  month: string;
  period: { from: string; to: string };
  asOf: string;
  district: MonthlyFigures;
  communities: CommunityMonthlyReport[];
  /** Services that could not answer: their sections are empty (null), never made up. */
  unavailable: string[];
  /** Departments summoned to the month's tickets (吹哨报到) and their on-time check-ins, district-wide. */
  summons?: SummonsFigures;
}

/** What the report is composed from. */
export interface MonthlyReportInput {
  month: string;
  period: { from: Date; to: Date };
  asOf: Date;
  communityIds: readonly string[];
  /** Tickets submitted in the month. */
  tickets: readonly PlacedTicketFacts[];
  /** Open tickets past their deadline now, whatever month they came in. */
  overdue: readonly OverdueTicket[];
  /** null when volunteer-hours could not answer. */
  service: readonly CommunityServiceFacts[] | null;
  /** null when dispatch could not answer. */
  coverage: readonly HouseholdCoverageFacts[] | null;
  unavailable: readonly string[];
}

const topCategoryCount = 5;
/** Overdue tickets listed per community; the count covers them all. */
export const overdueListLength = 50;

/** Composes the report from the services' facts. */
export function composeMonthlyReport(input: MonthlyReportInput): MonthlyReport {
  const communities = input.communityIds.map((communityId) => {
    const service = input.service?.find((facts) => facts.communityId === communityId);
    const coverage = input.coverage?.find((facts) => facts.communityId === communityId);
    const overdue = input.overdue.filter((ticket) => ticket.communityId === communityId);
    return {
      communityId,
      name: coverage?.name ?? null,
      figures: figuresOf(
        input.tickets.filter((ticket) => ticket.communityId === communityId),
        overdue.length,
        input.asOf,
        input.service ? serviceOf(service ? [service] : []) : null,
        input.coverage ? coverageOf(coverage ? [coverage] : []) : null,
      ),
      overdue: overdue.slice(0, overdueListLength),
    };
  });
  return {
    month: input.month,
    period: { from: input.period.from.toISOString(), to: input.period.to.toISOString() },
    asOf: input.asOf.toISOString(),
    district: figuresOf(
      input.tickets,
      input.overdue.length,
      input.asOf,
      input.service ? serviceOf(input.service) : null,
      input.coverage ? coverageOf(input.coverage) : null,
    ),
    communities,
    unavailable: [...input.unavailable],
  };
}

function figuresOf(
  tickets: readonly PlacedTicketFacts[],
  overdue: number,
  asOf: Date,
  service: MonthlyFigures['service'],
  coverage: MonthlyFigures['coverage'],
): MonthlyFigures {
  const { counts, rates } = computeLoopReport(tickets, asOf);
  return {
    received: counts.submitted,
    reportsReceived: counts.reportsReceived,
    duplicatesMerged: counts.duplicatesMerged,
    accepted: counts.accepted,
    completed: counts.completed,
    closed: counts.closed,
    acceptanceRate: rates.acceptanceRate,
    completionRate: rates.completionRate,
    onTimeAcceptanceRate: rates.onTimeAcceptanceRate,
    onTimeCompletionRate: rates.onTimeCompletionRate,
    satisfactionRate: rates.satisfactionRate,
    callbackSatisfactionRate: rates.callbackSatisfactionRate,
    returns: counts.returns,
    reopenRate: rates.reopenRate,
    escalated: counts.escalated,
    overdue,
    topCategories: topCategories(tickets),
    service,
    coverage,
  };
}

function topCategories(tickets: readonly PlacedTicketFacts[]): MonthlyFigures['topCategories'] {
  const counts = new Map<string, number>();
  for (const ticket of tickets) counts.set(ticket.categoryCode, (counts.get(ticket.categoryCode) ?? 0) + 1);
  return [...counts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, topCategoryCount);
}

function serviceOf(facts: readonly CommunityServiceFacts[]): NonNullable<MonthlyFigures['service']> {
  const sum = (pick: (facts: CommunityServiceFacts) => number) =>
    facts.reduce((total, f) => total + pick(f), 0);
  return {
    activeMembers: sum((f) => f.activeMembers),
    minutesServed: sum((f) => f.minutesServed),
    activitiesHeld: sum((f) => f.activitiesHeld),
    activityAttendances: sum((f) => f.activityAttendances),
  };
}

function coverageOf(facts: readonly HouseholdCoverageFacts[]): NonNullable<MonthlyFigures['coverage']> {
  const households = facts.reduce((total, f) => total + f.households, 0);
  const householdsLinked = facts.reduce((total, f) => total + f.householdsLinked, 0);
  return {
    households,
    householdsLinked,
    coverageRate: rate(householdsLinked, households),
    members: facts.reduce((total, f) => total + f.members, 0),
  };
}
