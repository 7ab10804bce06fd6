import { Module } from '@nestjs/common';
import { MessagingModule, messagingOptionsFrom } from '@loop/messaging';
import { ConfigModule, PlatformModule } from '@loop/platform';
import { NotificationsConfig } from './config/notifications.config';
import { notificationsMigrations } from './database/migrations';
import { DeliveryModule } from './delivery/delivery.module';
import { FactsModule } from './facts/facts.module';
import { LiveStreamModule } from './live-stream/live-stream.module';
import { LoopAuditModule } from './loop-audit/loop-audit.module';
import { NotificationModule } from './notification/notification.module';
import { PreferencesModule } from './preferences/preferences.module';

/** Composition root of the notifications service. */
@Module({
  imports: [
    PlatformModule.forRoot({
      config: NotificationsConfig,
      database: { entities: [], migrations: notificationsMigrations },
    }),
    MessagingModule.forRootAsync({
      imports: [ConfigModule.forRoot(NotificationsConfig)],
      inject: [NotificationsConfig],
      useFactory: (config: NotificationsConfig) => messagingOptionsFrom(config, 'notifications'),
    }),
    FactsModule,
    PreferencesModule,
    NotificationModule,
    LiveStreamModule,
    DeliveryModule,
    LoopAuditModule,
  ],
})
export class AppModule {}
