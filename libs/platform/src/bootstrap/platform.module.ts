import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConfigModule } from '../config/config.module';
import type { ConfigSchema } from '../config/describe-config';
import type { PlatformConfig } from '../config/platform.config';
import { DatabaseModule, DatabaseOptions } from '../database/database.module';
import { HealthModule } from '../health/health.module';
import { LoggingModule } from '../logging/logging.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { RedisModule } from '../redis/redis.module';

/** What a service hands the platform. */
export interface PlatformModuleOptions<T extends PlatformConfig> {
  /** The service's config schema (extends PlatformConfig). */
  config: ConfigSchema<T>;
  /** The service's entities and migrations. */
  database: DatabaseOptions;
}

/**
 * The service chassis: validated config, JSON logging, PostgreSQL through TypeORM with migrations,
 * Redis, health and metrics endpoints, JWT authentication and per-person rate limits. A service's
 * AppModule imports this and its own feature modules. Config and Redis are re-exported to the
 * AppModule; feature modules that need them import `ConfigModule.forRoot(Schema)` /
 * `RedisModule.forRoot(Schema)`, which are the same module.
 */
@Module({})
export class PlatformModule {
  /** The platform for a service with config schema `options.config` and the given database. */
  static forRoot<T extends PlatformConfig>(options: PlatformModuleOptions<T>): DynamicModule {
    const config = ConfigModule.forRoot(options.config);
    const redis = RedisModule.forRoot(options.config);
    return {
      module: PlatformModule,
      imports: [
        config,
        LoggingModule.forRoot(options.config),
        DatabaseModule.forRoot(options.config, options.database),
        redis,
        HealthModule.forRoot(options.config),
        MetricsModule,
        AuthModule.forRoot(options.config),
        // After AuthModule: global guards run in import order, and limits count per authenticated person.
        RateLimitModule.forRoot(options.config),
      ],
      exports: [config, redis],
    };
  }
}
