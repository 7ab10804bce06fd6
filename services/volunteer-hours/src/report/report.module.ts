import { Module } from '@nestjs/common';
import { CommunityServiceFactsQuery } from './community-service-facts.query';
import { ReportHttpController } from './report.http-controller';

const httpControllers = [ReportHttpController];
const queries = [CommunityServiceFactsQuery];

/** The hours ledger's figures for the monthly community report. */
@Module({ controllers: httpControllers, providers: queries })
export class ReportModule {}
