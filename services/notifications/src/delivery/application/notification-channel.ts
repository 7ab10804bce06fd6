import type { DeliveryChannelName, StoredNotification } from '../../notification/domain/notification';
import type { NotificationLanguage, RenderedNotification } from '../../notification/domain/templates';
import type { Preference } from '../../preferences/domain/preference';
import type { WebhookSubscription } from '../../preferences/application/preferences-reader.port';

/** One delivery on its way out: the notification, rendered in the recipient's language. */
export interface OutgoingMessage {
  deliveryId: string;
  notification: StoredNotification;
  language: NotificationLanguage;
  text: RenderedNotification;
  preference: Preference;
  webhook: WebhookSubscription | null;
}

/** A way of reaching a person. `send` resolves once the message was handed over, and throws otherwise. */
export interface NotificationChannel {
  readonly name: DeliveryChannelName;
  send(message: OutgoingMessage): Promise<void>;
}

/** The channel cannot deliver this message at all (e.g. the subscription was removed): no retry helps. */
export class UndeliverableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UndeliverableError';
  }
}

/** Injection token of the list of push channels the delivery worker sends through. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/** Injection token: whether an SMS gateway is configured (SMS_GATEWAY_URL set). */
export const SMS_ENABLED = Symbol('SMS_ENABLED');
