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
import { LoopReportQuery, ScopedLoopReport } from '../../application/loop-report.query';
import { loopReportCsv } from '../../domain/loop-report';
import { LoopReportQueryDto } from './loop-report.request.dto';
import { LoopReportResponseDto } from './loop-report.response.dto';

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
    if (query.format === 'csv' || (query.format === undefined && accept?.includes('text/csv'))) {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="loop-report-${report.period.from.slice(0, 10)}.csv"`,
      );
      return loopReportCsv(report);
    }
    return report;
  }
}
