import { Module } from '@nestjs/common';
import { MessagingModule, messagingOptionsFrom } from '@loop/messaging';
import { ConfigModule, PlatformConfig, PlatformModule, TimersModule } from '@loop/platform';
import { AssignmentModule } from './assignment/assignment.module';
import { DispatchConfig } from './config/dispatch.config';
import { dispatchMigrations } from './database/migrations';
import { DirectoryModule } from './directory/directory.module';
import { LoopAuditModule } from './loop-audit/loop-audit.module';
import { ReportModule } from './report/report.module';
import { SummonsModule } from './summons/summons.module';

/** Composition root of the dispatch service. */
@Module({
  imports: [
    PlatformModule.forRoot({
      config: DispatchConfig,
      database: { entities: [], migrations: dispatchMigrations },
    }),
    DirectoryModule,
    MessagingModule.forRootAsync({
      imports: [ConfigModule.forRoot(DispatchConfig)],
      inject: [PlatformConfig],
      useFactory: (config: PlatformConfig) => messagingOptionsFrom(config, 'dispatch'),
    }),
    TimersModule.forRoot(DispatchConfig),
    AssignmentModule,
    SummonsModule,
    LoopAuditModule,
    ReportModule,
  ],
})
export class AppModule {}
