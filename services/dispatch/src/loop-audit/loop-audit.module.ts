import { Module } from '@nestjs/common';
import { DispatchCaseFactsQuery } from './dispatch-case-facts.query';
import { LoopAuditHttpController } from './loop-audit.http-controller';

const httpControllers = [LoopAuditHttpController];
const queries = [DispatchCaseFactsQuery];

/** The facts dispatch owns about the loop, for the requests service's loop auditor (admin only). */
@Module({
  controllers: httpControllers,
  providers: queries,
})
export class LoopAuditModule {}
