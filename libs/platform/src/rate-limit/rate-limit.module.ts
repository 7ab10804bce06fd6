import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ConfigModule } from '../config/config.module';
import type { ConfigSchema } from '../config/describe-config';
import { PlatformConfig } from '../config/platform.config';
import { RedisModule } from '../redis/redis.module';
import { RateLimitBucketsCheck } from './rate-limit-buckets.check';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimits } from './rate-limits';

/**
 * Per-person limits on the routes marked {@link RateLimited}, counted in Redis. Import it after
 * AuthModule: Nest runs global guards in the order their modules were imported, and the counts are
 * kept per authenticated person.
 */
@Module({})
export class RateLimitModule {
  /** The limiter and its global guard for the app whose config schema is `schemaClass`. */
  static forRoot<T extends PlatformConfig>(schemaClass: ConfigSchema<T>): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [ConfigModule.forRoot(schemaClass), RedisModule.forRoot(schemaClass), DiscoveryModule],
      providers: [RateLimits, RateLimitBucketsCheck, { provide: APP_GUARD, useClass: RateLimitGuard }],
      exports: [RateLimits],
    };
  }
}
