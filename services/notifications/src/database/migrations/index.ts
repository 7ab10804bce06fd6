import { messagingMigrations } from '@loop/messaging';
import { NotificationsSchema1764230000000 } from './1764230000000-notifications-schema';

// Every migration of the notifications database, in order. Applied at start-up; the schema is never synchronised.
export const notificationsMigrations = [...messagingMigrations, NotificationsSchema1764230000000];
