import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const uuidExample = '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60';
const rateDescription = 'A fraction 0–1 rounded to 4 decimals; null when the denominator is 0';

/** What a report covers; null where it is not narrowed. */
export class ReportScopeDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: uuidExample }) communityId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) gridId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) categoryCode!: string | null;
}

/** A half-open period [from, to). */
export class ReportPeriodDto {
  @ApiProperty({ format: 'date-time', example: '2026-03-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ format: 'date-time', example: '2026-04-01T00:00:00.000Z' }) to!: string;
}

/** How many tickets reached each step of the loop. */
export class LoopCountsDto {
  @ApiProperty({ example: 120 }) submitted!: number;
  @ApiProperty({ example: 118 }) accepted!: number;
  @ApiProperty({ example: 115 }) completed!: number;
  @ApiProperty({ example: 110 }) closed!: number;
  @ApiProperty({ example: 2 }) cancelled!: number;
  @ApiProperty({ example: 2 }) cancelledBeforeAcceptance!: number;
  @ApiProperty({ example: 3 }) reopened!: number;
  @ApiProperty({ example: 9, description: '退单: declines and hand-backs' }) returns!: number;
  @ApiProperty({ example: 4, description: 'Tickets escalated at least once (督办)' }) escalated!: number;
  @ApiProperty({ example: 80, description: 'Closed tickets the resident rated in the app' })
  ratedByResidents!: number;
  @ApiProperty({ example: 12, description: 'Closed tickets rated on a staff callback (回访)' })
  ratedOnCallback!: number;
  @ApiProperty({
    example: 126,
    description:
      'Every ticket filed, duplicate reports included; `submitted` and every rate count problems only (ADR 0016)',
  })
  reportsReceived!: number;
  @ApiProperty({
    example: 6,
    description: 'Duplicate reports merged into another ticket of the same problem',
  })
  duplicatesMerged!: number;
}

/** The loop's rates. */
export class LoopRatesDto {
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 1 })
  acceptanceRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.9746 })
  completionRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.9576 })
  onTimeAcceptanceRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.9391 })
  onTimeCompletionRate!: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '满意率: residents’ own ratings of 4 or 5 among their ratings; null when there are none',
    example: 0.9636,
  })
  satisfactionRate!: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The same among ratings taken on a staff callback, kept apart',
    example: 1,
  })
  callbackSatisfactionRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.0261 })
  reopenRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.075 })
  returnsPerTicket!: number | null;
}

/** Mean and 90th percentile of a duration. */
export class DurationFiguresDto {
  @ApiProperty({ example: 118 }) count!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 1820 }) meanSeconds!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 5400 }) p90Seconds!: number | null;
}

/** Open tickets by age. */
export class OpenByAgeDto {
  @ApiProperty({ example: 3 }) under_1d!: number;
  @ApiProperty({ example: 1 }) from_1d_to_3d!: number;
  @ApiProperty({ example: 1 }) from_3d_to_7d!: number;
  @ApiProperty({ example: 0 }) over_7d!: number;
}

/** Open tickets by how close their next deadline is. */
export class OpenByDeadlineDto {
  @ApiProperty({ example: 1 }) overdue!: number;
  @ApiProperty({ example: 2 }) within_24h!: number;
  @ApiProperty({ example: 1 }) later!: number;
  @ApiProperty({ example: 1 }) none!: number;
}

/** How many open tickets one owner holds. */
export class OwnerCountDto {
  @ApiProperty({ description: 'kind:id', example: 'member:member-77' }) owner!: string;
  @ApiProperty({ example: 2 }) count!: number;
}

/** Who holds the next step of an open ticket. */
export class OpenTicketOwnerDto {
  @ApiProperty({ example: 'member' }) kind!: string;
  @ApiProperty({ example: 'member-77' }) id!: string;
}

/** One open ticket in the deadline list. */
export class OpenTicketLineDto {
  @ApiProperty({ example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' }) ticketId!: string;
  @ApiProperty({ example: 'LC-2026-000123' }) number!: string;
  @ApiProperty({ example: 'accepted' }) status!: string;
  @ApiPropertyOptional({ type: OpenTicketOwnerDto, nullable: true }) owner!: OpenTicketOwnerDto | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-04-01T06:00:00.000Z',
  })
  nextDeadlineAt!: string | null;
  @ApiProperty({ example: 7200 }) ageSeconds!: number;
}

/** The tickets still open now. */
export class OpenTicketsDto {
  @ApiProperty({ example: 5 }) total!: number;
  @ApiProperty({ type: OpenByAgeDto }) byAge!: OpenByAgeDto;
  @ApiProperty({ type: [OwnerCountDto] }) byOwner!: OwnerCountDto[];
  @ApiProperty({ type: OpenByDeadlineDto }) byDeadline!: OpenByDeadlineDto;
  @ApiProperty({ type: [OpenTicketLineDto], description: 'Nearest deadline first, at most 100' })
  nextDeadlines!: OpenTicketLineDto[];
}

/** The loop report of one scope and period (see the service README for every definition). */
/** One department's summonses (吹哨报到) in a report. */
export class DepartmentSummonsFiguresDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ example: '城管执法队' }) departmentLabel!: string;
  @ApiProperty() summoned!: number;
  @ApiProperty() checkedIn!: number;
  @ApiProperty() onTimeCheckIns!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'On-time check-ins ÷ summonses that fell due (checked in, or past the deadline unreleased)',
  })
  onTimeCheckInRate!: number | null;
}

/** Departments summoned to the report's tickets (吹哨报到). */
export class SummonsFiguresDto {
  @ApiProperty({ description: 'Tickets with at least one department summoned' }) ticketsSummoned!: number;
  @ApiProperty({ description: 'Departments summoned, counting each department once per ticket and act' })
  departmentsSummoned!: number;
  @ApiProperty() checkedIn!: number;
  @ApiProperty() onTimeCheckIns!: number;
  @ApiProperty({ type: Number, nullable: true }) onTimeCheckInRate!: number | null;
  @ApiProperty({ type: [DepartmentSummonsFiguresDto] }) byDepartment!: DepartmentSummonsFiguresDto[];
}

export class LoopReportResponseDto {
  @ApiProperty({ type: ReportScopeDto }) scope!: ReportScopeDto;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ format: 'date-time', example: '2026-04-01T08:00:00.000Z' }) asOf!: string;
  @ApiProperty({ type: LoopCountsDto }) counts!: LoopCountsDto;
  @ApiProperty({ type: LoopRatesDto }) rates!: LoopRatesDto;
  @ApiProperty({ type: DurationFiguresDto }) timeToAccept!: DurationFiguresDto;
  @ApiProperty({ type: DurationFiguresDto }) timeToComplete!: DurationFiguresDto;
  @ApiProperty({ type: OpenTicketsDto }) open!: OpenTicketsDto;
  @ApiProperty({ type: SummonsFiguresDto }) summons!: SummonsFiguresDto;
}

/** The figures of one group of a breakdown. */
export class BreakdownGroupDto {
  @ApiProperty({
    description: 'Community or grid id, category code, or month YYYY-MM (Asia/Shanghai)',
    example: '2026-11',
  })
  key!: string;
  @ApiProperty({ type: LoopCountsDto }) counts!: LoopCountsDto;
  @ApiProperty({ type: LoopRatesDto }) rates!: LoopRatesDto;
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
  @ApiProperty({ type: ReportScopeDto }) scope!: ReportScopeDto;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T00:00:00.000Z' }) asOf!: string;
  @ApiProperty({ type: LoopReportResponseDto, description: 'The whole report of the scope and period' })
  totals!: Omit<LoopReportResponseDto, 'scope' | 'period' | 'asOf'>;
  @ApiProperty({ type: BreakdownGroupsDto }) groups!: BreakdownGroupsDto;
}

/** What party members did for a community in the month. */
export class ServiceFiguresDto {
  @ApiProperty({ example: 42, description: 'Members with credited time standing in the month' })
  activeMembers!: number;
  @ApiProperty({ example: 5400, description: 'Minutes credited less minutes reversed in the month' })
  minutesServed!: number;
  @ApiProperty({ example: 6, description: 'Volunteer activities that started in the month' })
  activitiesHeld!: number;
  @ApiProperty({ example: 58, description: 'Members checked out of those activities' })
  activityAttendances!: number;
}

/** "1+10" coverage: households linked to a party member. */
export class CoverageFiguresDto {
  @ApiProperty({ example: 860 }) households!: number;
  @ApiProperty({ example: 790 }) householdsLinked!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.9186 })
  coverageRate!: number | null;
  @ApiProperty({ example: 79 }) members!: number;
}

/** A category and how many tickets it had. */
export class CategoryCountDto {
  @ApiProperty({ example: 'property.repair' }) code!: string;
  @ApiProperty({ example: 31 }) count!: number;
}

/** The month's figures of one community, or of the district. */
export class MonthlyFiguresDto {
  @ApiProperty({
    example: 120,
    description: 'Problems received (duplicate reports merged into them not counted)',
  })
  received!: number;
  @ApiProperty({ example: 126, description: 'Every ticket filed, duplicate reports included' })
  reportsReceived!: number;
  @ApiProperty({
    example: 6,
    description: 'Duplicate reports merged into another ticket of the same problem',
  })
  duplicatesMerged!: number;
  @ApiProperty({ example: 118 }) accepted!: number;
  @ApiProperty({ example: 115 }) completed!: number;
  @ApiProperty({ example: 110 }) closed!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 1 })
  acceptanceRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.97 })
  completionRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.95 })
  onTimeAcceptanceRate!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.93 })
  onTimeCompletionRate!: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '满意率 from residents’ own ratings',
    example: 0.96,
  })
  satisfactionRate!: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The same from ratings staff took on a callback (回访)',
    example: 1,
  })
  callbackSatisfactionRate!: number | null;
  @ApiProperty({ example: 9, description: '退单: declines and hand-backs' }) returns!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: rateDescription, example: 0.02 })
  reopenRate!: number | null;
  @ApiProperty({ example: 2 }) escalated!: number;
  @ApiProperty({ example: 1 }) overdue!: number;
  @ApiProperty({ type: [CategoryCountDto] }) topCategories!: CategoryCountDto[];
  @ApiPropertyOptional({
    type: ServiceFiguresDto,
    nullable: true,
    description: 'null when volunteer-hours could not answer',
  })
  service!: ServiceFiguresDto | null;
  @ApiPropertyOptional({
    type: CoverageFiguresDto,
    nullable: true,
    description: 'null when dispatch could not answer',
  })
  coverage!: CoverageFiguresDto | null;
}

/** An open ticket past its deadline. */
export class OverdueTicketDto {
  @ApiProperty({ example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' }) ticketId!: string;
  @ApiProperty({ example: 'LC-2026-000123' }) number!: string;
  @ApiProperty({ example: uuidExample }) communityId!: string;
  @ApiProperty({ example: 'property.repair' }) categoryCode!: string;
  @ApiProperty({ example: 'accepted' }) status!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Who must act, kind:id',
    example: 'member:member-77',
  })
  owner!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T06:00:00.000Z' }) deadlineAt!: string;
  @ApiProperty({ example: 26 }) overdueHours!: number;
}

/** One community's page of the monthly report. */
export class CommunityMonthlyReportDto {
  @ApiProperty({ example: uuidExample }) communityId!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null when dispatch could not answer',
    example: '冶河社区',
  })
  name!: string | null;
  @ApiProperty({ type: MonthlyFiguresDto }) figures!: MonthlyFiguresDto;
  @ApiProperty({ type: [OverdueTicketDto], description: 'At most 50; figures.overdue counts them all' })
  overdue!: OverdueTicketDto[];
}

/** The monthly community report (联席会月报); `format=html` gives the printable page instead. */
export class MonthlyReportResponseDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T01:00:00.000Z' }) asOf!: string;
  @ApiProperty({ type: MonthlyFiguresDto, description: 'The district: all communities of the report' })
  district!: MonthlyFiguresDto;
  @ApiProperty({ type: [CommunityMonthlyReportDto] }) communities!: CommunityMonthlyReportDto[];
  @ApiProperty({
    type: [String],
    example: [],
    description: 'Services that could not answer; their sections are null',
  })
  unavailable!: string[];
  @ApiProperty({
    type: SummonsFiguresDto,
    description: 'Departments summoned to the month’s tickets (吹哨报到)',
  })
  summons!: SummonsFiguresDto;
}
