import type { NotificationChannel, OutgoingMessage } from '../../delivery/application/notification-channel';

/**
 * The live stream as a channel the delivery worker sends through: a notification pushed to the person's
 * open streams on any replica. Inject this class (it is the DI token); the live-stream module binds it
 * to the Redis-backed channel.
 */
export abstract class LiveChannel implements NotificationChannel {
  abstract readonly name: 'live_stream';

  /** Publishes the notification to the recipient's streams. */
  abstract send(message: OutgoingMessage): Promise<void>;
}
