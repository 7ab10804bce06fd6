import { PlatformConfig } from '@loop/platform';

/** Configuration of the notifications service: the platform's variables with this service's defaults. */
export class NotificationsConfig extends PlatformConfig {
  override PORT = 3004;
  override KAFKA_CLIENT_ID = 'notifications';
}
