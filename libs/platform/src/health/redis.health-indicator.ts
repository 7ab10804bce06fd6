import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { withTimeout } from './with-timeout';

const PING_TIMEOUT_MS = 1000;

/** Readiness of Redis: a PING on the app's own client answered within a second. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(HealthIndicatorService) private readonly health: HealthIndicatorService,
  ) {}

  /** Checks Redis under `key` in the health report. */
  async check<const Key extends string>(key: Key): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    try {
      await withTimeout(this.redis.ping(), PING_TIMEOUT_MS, `no PING reply within ${PING_TIMEOUT_MS} ms`);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
