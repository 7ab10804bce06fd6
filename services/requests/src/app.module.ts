import { Module } from '@nestjs/common';
import { MessagingModule, messagingOptionsFrom } from '@loop/messaging';
import { ConfigModule, PlatformModule, TimersModule } from '@loop/platform';
import { AttachmentModule } from './attachment/attachment.module';
import { CategoryModule } from './category/category.module';
import { DuplicateModule } from './duplicate/duplicate.module';
import { RequestsConfig } from './config/requests.config';
import { requestsMigrations } from './database/migrations';
import { LoopAuditModule } from './loop-audit/loop-audit.module';
import { Open311Module } from './open311/open311.module';
import { ReportModule } from './report/report.module';
import { TicketModule } from './ticket/ticket.module';

/** Composition root of the requests service. */
@Module({
  imports: [
    PlatformModule.forRoot({
      config: RequestsConfig,
      database: { entities: [], migrations: requestsMigrations },
    }),
    MessagingModule.forRootAsync({
      imports: [ConfigModule.forRoot(RequestsConfig)],
      inject: [RequestsConfig],
      useFactory: (config: RequestsConfig) => messagingOptionsFrom(config, 'requests'),
    }),
    TimersModule.forRoot(RequestsConfig),
    TicketModule,
    AttachmentModule,
    CategoryModule,
    DuplicateModule,
    ReportModule,
    LoopAuditModule,
    Open311Module,
  ],
})
export class AppModule {}
