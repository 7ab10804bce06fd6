import { Module } from '@nestjs/common';
import { LoopAuditHttpController } from './loop-audit.http-controller';
import { TicketHoursFactsQuery } from './ticket-hours-facts.query';

const httpControllers = [LoopAuditHttpController];
const queries = [TicketHoursFactsQuery];

/** The facts the hours ledger owns about the loop, for the requests service's loop auditor (admin only). */
@Module({
  controllers: httpControllers,
  providers: queries,
})
export class LoopAuditModule {}
