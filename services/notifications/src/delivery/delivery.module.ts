import { Module } from '@nestjs/common';
import { ClockModule, ConfigModule } from '@loop/platform';
import { NotificationsConfig } from '../config/notifications.config';
import { LiveChannel } from '../live-stream/application/live-channel.port';
import { LiveStreamModule } from '../live-stream/live-stream.module';
import { NotificationModule } from '../notification/notification.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { DeliveryWorker } from './application/delivery-worker';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './application/notification-channel';
import { DeliveriesRepository } from './infrastructure/deliveries.typeorm-repository';
import { SmsChannel } from './infrastructure/sms.channel';
import { WebhookChannel } from './infrastructure/webhook.channel';
import { DeliveriesHttpController } from './interface/http/deliveries.http-controller';

const httpControllers = [DeliveriesHttpController];
const channels = [WebhookChannel, SmsChannel];

/** Sends pending deliveries through the channels after commit, with retries and a delivery log. */
@Module({
  imports: [
    ConfigModule.forRoot(NotificationsConfig),
    ClockModule,
    NotificationModule,
    PreferencesModule,
    LiveStreamModule,
  ],
  controllers: httpControllers,
  providers: [
    DeliveriesRepository,
    DeliveryWorker,
    ...channels,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [LiveChannel, WebhookChannel, SmsChannel],
      useFactory: (...all: NotificationChannel[]) => all,
    },
  ],
})
export class DeliveryModule {}
