import { Module } from '@nestjs/common';
import { PlatformModule } from '@loop/platform';
import { NotificationsConfig } from './config/notifications.config';
import { notificationsMigrations } from './database/migrations';

/** Composition root of the notifications service. */
@Module({
  imports: [
    PlatformModule.forRoot({
      config: NotificationsConfig,
      database: { entities: [], migrations: notificationsMigrations },
    }),
  ],
})
export class AppModule {}
