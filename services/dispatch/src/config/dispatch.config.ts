import { PlatformConfig } from '@loop/platform';

/** Configuration of the dispatch service: the platform's variables with this service's defaults. */
export class DispatchConfig extends PlatformConfig {
  override PORT = 3002;
  override KAFKA_CLIENT_ID = 'dispatch';
}
