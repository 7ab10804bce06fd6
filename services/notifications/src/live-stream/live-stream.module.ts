import { Module } from '@nestjs/common';
import { ConfigModule, RedisModule } from '@loop/platform';
import { NotificationsConfig } from '../config/notifications.config';
import { NotificationModule } from '../notification/notification.module';
import { LiveChannel } from './application/live-channel.port';
import { LiveStream } from './application/live-stream';
import { LiveFanout } from './infrastructure/live-fanout';
import { LiveStreamChannel } from './infrastructure/live-stream.channel';
import { StreamHttpController } from './interface/http/stream.http-controller';

const httpControllers = [StreamHttpController];
const ports = [{ provide: LiveChannel, useExisting: LiveStreamChannel }];

/**
 * Server-Sent Events per person, fanned out across replicas through Redis pub/sub. The delivery slice
 * sends through {@link LiveChannel}.
 */
@Module({
  imports: [
    ConfigModule.forRoot(NotificationsConfig),
    RedisModule.forRoot(NotificationsConfig),
    NotificationModule,
  ],
  controllers: httpControllers,
  providers: [LiveFanout, LiveStream, LiveStreamChannel, ...ports],
  exports: [LiveChannel],
})
export class LiveStreamModule {}
