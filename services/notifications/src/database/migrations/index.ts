import { messagingMigrations } from '@loop/messaging';
import { NotificationsSchema1764230000000 } from './1764230000000-notifications-schema';
import { NumberStreamsAtCommit1764260000000 } from './1764260000000-number-streams-at-commit';
import { DropRemoteAnswersFromDeliveryLog1796640000000 } from './1796640000000-drop-remote-answers-from-delivery-log';
import { TicketFollowers1797360000000 } from './1797360000000-ticket-followers';

// Every migration of the notifications database, in order. Applied at start-up; the schema is never synchronised.
export const notificationsMigrations = [
  ...messagingMigrations,
  NotificationsSchema1764230000000,
  NumberStreamsAtCommit1764260000000,
  DropRemoteAnswersFromDeliveryLog1796640000000,
  // tickets merged into a master as duplicate reports (ADR 0016)
  TicketFollowers1797360000000,
];
