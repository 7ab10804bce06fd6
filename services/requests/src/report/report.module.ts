import { Module } from '@nestjs/common';
import { ClockModule, ConfigModule } from '@loop/platform';
import { RequestsConfig } from '../config/requests.config';
import { LoopReportQuery } from './application/loop-report.query';
import { MonthlyReportQuery } from './application/monthly-report.query';
import { SummonsFiguresQuery } from './application/summons-figures.query';
import { ReportPeersHttpClient } from './infrastructure/report-peers.http-client';
import { ReportsHttpController } from './interface/http/reports.http-controller';

const httpControllers = [ReportsHttpController];
const queries = [LoopReportQuery, MonthlyReportQuery, SummonsFiguresQuery];
const infrastructure = [ReportPeersHttpClient];

/** The loop reports and the monthly community report. */
@Module({
  imports: [ConfigModule.forRoot(RequestsConfig), ClockModule],
  controllers: httpControllers,
  providers: [...queries, ...infrastructure],
})
export class ReportModule {}
