import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { ClockModule, ConfigModule } from '@loop/platform';
import { NotificationsConfig } from '../config/notifications.config';
import { SMS_ENABLED } from '../delivery/application/notification-channel';
import { FactsModule } from '../facts/facts.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { NotificationReader } from './application/notification-reader.port';
import { ReaderLanguage } from './application/reader-language.query';
import { RecordNotificationsHandler } from './application/record-notifications.handler';
import { NotificationsRepository } from './infrastructure/notifications.typeorm-repository';
import { InboxHttpController } from './interface/http/inbox.http-controller';
import { LoopEventsKafkaConsumer } from './interface/kafka/loop-events.kafka-consumer';

const httpControllers = [InboxHttpController];
const kafkaConsumers = [LoopEventsKafkaConsumer];
const handlers = [RecordNotificationsHandler, ReaderLanguage];
const repositories = [NotificationsRepository];
const ports = [{ provide: NotificationReader, useExisting: NotificationsRepository }];

/**
 * The rules, each person's inbox, and the notifications the loop's events cause. Other slices inject
 * {@link NotificationReader} and {@link ReaderLanguage}.
 */
@Module({
  imports: [
    ConfigModule.forRoot(NotificationsConfig),
    ClockModule,
    OutboxModule,
    FactsModule,
    PreferencesModule,
  ],
  controllers: httpControllers,
  providers: [
    ...kafkaConsumers,
    ...handlers,
    ...repositories,
    ...ports,
    {
      provide: SMS_ENABLED,
      inject: [NotificationsConfig],
      useFactory: (config: NotificationsConfig) => Boolean(config.SMS_GATEWAY_URL),
    },
  ],
  exports: [NotificationReader, ReaderLanguage],
})
export class NotificationModule {}
