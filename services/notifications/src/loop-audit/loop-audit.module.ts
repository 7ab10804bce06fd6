import { Module } from '@nestjs/common';
import { ConfigModule } from '@loop/platform';
import { NotificationsConfig } from '../config/notifications.config';
import { EventNotificationFactsQuery } from './event-notification-facts.query';
import { LoopAuditHttpController } from './loop-audit.http-controller';

const httpControllers = [LoopAuditHttpController];
const queries = [EventNotificationFactsQuery];

/** The facts notifications owns about the loop, for the requests service's loop auditor (admin only). */
@Module({
  imports: [ConfigModule.forRoot(NotificationsConfig)],
  controllers: httpControllers,
  providers: queries,
})
export class LoopAuditModule {}
