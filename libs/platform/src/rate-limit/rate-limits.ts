import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { PlatformConfig } from '../config/platform.config';
import { withTimeout } from '../health/with-timeout';
import { REDIS } from '../redis/redis.module';
import type { RateLimitPolicies, RateLimitPolicy } from './rate-limit-policy';

/** The answer for one request: allowed, or refused with the seconds until the person may try again. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const ALLOWED: RateLimitVerdict = { allowed: true };

/** Longest a limiter may wait for Redis before the request is counted on this replica instead. */
const REDIS_ANSWER_TIMEOUT_MS = 500;

/** Prefix of the counters' keys, after REDIS_KEY_PREFIX: `rate-limit:<bucket>:<person>`. */
const KEY_PREFIX = 'rate-limit';

interface BucketLimiters {
  shared: RateLimiterRedis;
  /** Counts on this replica alone while Redis cannot answer. */
  local: RateLimiterMemory;
}

/**
 * Counts writes per person and bucket in fixed windows kept in Redis, so every replica of a service
 * sees one count. When Redis cannot answer, each replica counts on its own (the limit is then per
 * replica) with one warning per outage: a limiter must never turn a write into a 500 or a 503.
 */
@Injectable()
export class RateLimits {
  private readonly logger = new Logger('RateLimits');
  private readonly policies: RateLimitPolicies;
  private readonly limiters = new Map<string, BucketLimiters>();
  private sharedCountingLost = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PlatformConfig) config: PlatformConfig,
  ) {
    this.policies = config.rateLimits();
  }

  /** The buckets the config gives a limit to. */
  configuredBuckets(): string[] {
    return Object.keys(this.policies);
  }

  /** Counts one request of `person` in `bucket` and says whether it is within the limit. */
  async consume(bucket: string, person: string): Promise<RateLimitVerdict> {
    const limiters = this.limitersOf(bucket);
    try {
      await withTimeout(
        limiters.shared.consume(person),
        REDIS_ANSWER_TIMEOUT_MS,
        'Redis did not answer the rate limiter in time',
      );
      this.noteSharedCountingBack();
      return ALLOWED;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return refused(outcome);
      this.noteSharedCountingLost(outcome);
    }
    try {
      await limiters.local.consume(person);
      return ALLOWED;
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return refused(outcome);
      throw outcome;
    }
  }

  private limitersOf(bucket: string): BucketLimiters {
    const known = this.limiters.get(bucket);
    if (known) return known;
    const policy: RateLimitPolicy | undefined = this.policies[bucket];
    if (!policy) throw new Error(`no rate limit is configured for bucket "${bucket}"`);
    const options = {
      keyPrefix: `${KEY_PREFIX}:${bucket}`,
      points: policy.limit,
      duration: policy.windowSeconds,
    };
    const limiters: BucketLimiters = {
      // Not ready (reconnecting) means no answer is coming soon: count locally at once instead of waiting.
      shared: new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true }),
      local: new RateLimiterMemory(options),
    };
    this.limiters.set(bucket, limiters);
    return limiters;
  }

  private noteSharedCountingLost(error: unknown): void {
    if (this.sharedCountingLost) return;
    this.sharedCountingLost = true;
    this.logger.warn(
      { err: error },
      'rate limits are counted per replica until Redis answers again; writes are not refused for it',
    );
  }

  private noteSharedCountingBack(): void {
    if (!this.sharedCountingLost) return;
    this.sharedCountingLost = false;
    this.logger.log('rate limits are counted in Redis again, shared by every replica');
  }
}

function refused(counted: RateLimiterRes): RateLimitVerdict {
  // Whole seconds, at least one: a client retrying at once would only be refused again.
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(counted.msBeforeNext / 1000)) };
}
