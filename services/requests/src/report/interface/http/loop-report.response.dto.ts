import { ApiProperty } from '@nestjs/swagger';

/** The loop report of one scope and period (see the service README for every definition). */
export class LoopReportResponseDto {
  @ApiProperty({
    example: { communityId: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60', gridId: null, categoryCode: null },
  })
  scope!: Record<string, string | null>;
  @ApiProperty({ example: { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' } })
  period!: { from: string; to: string };
  @ApiProperty({ example: '2026-04-01T08:00:00.000Z' })
  asOf!: string;
  @ApiProperty({
    example: {
      submitted: 120,
      accepted: 118,
      completed: 115,
      closed: 110,
      cancelled: 2,
      cancelledBeforeAcceptance: 2,
      reopened: 3,
      returns: 9,
      ratedByResidents: 80,
      ratedOnCallback: 12,
    },
  })
  counts!: Record<string, number>;
  @ApiProperty({
    example: {
      acceptanceRate: 1,
      completionRate: 0.9746,
      onTimeAcceptanceRate: 0.9576,
      onTimeCompletionRate: 0.9391,
      satisfactionRate: 0.9636,
      callbackSatisfactionRate: 1,
      reopenRate: 0.0261,
      returnsPerTicket: 0.075,
    },
    description: 'Fractions 0–1 rounded to 4 decimals; null when the denominator is 0',
  })
  rates!: Record<string, number | null>;
  @ApiProperty({ example: { count: 118, meanSeconds: 1820, p90Seconds: 5400 } })
  timeToAccept!: { count: number; meanSeconds: number | null; p90Seconds: number | null };
  @ApiProperty({ example: { count: 115, meanSeconds: 86400, p90Seconds: 172800 } })
  timeToComplete!: { count: number; meanSeconds: number | null; p90Seconds: number | null };
  @ApiProperty({
    example: {
      total: 5,
      byAge: { under_1d: 3, from_1d_to_3d: 1, from_3d_to_7d: 1, over_7d: 0 },
      byDeadline: { overdue: 1, within_24h: 2, later: 1, none: 1 },
      byOwner: [{ owner: 'member:member-77', count: 2 }],
      nextDeadlines: [
        {
          ticketId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
          number: 'LC-2026-000123',
          status: 'accepted',
          owner: { kind: 'member', id: 'member-77' },
          nextDeadlineAt: '2026-04-01T06:00:00.000Z',
          ageSeconds: 7200,
        },
      ],
    },
  })
  open!: Record<string, unknown>;
}

/** The figures of one group of a breakdown. */
export class BreakdownGroupDto {
  @ApiProperty({
    description: 'Community or grid id, category code, or month YYYY-MM (Asia/Shanghai)',
    example: '2026-11',
  })
  key!: string;
  @ApiProperty({ example: { submitted: 40, accepted: 39, completed: 38, closed: 36 } })
  counts!: Record<string, number>;
  @ApiProperty({ example: { acceptanceRate: 1, completionRate: 0.9744, satisfactionRate: 0.97 } })
  rates!: Record<string, number | null>;
  @ApiProperty({ example: 2 }) open!: number;
  @ApiProperty({ example: 0 }) overdue!: number;
}

/** The groups of each dimension. */
export class BreakdownGroupsDto {
  @ApiProperty({ type: [BreakdownGroupDto] }) community!: BreakdownGroupDto[];
  @ApiProperty({ type: [BreakdownGroupDto] }) grid!: BreakdownGroupDto[];
  @ApiProperty({ type: [BreakdownGroupDto] }) category!: BreakdownGroupDto[];
  @ApiProperty({ type: [BreakdownGroupDto], description: 'In calendar order: the trend' })
  month!: BreakdownGroupDto[];
}

/** A loop report's totals and its breakdown by community, grid, category and month. */
export class LoopBreakdownResponseDto {
  @ApiProperty({ example: { communityId: null, gridId: null, categoryCode: null } })
  scope!: { communityId: string | null; gridId: string | null; categoryCode: string | null };
  @ApiProperty({ example: { from: '2026-06-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' } })
  period!: { from: string; to: string };
  @ApiProperty({ example: '2026-12-01T00:00:00.000Z' }) asOf!: string;
  @ApiProperty({ type: LoopReportResponseDto, description: 'The whole report of the scope and period' })
  totals!: Omit<LoopReportResponseDto, 'scope' | 'period' | 'asOf'>;
  @ApiProperty({ type: BreakdownGroupsDto }) groups!: BreakdownGroupsDto;
}

/** The monthly community report (联席会月报); `format=html` gives the printable page instead. */
export class MonthlyReportResponseDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ example: { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' } })
  period!: { from: string; to: string };
  @ApiProperty({ example: '2026-12-01T01:00:00.000Z' }) asOf!: string;
  @ApiProperty({
    description:
      'The district (all communities of the report): received, acceptanceRate, completionRate, onTimeAcceptanceRate, onTimeCompletionRate, satisfactionRate (residents), callbackSatisfactionRate, returns, reopenRate, escalated, overdue, topCategories, service (activeMembers, minutesServed, activitiesHeld, activityAttendances; null when volunteer-hours could not answer), coverage (households, householdsLinked, coverageRate, members; null when dispatch could not answer)',
    example: { received: 120, acceptanceRate: 1, completionRate: 0.97, satisfactionRate: 0.96, escalated: 2 },
  })
  district!: Record<string, unknown>;
  @ApiProperty({
    description: 'One entry per community: communityId, name, figures (as district), overdue (at most 50)',
    example: [
      { communityId: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60', name: '冶河社区', figures: {}, overdue: [] },
    ],
  })
  communities!: Array<Record<string, unknown>>;
  @ApiProperty({ example: [], description: 'Services that could not answer; their sections are null' })
  unavailable!: string[];
}
