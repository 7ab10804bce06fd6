import { Module } from '@nestjs/common';
import { EventNotificationFactsQuery } from './event-notification-facts.query';
import { LoopAuditHttpController } from './loop-audit.http-controller';

const httpControllers = [LoopAuditHttpController];
const queries = [EventNotificationFactsQuery];

/** The facts notifications owns about the loop, for the requests service's loop auditor (admin only). */
@Module({
  controllers: httpControllers,
  providers: queries,
})
export class LoopAuditModule {}
