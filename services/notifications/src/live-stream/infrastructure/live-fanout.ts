import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createRedisClient, REDIS } from '@loop/platform';
import type Redis from 'ioredis';
import { NotificationsConfig } from '../../config/notifications.config';
import type { StoredNotification } from '../../notification/domain/notification';

/** Called with each notification published for a person. */
export type LiveListener = (notification: StoredNotification) => void;

/**
 * Fans notifications out to whichever replica holds a person's open streams, through Redis pub/sub
 * (one channel per person, under REDIS_KEY_PREFIX). Each replica keeps one subscriber
 * connection and subscribes to a person's channel while at least one of their streams is open.
 * Pub/sub may drop a message (a reconnect); the stream notices the gap in the sequence and reads
 * the missing notifications from PostgreSQL.
 */
@Injectable()
export class LiveFanout implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveFanout.name);
  private subscriber: Redis | undefined;
  private readonly listeners = new Map<string, Set<LiveListener>>();

  constructor(
    @Inject(REDIS) private readonly publisher: Redis,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
  ) {}

  /** Publishes a notification to its recipient's channel; resolves once Redis accepted it. */
  async publish(notification: StoredNotification): Promise<void> {
    await this.publisher.publish(this.channelOf(notification.recipient.id), JSON.stringify(notification));
  }

  /** Listens to a person's notifications until the returned function is called. */
  async subscribe(recipientId: string, listener: LiveListener): Promise<() => Promise<void>> {
    const channel = this.channelOf(recipientId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    // SUBSCRIBE is idempotent; its reply means Redis will deliver from now on.
    await this.subscriberConnection().subscribe(channel);
    return async () => {
      const current = this.listeners.get(channel);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.listeners.delete(channel);
        await this.subscriber?.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  /** Closes the subscriber connection. */
  async onApplicationShutdown(): Promise<void> {
    this.listeners.clear();
    this.subscriber?.disconnect();
  }

  // Both clients carry REDIS_KEY_PREFIX as ioredis' keyPrefix, which ioredis applies to pub/sub channel
  // names too (and strips from incoming messages): the name here is unprefixed.
  private channelOf(recipientId: string): string {
    return `notifications:live:${recipientId}`;
  }

  private subscriberConnection(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = createRedisClient(this.config, this.logger);
    subscriber.on('message', (channel: string, text: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      const parsed = JSON.parse(text) as StoredNotification & { createdAt: string; readAt: string | null };
      const notification: StoredNotification = {
        ...parsed,
        createdAt: new Date(parsed.createdAt),
        readAt: parsed.readAt ? new Date(parsed.readAt) : null,
      };
      for (const listener of set) listener(notification);
    });
    this.subscriber = subscriber;
    return subscriber;
  }
}
