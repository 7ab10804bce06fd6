import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@loop/platform';
import { DataSource } from 'typeorm';
import {
  BreakdownDimension,
  breakdownDimensions,
  computeBreakdown,
  LoopBreakdown,
  PlacedTicketFacts,
} from '../domain/loop-breakdown';
import { computeLoopReport, LoopReport, RatingSource } from '../domain/loop-report';
import { InvalidReportPeriodError, ReportOutsideScopeError } from '../domain/report.errors';
import type { SummonsFigures } from '../domain/summons-figures';
import { SummonsFiguresQuery } from './summons-figures.query';

/** Whose report and which period. */
export interface LoopReportRequest {
  from?: Date;
  to?: Date;
  communityId?: string;
  gridId?: string;
  categoryCode?: string;
}

/** The caller's identity as far as report scope goes. */
export interface ReportReader {
  id: string;
  roles: readonly string[];
  communityIds: readonly string[];
  gridIds: readonly string[];
}

/** The scope and period a report covers, and when it was computed. */
export interface ReportFraming {
  scope: { communityId: string | null; gridId: string | null; categoryCode: string | null };
  period: { from: string; to: string };
  asOf: string;
}

/** The report with the scope and period it covers, and the departments summoned to its tickets (吹哨报到). */
export interface ScopedLoopReport extends LoopReport, ReportFraming {
  summons: SummonsFigures;
}

/** The breakdown with the scope and period it covers. */
export interface ScopedLoopBreakdown extends LoopBreakdown, ReportFraming {}

/** The facts of every ticket a report covers. */
export interface ReportFacts extends ReportFraming {
  facts: PlacedTicketFacts[];
}

const defaultPeriodMs = 30 * 24 * 3600 * 1000;

// One row per ticket submitted in the period, summarising its timeline up to the moment of the report.
// The first completion and first reopening bound the "first cycle" whose acceptance and completion
// the durations and on-time rates measure.
const factsSql = (scope: string) => `
WITH scoped AS (
  SELECT * FROM ticket t WHERE t.submitted_at >= $1 AND t.submitted_at < $2 AND ${scope}
), firsts AS (
  SELECT s.id,
         min(e.occurred_at) FILTER (WHERE e.type = 'work.completed') AS first_completed_at,
         min(e.occurred_at) FILTER (WHERE e.type = 'ticket.reopened') AS first_reopened_at
    FROM scoped s LEFT JOIN ticket_timeline_event e ON e.ticket_id = s.id AND e.occurred_at <= $3
                                                  AND NOT e.details ? 'copyOf'
   GROUP BY s.id
)
SELECT s.id, s.number, s.status, s.submitted_at, s.next_deadline_at,
       CASE WHEN s.status IN ('dispatched', 'accepted', 'in_progress') AND s.assignee_kind IS NOT NULL
              THEN s.assignee_kind || ':' || s.assignee_id
            WHEN s.status IN ('submitted', 'reopened') THEN 'community:' || s.community_id
            WHEN s.status = 'resolved' THEN coalesce('resident:' || s.resident_id, 'community:' || s.community_id)
       END AS owner,
       f.first_completed_at,
       max(e.occurred_at) FILTER (WHERE e.type = 'assignment.accepted'
             AND e.occurred_at <= coalesce(f.first_completed_at, f.first_reopened_at, 'infinity'::timestamptz)) AS accepted_at,
       min(e.occurred_at) FILTER (WHERE e.type = 'assignment.expired'
             OR (e.type = 'ticket.escalated' AND e.details->>'reason' = 'accept_deadline')) AS first_late_at,
       (array_agg(e.details->>'completionDueAt' ORDER BY e.occurred_at DESC)
             FILTER (WHERE e.type = 'assignment.accepted' AND e.occurred_at <= f.first_completed_at))[1] AS completion_due_at,
       min(e.occurred_at) FILTER (WHERE e.type = 'ticket.cancelled') AS cancelled_at,
       max(e.occurred_at) FILTER (WHERE e.type = 'ticket.confirmed') AS last_confirmed_at,
       max(e.occurred_at) FILTER (WHERE e.type = 'ticket.reopened') AS last_reopened_at,
       (array_agg(e.details->>'rating' ORDER BY e.occurred_at DESC) FILTER (WHERE e.type = 'ticket.confirmed'))[1] AS last_rating,
       (array_agg(e.details->>'confirmedBy' ORDER BY e.occurred_at DESC) FILTER (WHERE e.type = 'ticket.confirmed'))[1] AS last_confirmed_by,
       count(e.event_id) FILTER (WHERE e.type = 'ticket.reopened')::int AS reopens,
       count(e.event_id) FILTER (WHERE e.type IN ('assignment.declined', 'assignment.handed_back'))::int AS returns,
       count(e.event_id) FILTER (WHERE e.type = 'ticket.escalated')::int AS escalations,
       s.community_id, s.grid_id, s.category_code, s.merged_into_ticket_id
  FROM scoped s
  JOIN firsts f ON f.id = s.id
  -- Steps copied from another ticket's events (a master's, while merged) are not this ticket's own.
  LEFT JOIN ticket_timeline_event e ON e.ticket_id = s.id AND e.occurred_at <= $3
                                   AND NOT e.details ? 'copyOf'
 GROUP BY s.id, s.number, s.status, s.submitted_at, s.next_deadline_at, s.assignee_kind, s.assignee_id,
          s.community_id, s.grid_id, s.category_code, s.resident_id, s.merged_into_ticket_id,
          f.first_completed_at, f.first_reopened_at`;

interface FactsRow {
  id: string;
  number: string;
  status: string;
  submitted_at: Date;
  next_deadline_at: Date | null;
  owner: string | null;
  first_completed_at: Date | null;
  accepted_at: Date | null;
  first_late_at: Date | null;
  completion_due_at: string | null;
  cancelled_at: Date | null;
  last_confirmed_at: Date | null;
  last_reopened_at: Date | null;
  last_rating: string | null;
  last_confirmed_by: string | null;
  reopens: number;
  returns: number;
  escalations: number;
  community_id: string;
  grid_id: string;
  category_code: string;
  merged_into_ticket_id: string | null;
}

/** Computes the loop report of a scope and period from the ticket timelines. */
@Injectable()
export class LoopReportQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly summonsFigures: SummonsFiguresQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The report; 403 when the community or grid asked for is outside the reader's scope. */
  async execute(reader: ReportReader, request: LoopReportRequest): Promise<ScopedLoopReport> {
    const { facts, ...framing } = await this.facts(reader, request);
    const asOf = new Date(framing.asOf);
    const summons = await this.summonsFigures.figuresOf(
      facts.map((ticket) => ticket.ticketId),
      asOf,
    );
    return { ...framing, ...computeLoopReport(facts, asOf), summons };
  }

  /** The report's totals and its groups by community, grid, category and month, in one pass. */
  async breakdown(
    reader: ReportReader,
    request: LoopReportRequest,
    dimensions: readonly BreakdownDimension[] = breakdownDimensions,
  ): Promise<ScopedLoopBreakdown> {
    const { facts, ...framing } = await this.facts(reader, request);
    return { ...framing, ...computeBreakdown(facts, new Date(framing.asOf), dimensions) };
  }

  /** Every ticket's facts in the reader's scope and the period, and how the report is framed. */
  async facts(reader: ReportReader, request: LoopReportRequest): Promise<ReportFacts> {
    const asOf = this.clock.now();
    const to = request.to ?? asOf;
    const from = request.from ?? new Date(to.getTime() - defaultPeriodMs);
    if (from.getTime() >= to.getTime()) throw new InvalidReportPeriodError();
    const parameters: unknown[] = [from, to, asOf];
    const clauses = [scopeClause(reader, request, parameters)];
    if (request.communityId) clauses.push(`t.community_id = $${parameters.push(request.communityId)}`);
    if (request.gridId) clauses.push(`t.grid_id = $${parameters.push(request.gridId)}`);
    if (request.categoryCode) clauses.push(`t.category_code = $${parameters.push(request.categoryCode)}`);
    const rows: FactsRow[] = await this.dataSource.query(factsSql(clauses.join(' AND ')), parameters);
    return {
      scope: {
        communityId: request.communityId ?? null,
        gridId: request.gridId ?? null,
        categoryCode: request.categoryCode ?? null,
      },
      period: { from: from.toISOString(), to: to.toISOString() },
      asOf: asOf.toISOString(),
      facts: rows.map(toFacts),
    };
  }
}

// Admins read everything; staff, secretaries and officials their communities; grid workers their grids.
function scopeClause(reader: ReportReader, request: LoopReportRequest, parameters: unknown[]): string {
  if (reader.roles.includes('admin')) return 'true';
  const readsCommunities = ['staff', 'secretary', 'official'].some((role) => reader.roles.includes(role));
  const readsGrids = reader.roles.includes('grid_worker');
  if (request.communityId && !(readsCommunities && reader.communityIds.includes(request.communityId))) {
    throw new ReportOutsideScopeError();
  }
  // Staff see a grid of another community as simply empty; a grid worker asking for another grid is refused.
  if (request.gridId && !readsCommunities && !(readsGrids && reader.gridIds.includes(request.gridId))) {
    throw new ReportOutsideScopeError();
  }
  const clauses: string[] = [];
  if (readsCommunities)
    clauses.push(`t.community_id = ANY($${parameters.push(reader.communityIds)}::uuid[])`);
  if (readsGrids) clauses.push(`t.grid_id = ANY($${parameters.push(reader.gridIds)}::uuid[])`);
  return clauses.length ? `(${clauses.join(' OR ')})` : 'false';
}

function toFacts(row: FactsRow): PlacedTicketFacts {
  const [ownerKind, ...ownerId] = row.owner?.split(':') ?? [];
  const lastConfirmed = row.last_confirmed_at;
  const closed = !!lastConfirmed && (!row.last_reopened_at || lastConfirmed > row.last_reopened_at);
  return {
    ticketId: row.id,
    number: row.number,
    status: row.status,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    acceptanceLate: !!row.first_late_at && !!row.accepted_at && row.first_late_at < row.accepted_at,
    completedAt: row.first_completed_at,
    completionDueAt: row.completion_due_at ? new Date(row.completion_due_at) : null,
    cancelledAt: row.cancelled_at,
    closed,
    rating: closed && row.last_rating !== null ? Number(row.last_rating) : null,
    ratedOn: closed && row.last_rating !== null ? ratingSource(row.last_confirmed_by) : null,
    reopens: row.reopens,
    returns: row.returns,
    escalations: row.escalations,
    communityId: row.community_id,
    gridId: row.grid_id,
    categoryCode: row.category_code,
    owner: ownerKind ? { kind: ownerKind, id: ownerId.join(':') } : null,
    nextDeadlineAt: row.next_deadline_at,
    mergedInto: row.merged_into_ticket_id,
  };
}

// Confirmations published before `confirmedBy` existed carry a rating only when the resident gave it.
function ratingSource(confirmedBy: string | null): RatingSource {
  return confirmedBy === 'callback' ? 'callback' : 'resident';
}
