// A config schema shaped like a service's, for tests of the checks themselves: the platform's variables
// with a service's defaults. Real services are checked with their own schemas (overlays.spec.ts).
import { IsHttpUrl, IsIntegerBetween, PlatformConfig, ToInteger } from '@loop/platform';

/** The requests service's schema as the checks' tests assume it. */
export class RequestsStandInConfig extends PlatformConfig {
  override PORT = 3001;
  override KAFKA_CLIENT_ID = 'requests';

  // The loop audit's settings, which the requests ConfigMap sets.
  @IsHttpUrl()
  DISPATCH_URL = 'http://127.0.0.1:3002';
  @IsHttpUrl()
  VOLUNTEER_HOURS_URL = 'http://127.0.0.1:3003';
  @IsHttpUrl()
  NOTIFICATIONS_URL = 'http://127.0.0.1:3004';
  @ToInteger()
  @IsIntegerBetween(0, 24 * 3600)
  LOOP_AUDIT_SETTLE_SECONDS = 60;
}
