import { IsHttpUrl, IsIntegerBetween, PlatformConfig, RateLimitPolicies, ToInteger } from '@loop/platform';
import { Matches, ValidateBy } from 'class-validator';
import { parseDurationMs } from '../shared/duration';

/** Requires an ISO 8601 duration (`PT72H`) or a number of seconds. */
function IsDuration(): PropertyDecorator {
  return ValidateBy({
    name: 'isDuration',
    validator: {
      validate: (value) => typeof value === 'string' && parseDurationMs(value) !== undefined,
      defaultMessage: () =>
        '$property must be an ISO 8601 duration such as PT72H or a number of seconds (got "$value")',
    },
  });
}

/** Configuration of the requests service: the platform's variables plus ticket numbering and timings. */
export class RequestsConfig extends PlatformConfig {
  override PORT = 3001;
  override KAFKA_CLIENT_ID = 'requests';

  /** District code at the start of every ticket number (栾城 = LC). */
  @Matches(/^[A-Z]{2,8}$/, { message: 'DISTRICT_CODE must be 2–8 capital letters (got "$value")' })
  DISTRICT_CODE = 'LC';

  /** How long an Idempotency-Key is remembered, in seconds (default 24 h). */
  @ToInteger()
  @IsIntegerBetween(60, 30 * 24 * 3600)
  IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

  /** How long a resolved ticket waits for the resident before it is confirmed automatically. */
  @IsDuration()
  AUTO_CONFIRM_AFTER = 'PT72H';

  /** How long after resolution the resident may reopen a ticket. */
  @IsDuration()
  REOPEN_WINDOW = 'P7D';

  /**
   * How far back a new ticket is compared with earlier ones of the same place and category to propose it
   * as a duplicate report (default 72 h); a community may set its own window (1–720 h).
   */
  @IsDuration()
  DUPLICATE_WINDOW = 'PT72H';

  /** Base URL of the dispatch service, asked for its case facts by the loop audit. */
  @IsHttpUrl()
  DISPATCH_URL = 'http://127.0.0.1:3002';

  /** Base URL of the volunteer-hours service, asked for its ledger facts by the loop audit. */
  @IsHttpUrl()
  VOLUNTEER_HOURS_URL = 'http://127.0.0.1:3003';

  /** Base URL of the notifications service, asked how many notifications each event caused. */
  @IsHttpUrl()
  NOTIFICATIONS_URL = 'http://127.0.0.1:3004';

  /**
   * Seconds the loop audit lets state and events settle before judging them (they may still be in
   * flight between services); also the grace after which a deadline counts as missed. 0 judges at once.
   */
  @ToInteger()
  @IsIntegerBetween(0, 24 * 3600)
  LOOP_AUDIT_SETTLE_SECONDS = 60;

  /** Tickets one person may submit per rate-limit window (residents, grid workers on patrol, staff). */
  @ToInteger()
  @IsIntegerBetween(1, 100_000)
  RATE_LIMIT_TICKET_SUBMISSIONS = 30;

  /** Confirmations, callbacks, reopenings and cancellations one person may make per window. */
  @ToInteger()
  @IsIntegerBetween(1, 100_000)
  RATE_LIMIT_TICKET_ACTIONS = 60;

  /** Photos one person may upload per window (a few per ticket). */
  @ToInteger()
  @IsIntegerBetween(1, 100_000)
  RATE_LIMIT_ATTACHMENT_UPLOADS = 60;

  /** Requests one Open311 api_key may file per window (a city platform files for many people). */
  @ToInteger()
  @IsIntegerBetween(1, 100_000)
  RATE_LIMIT_OPEN311_FILINGS = 120;

  /**
   * The limits of `@RateLimited('ticket-submissions')`, `('ticket-actions')` and `('attachment-uploads')`,
   * and of the Open311 filings counted per api_key (`open311-filings`).
   */
  override rateLimits(): RateLimitPolicies {
    const windowSeconds = this.RATE_LIMIT_WINDOW_SECONDS;
    return {
      'ticket-submissions': { limit: this.RATE_LIMIT_TICKET_SUBMISSIONS, windowSeconds },
      'ticket-actions': { limit: this.RATE_LIMIT_TICKET_ACTIONS, windowSeconds },
      'attachment-uploads': { limit: this.RATE_LIMIT_ATTACHMENT_UPLOADS, windowSeconds },
      'open311-filings': { limit: this.RATE_LIMIT_OPEN311_FILINGS, windowSeconds },
    };
  }

  /** AUTO_CONFIRM_AFTER in milliseconds. */
  get autoConfirmAfterMs(): number {
    return parseDurationMs(this.AUTO_CONFIRM_AFTER) as number;
  }

  /** DUPLICATE_WINDOW in whole hours (at least 1), the default of communities without their own. */
  get duplicateWindowHours(): number {
    return Math.max(1, Math.round((parseDurationMs(this.DUPLICATE_WINDOW) as number) / 3_600_000));
  }

  /** REOPEN_WINDOW in milliseconds. */
  get reopenWindowMs(): number {
    return parseDurationMs(this.REOPEN_WINDOW) as number;
  }
}
