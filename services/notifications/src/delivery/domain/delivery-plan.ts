import type { DeliveryChannelName } from '../../notification/domain/notification';
import type { NotificationPriority } from '../../notification/domain/notification-kind';
import { QuietHours, releaseTimeAfterQuietHours } from '../../preferences/domain/quiet-hours';

/** What decides the channels of one notification. */
export interface ChannelSituation {
  priority: NotificationPriority;
  quietHours: QuietHours | null;
  hasWebhook: boolean;
  /** The recipient gave an SMS number and the service has an SMS gateway. */
  canSms: boolean;
  now: Date;
}

/** One channel a notification will go out on, and from when. */
export interface ChannelPlan {
  channel: DeliveryChannelName;
  /** `inbox` is delivered by storing the notification; the others wait for the delivery worker. */
  status: 'pending' | 'delivered';
  notBefore: Date;
  heldByQuietHours: boolean;
}

/**
 * The channels of a notification (pure): the inbox and the live stream always and at once; webhook and
 * SMS when the person set them up — held until the end of their quiet hours unless urgent.
 */
export function planChannels(situation: ChannelSituation): ChannelPlan[] {
  const { now } = situation;
  const release =
    situation.priority === 'urgent' ? now : releaseTimeAfterQuietHours(now, situation.quietHours);
  const push = (channel: DeliveryChannelName): ChannelPlan => ({
    channel,
    status: 'pending',
    notBefore: release,
    heldByQuietHours: release.getTime() > now.getTime(),
  });
  return [
    { channel: 'inbox', status: 'delivered', notBefore: now, heldByQuietHours: false },
    { channel: 'live_stream', status: 'pending', notBefore: now, heldByQuietHours: false },
    ...(situation.hasWebhook ? [push('webhook')] : []),
    ...(situation.canSms ? [push('sms')] : []),
  ];
}

/**
 * When a failed webhook or SMS delivery is tried again (pure): after the backoff delay — and, unless the
 * message is urgent, never inside the person's quiet hours, which a retry can run into.
 */
export function retryTime(
  failedAt: Date,
  delayMs: number,
  priority: ChannelSituation['priority'],
  quietHours: QuietHours | null,
): Date {
  const afterBackoff = new Date(failedAt.getTime() + delayMs);
  return priority === 'urgent' ? afterBackoff : releaseTimeAfterQuietHours(afterBackoff, quietHours);
}
