import { Module } from '@nestjs/common';
import { ConfigModule, PlatformConfig, PlatformModule } from '@loop/platform';
import { MessagingModule, messagingOptionsFrom } from '@loop/messaging';
import { ActivityModule } from './activity/activity.module';
import { VolunteerHoursConfig } from './config/volunteer-hours.config';
import { volunteerHoursMigrations } from './database/migrations';
import { DirectoryModule } from './directory/directory.module';
import { LeaderboardModule } from './leaderboard/leaderboard.module';
import { LedgerModule } from './ledger/ledger.module';
import { LoopAuditModule } from './loop-audit/loop-audit.module';
import { ReportModule } from './report/report.module';

/** Composition root of the volunteer-hours service. */
@Module({
  imports: [
    PlatformModule.forRoot({
      config: VolunteerHoursConfig,
      database: { entities: [], migrations: volunteerHoursMigrations },
    }),
    MessagingModule.forRootAsync({
      imports: [ConfigModule.forRoot(VolunteerHoursConfig)],
      inject: [PlatformConfig],
      useFactory: (config: PlatformConfig) => messagingOptionsFrom(config, 'volunteer-hours'),
    }),
    DirectoryModule,
    LedgerModule,
    LeaderboardModule,
    ActivityModule,
    LoopAuditModule,
    ReportModule,
  ],
})
export class AppModule {}
