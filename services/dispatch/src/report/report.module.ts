import { Module } from '@nestjs/common';
import { HouseholdCoverageQuery } from './household-coverage.query';
import { ReportHttpController } from './report.http-controller';

const httpControllers = [ReportHttpController];
const queries = [HouseholdCoverageQuery];

/** The directory's figures for the monthly community report. */
@Module({ controllers: httpControllers, providers: queries })
export class ReportModule {}
