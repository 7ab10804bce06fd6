import { ValidateIf } from 'class-validator';
import {
  IsBooleanFlag,
  IsHttpUrl,
  IsIntegerBetween,
  PlatformConfig,
  RateLimitPolicies,
  ToBoolean,
  ToInteger,
} from '@loop/platform';

/** Configuration of the notifications service: the platform's variables plus delivery tuning. */
export class NotificationsConfig extends PlatformConfig {
  override PORT = 3004;
  override KAFKA_CLIENT_ID = 'notifications';

  /** How often every replica looks for due deliveries (live stream, webhook, SMS). */
  @ToInteger()
  @IsIntegerBetween(20, 60_000)
  DELIVERY_POLL_INTERVAL_MS = 250;

  /** Attempts of a webhook or SMS delivery before it is recorded as failed. */
  @ToInteger()
  @IsIntegerBetween(1, 50)
  DELIVERY_MAX_ATTEMPTS = 6;

  /** Delay after the first failed attempt; doubled after each further failure. */
  @ToInteger()
  @IsIntegerBetween(10, 3_600_000)
  DELIVERY_RETRY_BASE_MS = 5_000;

  /** Upper bound of the delay between two attempts. */
  @ToInteger()
  @IsIntegerBetween(10, 86_400_000)
  DELIVERY_RETRY_MAX_MS = 600_000;

  /** How long one webhook or SMS gateway call may take before it counts as failed. */
  @ToInteger()
  @IsIntegerBetween(100, 120_000)
  DELIVERY_TIMEOUT_MS = 5_000;

  /** The SMS gateway's HTTP endpoint (POST); SMS is off while unset. */
  @ValidateIf((config: NotificationsConfig) => config.SMS_GATEWAY_URL !== undefined)
  @IsHttpUrl()
  SMS_GATEWAY_URL?: string;

  /** Webhook registrations and removals one person may make per rate-limit window. */
  @ToInteger()
  @IsIntegerBetween(1, 100_000)
  RATE_LIMIT_WEBHOOK_CHANGES = 60;

  /** Preference changes (language, quiet hours, SMS number) one person may make per window. */
  @ToInteger()
  @IsIntegerBetween(1, 100_000)
  RATE_LIMIT_PREFERENCE_CHANGES = 60;

  /** The limits of `@RateLimited('webhook-changes')` and `@RateLimited('preference-changes')`. */
  override rateLimits(): RateLimitPolicies {
    const windowSeconds = this.RATE_LIMIT_WINDOW_SECONDS;
    return {
      'webhook-changes': { limit: this.RATE_LIMIT_WEBHOOK_CHANGES, windowSeconds },
      'preference-changes': { limit: this.RATE_LIMIT_PREFERENCE_CHANGES, windowSeconds },
    };
  }

  /**
   * Let webhooks reach loopback, private, link-local and other non-public addresses. Only for tests
   * (their receivers listen on 127.0.0.1) and closed networks where every address is trusted: with it
   * on, a person's webhook can make this service call anything it can reach.
   */
  @ToBoolean()
  @IsBooleanFlag()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;
}
