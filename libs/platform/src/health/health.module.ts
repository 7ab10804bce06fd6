import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule } from '../config/config.module';
import type { ConfigSchema } from '../config/describe-config';
import { PlatformConfig } from '../config/platform.config';
import { RedisModule } from '../redis/redis.module';
import { HealthHttpController } from './health.http-controller';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { PostgresHealthIndicator } from './postgres.health-indicator';
import { RedisHealthIndicator } from './redis.health-indicator';

const healthIndicators = [PostgresHealthIndicator, RedisHealthIndicator, KafkaHealthIndicator];

/** `/health/live` and `/health/ready` with real checks of PostgreSQL, Redis and Kafka. */
@Module({})
export class HealthModule {
  /** The health endpoints of the app whose config schema is `schemaClass`. */
  static forRoot<T extends PlatformConfig>(schemaClass: ConfigSchema<T>): DynamicModule {
    return {
      module: HealthModule,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        ConfigModule.forRoot(schemaClass),
        RedisModule.forRoot(schemaClass),
      ],
      controllers: [HealthHttpController],
      providers: healthIndicators,
    };
  }
}
