import { SetMetadata } from '@nestjs/common';

/** Metadata key holding the rate-limit bucket of a handler or controller. */
export const RATE_LIMIT_BUCKET = 'platform:rateLimitBucket';

/**
 * Counts each call of the route against the caller's allowance in `bucket` (one counter per person,
 * shared by every replica through Redis); past the limit the caller gets 429 with Retry-After. The
 * bucket's limit comes from the service config's `rateLimits()`; a bucket it does not name stops the
 * service at boot.
 */
export const RateLimited = (bucket: string): MethodDecorator & ClassDecorator =>
  SetMetadata(RATE_LIMIT_BUCKET, bucket);
