import { Inject, Injectable } from '@nestjs/common';
import { NotificationsConfig } from '../../config/notifications.config';
import {
  NotificationChannel,
  OutgoingMessage,
  UndeliverableError,
} from '../application/notification-channel';
import { postJson } from './http-post';

/**
 * The SMS gateway adapter: POSTs `{ to, text, reference }` to SMS_GATEWAY_URL. The number is the
 * recipient's own, from their preferences; the reference (the delivery id) lets the gateway drop repeats.
 */
@Injectable()
export class SmsChannel implements NotificationChannel {
  readonly name = 'sms' as const;

  constructor(@Inject(NotificationsConfig) private readonly config: NotificationsConfig) {}

  /** Hands the text to the gateway; throws with the reason when it does not answer 2xx. */
  async send(message: OutgoingMessage): Promise<void> {
    const url = this.config.SMS_GATEWAY_URL;
    if (!url) throw new UndeliverableError('no SMS gateway is configured');
    if (!message.preference.smsNumber) throw new UndeliverableError('the recipient removed their SMS number');
    const separator = message.language === 'en' ? ': ' : '：';
    const body = JSON.stringify({
      to: message.preference.smsNumber,
      text: `${message.text.title}${separator}${message.text.body}`,
      reference: message.deliveryId,
    });
    // The gateway is the operator's own choice (configuration), so its address is not checked like a
    // person's webhook; its answers' bodies are dropped all the same.
    await postJson(new URL(url), body, {}, this.config.DELIVERY_TIMEOUT_MS);
  }
}
