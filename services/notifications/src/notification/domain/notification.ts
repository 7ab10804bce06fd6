import type { Recipient } from './notification-rules';
import type { NotificationKind, NotificationPriority, TemplateParams } from './notification-kind';

/** A notification as stored in a person's inbox; its text is rendered when read, in the reader's language. */
export interface StoredNotification {
  id: string;
  recipient: Recipient;
  /** Position in the recipient's stream: 1, 2, 3… without gaps; the live stream's event id. */
  sequence: number;
  kind: NotificationKind;
  priority: NotificationPriority;
  params: TemplateParams;
  ticketId: string | null;
  causedByEventId: string;
  causedByEventType: string;
  createdAt: Date;
  readAt: Date | null;
}

/** The channels a notification can go out on. `inbox` is written with the notification itself. */
export const deliveryChannelNames = ['inbox', 'live_stream', 'webhook', 'sms'] as const;
/** A channel a notification can go out on. */
export type DeliveryChannelName = (typeof deliveryChannelNames)[number];

/** Where a delivery stands: waiting (possibly for quiet hours or a retry), done, or given up. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
