import { Module } from '@nestjs/common';
import { ClockModule } from '@loop/platform';
import { LoopReportQuery } from './application/loop-report.query';
import { ReportsHttpController } from './interface/http/reports.http-controller';

const httpControllers = [ReportsHttpController];
const queries = [LoopReportQuery];

/** The loop reports. */
@Module({ imports: [ClockModule], controllers: httpControllers, providers: queries })
export class ReportModule {}
