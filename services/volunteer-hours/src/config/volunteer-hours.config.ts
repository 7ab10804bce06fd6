import { IsIntegerBetween, PlatformConfig, RateLimitPolicies, ToInteger } from '@loop/platform';

/** Configuration of the volunteer-hours service: the platform's variables with this service's defaults. */
export class VolunteerHoursConfig extends PlatformConfig {
  override PORT = 3003;
  override KAFKA_CLIENT_ID = 'volunteer-hours';

  /** Attendance codes one member may try per rate-limit window: enough for typos, too few to guess. */
  @ToInteger()
  @IsIntegerBetween(1, 100_000)
  RATE_LIMIT_ATTENDANCE_CODES = 10;

  /** The limit of `@RateLimited('attendance-codes')`. */
  override rateLimits(): RateLimitPolicies {
    return {
      'attendance-codes': {
        limit: this.RATE_LIMIT_ATTENDANCE_CODES,
        windowSeconds: this.RATE_LIMIT_WINDOW_SECONDS,
      },
    };
  }
}
