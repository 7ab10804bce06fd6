// A config schema shaped like a service's, for tests of the checks themselves: the platform's variables
// with a service's defaults. Real services are checked with their own schemas (overlays.spec.ts).
import { PlatformConfig } from '@loop/platform';

/** The requests service's schema as the checks' tests assume it. */
export class RequestsStandInConfig extends PlatformConfig {
  override PORT = 3001;
  override KAFKA_CLIENT_ID = 'requests';
}
