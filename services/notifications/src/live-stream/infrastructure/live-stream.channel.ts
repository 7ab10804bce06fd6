import { Injectable } from '@nestjs/common';
import { OutgoingMessage } from '../../delivery/application/notification-channel';
import { LiveChannel } from '../application/live-channel.port';
import { LiveFanout } from './live-fanout';

/** Pushes a notification to the person's open streams on any replica. */
@Injectable()
export class LiveStreamChannel implements LiveChannel {
  readonly name = 'live_stream' as const;

  constructor(private readonly fanout: LiveFanout) {}

  /** Publishes on the person's Redis channel. */
  async send(message: OutgoingMessage): Promise<void> {
    await this.fanout.publish(message.notification);
  }
}
