import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CLOCK, Clock, counterMetric, logBackgroundFailure } from '@loop/platform';
import { DataSource } from 'typeorm';
import { NotificationsConfig } from '../../config/notifications.config';
import { NotificationReader } from '../../notification/application/notification-reader.port';
import { renderNotification } from '../../notification/domain/templates';
import { PreferencesReader } from '../../preferences/application/preferences-reader.port';
import { defaultPreference } from '../../preferences/domain/preference';
import { DeliveryRetryPolicy, mayRetryDelivery, nextRetryDelayMs } from '../domain/delivery-backoff';
import { retryTime } from '../domain/delivery-plan';
import type { StoredNotification } from '../../notification/domain/notification';
import type { QuietHours } from '../../preferences/domain/quiet-hours';
import { DeliveriesRepository, Delivery } from '../infrastructure/deliveries.typeorm-repository';
import { NOTIFICATION_CHANNELS, NotificationChannel, UndeliverableError } from './notification-channel';

const deliveriesTotal = () =>
  counterMetric({
    name: 'notification_deliveries_total',
    help: 'Delivery attempts by channel and outcome (delivered, retry, failed)',
    labelNames: ['channel', 'outcome'],
  });

const batchSize = 50;

/**
 * Sends pending deliveries after their notification committed: claims due rows, renders them in the
 * recipient's language, sends each through its channel and records the outcome — retrying with
 * exponential backoff and, once the attempts are used, recording the delivery as failed with the
 * reason. Runs on every replica; claims never overlap (see DeliveriesRepository.claimDue).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly channels: Map<string, NotificationChannel>;
  private readonly policy: DeliveryRetryPolicy;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly notifications: NotificationReader,
    private readonly preferences: PreferencesReader,
    @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[],
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.channels = new Map(channels.map((channel) => [channel.name, channel]));
    this.policy = {
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      baseDelayMs: config.DELIVERY_RETRY_BASE_MS,
      maxDelayMs: config.DELIVERY_RETRY_MAX_MS,
    };
  }

  /** Starts polling. */
  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in flight. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends every delivery due now, batch by batch; returns how many were attempted. Public for tests. */
  async deliverDue(): Promise<number> {
    let attempted = 0;
    for (;;) {
      if (this.stopped) return attempted;
      const claimed = await this.dataSource.transaction((manager) =>
        this.deliveries.claimDue(manager, this.clock.now(), this.leaseMs(), batchSize),
      );
      if (claimed.length === 0) return attempted;
      await this.sendAll(claimed);
      attempted += claimed.length;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.deliverDue()
        .then(() => undefined)
        .catch((error: unknown) => logBackgroundFailure(this.logger, 'Sending due deliveries', error))
        .finally(() => this.schedule(this.config.DELIVERY_POLL_INTERVAL_MS));
    }, delayMs);
  }

  // Long enough for a send to time out and its outcome to be written.
  private leaseMs(): number {
    return this.config.DELIVERY_TIMEOUT_MS * 2 + 5_000;
  }

  private async sendAll(claimed: Delivery[]): Promise<void> {
    const manager = this.dataSource.manager;
    const recipientIds = [...new Set(claimed.map((d) => d.recipientId))];
    const [notifications, preferences, webhooks] = await Promise.all([
      this.notifications.byIds(manager, [...new Set(claimed.map((d) => d.notificationId))]),
      this.preferences.preferencesOf(manager, recipientIds),
      this.preferences.webhooksOf(manager, recipientIds),
    ]);
    const delivered: Array<{ delivery: Delivery; at: Date }> = [];
    await Promise.all(
      claimed.map(async (delivery) => {
        const notification = notifications.get(delivery.notificationId);
        const channel = this.channels.get(delivery.channel);
        const preference = preferences.get(delivery.recipientId) ?? defaultPreference(delivery.recipientId);
        try {
          if (!notification) throw new UndeliverableError('the notification no longer exists');
          if (!channel) throw new UndeliverableError(`no channel ${delivery.channel} is configured`);
          await channel.send({
            deliveryId: delivery.id,
            notification,
            language: preference.language,
            text: renderNotification(notification.kind, notification.params, preference.language),
            preference,
            webhook: webhooks.get(delivery.recipientId) ?? null,
          });
        } catch (error) {
          await this.recordFailure(
            delivery,
            error,
            notification?.priority ?? 'normal',
            preference.quietHours,
          );
          return;
        }
        delivered.push({ delivery, at: this.clock.now() });
      }),
    );
    // One transaction records the batch's successes. Should it fail (or the process die first), the
    // lease runs out and they are sent again: a delivery is at least once, never lost.
    if (delivered.length === 0) return;
    await this.dataSource.transaction((tx) =>
      this.deliveries.markDelivered(
        tx,
        delivered.map(({ delivery, at }) => ({ id: delivery.id, at })),
      ),
    );
    for (const { delivery } of delivered)
      deliveriesTotal().inc({ channel: delivery.channel, outcome: 'delivered' });
  }

  private async recordFailure(
    delivery: Delivery,
    error: unknown,
    priority: StoredNotification['priority'],
    quietHours: QuietHours | null,
  ): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const retry = !(error instanceof UndeliverableError) && mayRetryDelivery(this.policy, delivery.attempts);
    const now = this.clock.now();
    const retryAt = retry
      ? retryTime(now, nextRetryDelayMs(this.policy, delivery.attempts), priority, quietHours)
      : null;
    await this.dataSource.transaction((tx) =>
      this.deliveries.markAttemptFailed(tx, delivery.id, now, reason, retryAt),
    );
    deliveriesTotal().inc({ channel: delivery.channel, outcome: retry ? 'retry' : 'failed' });
    const line = `${delivery.channel} delivery ${delivery.id} attempt ${delivery.attempts} failed: ${reason}`;
    if (retry) this.logger.warn(`${line}; retrying at ${retryAt?.toISOString()}`);
    else this.logger.error(`${line}; recorded as failed`);
  }
}
