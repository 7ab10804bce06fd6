import { Module } from '@nestjs/common';
import { ConfigModule } from '@loop/platform';
import { VolunteerHoursConfig } from '../config/volunteer-hours.config';
import { LoopAuditHttpController } from './loop-audit.http-controller';
import { TicketHoursFactsQuery } from './ticket-hours-facts.query';

const httpControllers = [LoopAuditHttpController];
const queries = [TicketHoursFactsQuery];

/** The facts the hours ledger owns about the loop, for the requests service's loop auditor (admin only). */
@Module({
  imports: [ConfigModule.forRoot(VolunteerHoursConfig)],
  controllers: httpControllers,
  providers: queries,
})
export class LoopAuditModule {}
