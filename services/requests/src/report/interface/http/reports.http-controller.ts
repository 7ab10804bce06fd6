import { applyDecorators, Controller, Get, Headers, Query, Res, Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@loop/platform';
import type { Response } from 'express';
import { LoopReportQuery, ScopedLoopBreakdown, ScopedLoopReport } from '../../application/loop-report.query';
import { MonthlyReportQuery } from '../../application/monthly-report.query';
import { loopBreakdownCsv } from '../../domain/loop-breakdown';
import type { MonthlyReport } from '../../domain/monthly-report';
import { renderMonthlyReportHtml } from '../../domain/monthly-report.html';
import { loopReportCsv } from '../../domain/loop-report';
import { LoopBreakdownQueryDto, LoopReportQueryDto, MonthlyReportQueryDto } from './loop-report.request.dto';
import {
  LoopBreakdownResponseDto,
  LoopReportResponseDto,
  MonthlyReportResponseDto,
} from './loop-report.response.dto';

/** Documents a report answered as JSON, or as CSV or HTML text when the client asks for it. */
function ApiReportResponse(json: Type<unknown>, text: 'text/csv' | 'text/html'): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(json),
    ApiOkResponse({
      content: {
        'application/json': { schema: { $ref: getSchemaPath(json) } },
        [text]: { schema: { type: 'string' } },
      },
    }),
  );
}

/** The closed-loop reports (受理率, 办结率, 满意率 …), computed from the ticket timelines. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsHttpController {
  constructor(
    private readonly report: LoopReportQuery,
    private readonly monthlyReport: MonthlyReportQuery,
  ) {}

  /** The loop report of a community, grid, category or the caller's whole scope, for a period. */
  @Get('loop')
  @Roles('staff', 'secretary', 'official', 'grid_worker', 'admin')
  @ApiOperation({
    summary: 'Loop report for a scope and period; JSON, or CSV with Accept: text/csv or ?format=csv',
  })
  @ApiReportResponse(LoopReportResponseDto, 'text/csv')
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
  @ApiReportResponse(LoopBreakdownResponseDto, 'text/csv')
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

  /** The monthly community report for the joint meeting (联席会月报): JSON, or a printable A4 page. */
  @Get('monthly')
  @Roles('staff', 'secretary', 'official', 'admin')
  @ApiOperation({
    summary:
      'Monthly community report (联席会月报) per community and for the district; JSON, or printable zh-CN HTML with Accept: text/html or ?format=html',
  })
  @ApiReportResponse(MonthlyReportResponseDto, 'text/html')
  @ApiForbiddenResponse({ description: 'A community outside your scope' })
  async monthly(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: MonthlyReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Headers('authorization') authorization: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MonthlyReport | string> {
    // The guard has verified the bearer token; the peers check the same token against their own rules.
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    const report = await this.monthlyReport.execute(user, query, token);
    if (wantsHtml(query.format, accept)) {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      return renderMonthlyReportHtml(report);
    }
    return report;
  }
}

function wantsHtml(format: 'json' | 'html' | undefined, accept: string | undefined): boolean {
  return format === 'html' || (format === undefined && accept?.includes('text/html') === true);
}

function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  return format === 'csv' || (format === undefined && accept?.includes('text/csv') === true);
}

function sendAsCsv(response: Response, filename: string): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
}
