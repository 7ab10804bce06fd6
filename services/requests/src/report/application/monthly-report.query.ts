import { Inject, Injectable, Logger } from '@nestjs/common';
import { MONTHLY_REPORT_MAX_COMMUNITIES } from '@loop/contracts';
import { CLOCK, Clock, serviceMonthBounds } from '@loop/platform';
import { DataSource } from 'typeorm';
import { PeerCallError } from '../../shared/peer-http';
import { composeMonthlyReport, MonthlyReport, OverdueTicket } from '../domain/monthly-report';
import { TooManyCommunitiesError } from '../domain/report.errors';
import { ReportPeersHttpClient } from '../infrastructure/report-peers.http-client';
import { LoopReportQuery, ReportReader } from './loop-report.query';
import { SummonsFiguresQuery } from './summons-figures.query';

/** Which month, and optionally which one community. */
export interface MonthlyReportRequest {
  month: string;
  communityId?: string;
}

interface OverdueRow {
  id: string;
  number: string;
  community_id: string;
  category_code: string;
  status: string;
  assignee_kind: string | null;
  assignee_id: string | null;
  next_deadline_at: Date;
}

// Open tickets whose next deadline has passed, whatever month they came in: what the meeting must chase.
const overdueSql = (scope: string) => `
  SELECT t.id, t.number, t.community_id, t.category_code, t.status, t.assignee_kind, t.assignee_id,
         t.next_deadline_at
    FROM ticket t
   WHERE t.status IN ('submitted', 'dispatched', 'accepted', 'in_progress', 'resolved', 'reopened')
     AND t.next_deadline_at < $1 AND ${scope}
     AND t.merged_into_ticket_id IS NULL -- a merged duplicate's deadline is its master's, listed once
   ORDER BY t.next_deadline_at`;

/**
 * Composes the monthly community report (联席会月报) for the reader's communities: the loop figures from
 * the ticket timelines here, members' service from volunteer-hours, "1+10" coverage from dispatch. A peer
 * that cannot answer leaves its sections empty and is named in the report, never guessed.
 */
@Injectable()
export class MonthlyReportQuery {
  private readonly logger = new Logger(MonthlyReportQuery.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly loopReport: LoopReportQuery,
    private readonly peers: ReportPeersHttpClient,
    private readonly summonsFigures: SummonsFiguresQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The report of `request.month` as the reader may see it, asking the peers with `token`. */
  async execute(reader: ReportReader, request: MonthlyReportRequest, token: string): Promise<MonthlyReport> {
    const { start, end } = serviceMonthBounds(request.month);
    const { facts, asOf } = await this.loopReport.facts(reader, {
      from: start,
      to: end,
      communityId: request.communityId,
    });
    const communityIds = this.communitiesOf(
      reader,
      request,
      facts.map((ticket) => ticket.communityId),
    );
    const now = new Date(asOf);
    const overdue = await this.overdue(communityIds, now);
    const unavailable: string[] = [];
    const [service, coverage] =
      communityIds.length === 0
        ? [[], []]
        : await Promise.all([
            this.ask(unavailable, () => this.peers.communityService(request.month, communityIds, token)),
            this.ask(unavailable, () => this.peers.householdCoverage(communityIds, token)),
          ]);
    // 吹哨报到: departments summoned to the month's tickets, from their timelines.
    const summons = await this.summonsFigures.figuresOf(
      facts.filter((ticket) => communityIds.includes(ticket.communityId)).map((ticket) => ticket.ticketId),
      now,
    );
    const report = composeMonthlyReport({
      month: request.month,
      period: { from: start, to: end },
      asOf: now,
      communityIds,
      tickets: facts,
      overdue,
      service,
      coverage,
      unavailable,
    });
    return { ...report, summons };
  }

  // One community when asked for (already checked against the scope by the loop report); else the
  // reader's communities, or for the district's admin every community with tickets in the month.
  private communitiesOf(
    reader: ReportReader,
    request: MonthlyReportRequest,
    withTickets: string[],
  ): string[] {
    if (request.communityId) return [request.communityId];
    const ids = reader.roles.includes('admin') ? withTickets : reader.communityIds;
    const communities = [...new Set(ids)].sort();
    // More communities than one report page set holds: ask for them one by one.
    if (communities.length > MONTHLY_REPORT_MAX_COMMUNITIES) {
      throw new TooManyCommunitiesError(MONTHLY_REPORT_MAX_COMMUNITIES);
    }
    return communities;
  }

  private async overdue(communityIds: string[], now: Date): Promise<OverdueTicket[]> {
    if (communityIds.length === 0) return [];
    const rows: OverdueRow[] = await this.dataSource.query(overdueSql('t.community_id = ANY($2::uuid[])'), [
      now,
      communityIds,
    ]);
    return rows.map((row) => ({
      ticketId: row.id,
      number: row.number,
      communityId: row.community_id,
      categoryCode: row.category_code,
      status: row.status,
      owner: ownerOf(row),
      deadlineAt: row.next_deadline_at.toISOString(),
      overdueHours: Math.floor((now.getTime() - row.next_deadline_at.getTime()) / 3_600_000),
    }));
  }

  private async ask<T>(unavailable: string[], call: () => Promise<T>): Promise<T | null> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof PeerCallError)) throw error;
      this.logger.warn(`monthly report without ${error.peer}'s figures: ${error.reason}`);
      unavailable.push(error.peer);
      return null;
    }
  }
}

// Who must act, as the loop report names owners.
function ownerOf(row: OverdueRow): string {
  if (['dispatched', 'accepted', 'in_progress'].includes(row.status) && row.assignee_kind) {
    return `${row.assignee_kind}:${row.assignee_id}`;
  }
  return row.status === 'resolved' ? 'resident' : `community:${row.community_id}`;
}
