import { Module } from '@nestjs/common';
import { ConfigModule, RedisModule } from '@loop/platform';
import { NotificationsConfig } from '../config/notifications.config';
import { NotificationModule } from '../notification/notification.module';
import { LiveStream } from './application/live-stream';
import { LiveFanout } from './infrastructure/live-fanout';
import { LiveStreamChannel } from './infrastructure/live-stream.channel';
import { StreamHttpController } from './interface/http/stream.http-controller';

const httpControllers = [StreamHttpController];

/** Server-Sent Events per person, fanned out across replicas through Redis pub/sub. */
@Module({
  imports: [
    ConfigModule.forRoot(NotificationsConfig),
    RedisModule.forRoot(NotificationsConfig),
    NotificationModule,
  ],
  controllers: httpControllers,
  providers: [LiveFanout, LiveStream, LiveStreamChannel],
  exports: [LiveStreamChannel],
})
export class LiveStreamModule {}
