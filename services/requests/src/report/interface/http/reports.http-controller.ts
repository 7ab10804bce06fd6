import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@loop/platform';
import type { Response } from 'express';
import { LoopReportQuery, ScopedLoopBreakdown, ScopedLoopReport } from '../../application/loop-report.query';
import { loopBreakdownCsv } from '../../domain/loop-breakdown';
import { loopReportCsv } from '../../domain/loop-report';
import { LoopBreakdownQueryDto, LoopReportQueryDto } from './loop-report.request.dto';
import { LoopBreakdownResponseDto, LoopReportResponseDto } from './loop-report.response.dto';

/** The closed-loop reports (受理率, 办结率, 满意率 …), computed from the ticket timelines. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsHttpController {
  constructor(private readonly report: LoopReportQuery) {}

  /** The loop report of a community, grid, category or the caller's whole scope, for a period. */
  @Get('loop')
  @Roles('staff', 'secretary', 'official', 'grid_worker', 'admin')
  @ApiOperation({
    summary: 'Loop report for a scope and period; JSON, or CSV with Accept: text/csv or ?format=csv',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: LoopReportResponseDto })
  @ApiForbiddenResponse({ description: 'A community or grid outside your scope' })
  async loop(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: LoopReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScopedLoopReport | string> {
    const report = await this.report.execute(user, query);
    if (wantsCsv(query.format, accept)) {
      sendAsCsv(response, `loop-report-${report.period.from.slice(0, 10)}.csv`);
      return loopReportCsv(report);
    }
    return report;
  }

  /** The same report broken down by community, grid, category and month (the trend) in one call. */
  @Get('loop/breakdown')
  @Roles('staff', 'secretary', 'official', 'grid_worker', 'admin')
  @ApiOperation({
    summary:
      'Loop report totals with groups by community, grid, category and month; JSON, or CSV with Accept: text/csv or ?format=csv',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: LoopBreakdownResponseDto })
  @ApiForbiddenResponse({ description: 'A community or grid outside your scope' })
  async breakdown(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: LoopBreakdownQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScopedLoopBreakdown | string> {
    const breakdown = await this.report.breakdown(user, query, query.by);
    if (wantsCsv(query.format, accept)) {
      sendAsCsv(response, `loop-breakdown-${breakdown.period.from.slice(0, 10)}.csv`);
      return loopBreakdownCsv(breakdown);
    }
    return breakdown;
  }
}

function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  return format === 'csv' || (format === undefined && accept?.includes('text/csv') === true);
}

function sendAsCsv(response: Response, filename: string): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
}
