import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles, ParseAccountIdPipe } from '@loop/platform';
import { ApiProblems } from '../../../shared/api-problems';
import { toCsv } from '../../../shared/csv';
import { IdempotencyKey } from '../../../shared/idempotency-key.decorator';
import { AdjustHoursHandler } from '../../application/adjust-hours.handler';
import { HoursTotalsQuery } from '../../application/hours-totals.query';
import { MemberStatementQuery } from '../../application/member-statement.query';
import { VerifyLedgerQuery } from '../../application/verify-ledger.query';
import { AdjustHoursRequestDto } from './adjust-hours.request.dto';
import { LedgerEntryResponseDto } from './ledger-entry.response.dto';
import { LedgerVerificationResponseDto } from './ledger-verification.response.dto';
import { MemberStatementResponseDto } from './member-statement.response.dto';
import { PeriodRequestDto, periodOf } from './period.request.dto';
import { TotalsRequestDto, totalsPeriodOf } from './totals.request.dto';
import { TotalsResponseDto } from './totals.response.dto';

/** Statements, totals, staff adjustments and chain verification of the hours ledger. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
export class LedgerHttpController {
  constructor(
    private readonly statements: MemberStatementQuery,
    private readonly totalsQuery: HoursTotalsQuery,
    private readonly adjustHours: AdjustHoursHandler,
    private readonly verification: VerifyLedgerQuery,
  ) {}

  /** A member's statement with running balance. */
  @Get('members/:memberId/statement')
  @ApiOperation({
    summary:
      "A member's entries with their sources and running balance (the member, their community's staff, unit admin, linked officials)",
  })
  @ApiOkResponse({ type: MemberStatementResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async statement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('memberId', ParseAccountIdPipe) memberId: string,
    @Query() query: PeriodRequestDto,
  ): Promise<MemberStatementResponseDto> {
    return MemberStatementResponseDto.from(
      await this.statements.statementOf(user, memberId, periodOf(query)),
    );
  }

  /** A member's statement as CSV. */
  @Get('members/:memberId/statement/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "A member's statement as CSV (same access as the statement)" })
  @ApiOkResponse({
    description: 'A header line, then one line per ledger entry of the period',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async statementCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Param('memberId', ParseAccountIdPipe) memberId: string,
    @Query() query: PeriodRequestDto,
  ): Promise<string> {
    const statement = await this.statements.statementOf(user, memberId, periodOf(query));
    return toCsv(
      [
        'sequence',
        'entry_id',
        'occurred_at',
        'kind',
        'minutes',
        'balance_minutes',
        'source_kind',
        'source_id',
        'caused_by_event_type',
        'caused_by_event_id',
        'reason',
        'verified_by_role',
        'verified_by_id',
        'hash',
      ],
      statement.lines.map(({ entry, balanceMinutes }) => [
        entry.sequence,
        entry.id,
        entry.occurredAt,
        entry.kind,
        entry.minutes,
        balanceMinutes,
        entry.source?.kind,
        entry.source?.id,
        entry.causedByEventType,
        entry.causedByEventId,
        entry.reason,
        entry.verifiedBy.role,
        entry.verifiedBy.id,
        entry.hash,
      ]),
    );
  }

  /** A staff correction as a separate entry. */
  @Post('members/:memberId/adjustments')
  @Roles('staff', 'secretary')
  @ApiOperation({
    summary:
      "Adjust a member's hours: a separate entry with the reason and the staff id (staff of the member's community)",
  })
  @ApiCreatedResponse({ type: LedgerEntryResponseDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A UUID; a retry with the same key returns the first adjustment',
  })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async adjust(
    @CurrentUser() user: AuthenticatedUser,
    @Param('memberId', ParseAccountIdPipe) memberId: string,
    @Body() body: AdjustHoursRequestDto,
    @IdempotencyKey(new ParseUUIDPipe({ optional: true })) idempotencyKey?: string,
  ): Promise<LedgerEntryResponseDto> {
    const entry = await this.adjustHours.execute(user, {
      memberId,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      minutes: body.minutes,
      reason: body.reason,
      ...(body.source ? { source: { kind: body.source.kind, id: body.source.id } } : {}),
    });
    return LedgerEntryResponseDto.from(entry);
  }

  /** Verifies one member's hash chain. */
  @Get('members/:memberId/ledger/verification')
  @ApiOperation({ summary: "Recompute a member's hash chain and report the first broken link" })
  @ApiOkResponse({ type: LedgerVerificationResponseDto })
  @ApiProblems(401, 403, 404)
  async verifyMember(
    @CurrentUser() user: AuthenticatedUser,
    @Param('memberId', ParseAccountIdPipe) memberId: string,
  ): Promise<LedgerVerificationResponseDto> {
    const result = await this.verification.verifyMemberFor(user, memberId);
    return LedgerVerificationResponseDto.from({ ...result, membersChecked: 1 });
  }

  /** Verifies every member's chain. */
  @Get('ledger/verification')
  @Roles('admin')
  @ApiOperation({
    summary: 'Recompute every hash chain in the ledger and report the first broken link (admin)',
  })
  @ApiOkResponse({ type: LedgerVerificationResponseDto })
  @ApiProblems(401, 403)
  async verifyAll(): Promise<LedgerVerificationResponseDto> {
    return LedgerVerificationResponseDto.from(await this.verification.verifyAll());
  }

  /** Totals by member, unit or community. */
  @Get('totals')
  @ApiOperation({
    summary:
      'Totals by member, unit or community over a period, from the ledger (staff/officials: their communities; unit admin: their unit)',
  })
  @ApiOkResponse({ type: TotalsResponseDto })
  @ApiProblems(400, 401, 403)
  async totals(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: TotalsRequestDto,
  ): Promise<TotalsResponseDto> {
    const rows = await this.totalsQuery.totals(user, {
      ...totalsPeriodOf(query),
      groupBy: query.groupBy,
      communityId: query.communityId,
      unitId: query.unitId,
    });
    return TotalsResponseDto.from(query.groupBy, rows);
  }

  /** Totals as CSV. */
  @Get('totals/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Totals as CSV (same access as totals)' })
  @ApiOkResponse({
    description: 'A header line, then one line per group of groupBy',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 403)
  async totalsCsv(@CurrentUser() user: AuthenticatedUser, @Query() query: TotalsRequestDto): Promise<string> {
    const rows = await this.totalsQuery.totals(user, {
      ...totalsPeriodOf(query),
      groupBy: query.groupBy,
      communityId: query.communityId,
      unitId: query.unitId,
    });
    return toCsv(
      [query.groupBy, 'minutes', 'hours', 'entries', 'members'],
      rows.map((row) => [row.key, row.minutes, (row.minutes / 60).toFixed(2), row.entries, row.members]),
    );
  }
}
