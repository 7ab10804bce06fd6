import { Module } from '@nestjs/common';
import { PlatformModule } from '@loop/platform';
import { VolunteerHoursConfig } from './config/volunteer-hours.config';
import { volunteerHoursMigrations } from './database/migrations';

/** Composition root of the volunteer-hours service. */
@Module({
  imports: [
    PlatformModule.forRoot({
      config: VolunteerHoursConfig,
      database: { entities: [], migrations: volunteerHoursMigrations },
    }),
  ],
})
export class AppModule {}
