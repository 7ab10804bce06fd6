import { PlatformConfig } from '@loop/platform';

/** Configuration of the requests service: the platform's variables with this service's defaults. */
export class RequestsConfig extends PlatformConfig {
  override PORT = 3001;
  override KAFKA_CLIENT_ID = 'requests';
}
