import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@loop/platform';
import { NotificationsConfig } from '../../config/notifications.config';
import {
  NotificationChannel,
  OutgoingMessage,
  UndeliverableError,
} from '../application/notification-channel';
import {
  signWebhook,
  webhookDeliveryHeader,
  webhookSignatureHeader,
  webhookTimestampHeader,
} from '../domain/webhook-signature';
import { CheckedWebhookTarget, WebhookTargets } from '../../preferences/application/webhook-targets.port';
import { UnsafeWebhookTargetError } from '../../preferences/domain/preference.errors';
import { postJson } from './http-post';

/** The JSON a webhook receives: the rendered text and ids the recipient may see — nothing personal. */
export function webhookBody(message: OutgoingMessage): string {
  const { notification } = message;
  return JSON.stringify({
    deliveryId: message.deliveryId,
    notificationId: notification.id,
    sequence: notification.sequence,
    kind: notification.kind,
    priority: notification.priority,
    language: message.language,
    title: message.text.title,
    body: message.text.body,
    ticketId: notification.ticketId,
    createdAt: notification.createdAt.toISOString(),
  });
}

/** Posts a notification to the recipient's webhook, signed with HMAC-SHA256 over timestamp and body. */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;

  constructor(
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly targets: WebhookTargets,
  ) {}

  /**
   * Checks the target again (its DNS may have changed since it was registered), then signs and posts
   * to the checked address; throws with the reason when the target is refused or does not answer 2xx.
   */
  async send(message: OutgoingMessage): Promise<void> {
    if (!message.webhook) throw new UndeliverableError('the recipient no longer has a webhook subscription');
    const target = await this.checkedTarget(message.webhook.url);
    const body = webhookBody(message);
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    await postJson(
      target.url,
      body,
      {
        [webhookSignatureHeader]: signWebhook(message.webhook.secret, timestamp, body),
        [webhookTimestampHeader]: String(timestamp),
        [webhookDeliveryHeader]: message.deliveryId,
      },
      this.config.DELIVERY_TIMEOUT_MS,
      target.address,
    );
  }

  // A refused address is not retried (the person must change the URL); a host that did not resolve is.
  private async checkedTarget(url: string): Promise<CheckedWebhookTarget> {
    try {
      return await this.targets.check(url);
    } catch (error) {
      if (error instanceof UnsafeWebhookTargetError && !error.retriable)
        throw new UndeliverableError(error.message);
      throw error;
    }
  }
}
