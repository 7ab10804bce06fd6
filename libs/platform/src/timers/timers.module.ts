import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ClockModule } from '../clock/clock';
import { ConfigModule } from '../config/config.module';
import type { ConfigSchema } from '../config/describe-config';
import type { PlatformConfig } from '../config/platform.config';
import { TimerPoller } from './timer-poller';

/**
 * Durable timers for the app whose config schema is `schemaClass`: discovers @TimerHandler methods and
 * fires due timers every TIMERS_POLL_INTERVAL_MS. Add `timersMigrations` to the service's migrations.
 */
@Module({})
export class TimersModule {
  /** The timer poller of the app whose config schema is `schemaClass`. */
  static forRoot<T extends PlatformConfig>(schemaClass: ConfigSchema<T>): DynamicModule {
    return {
      module: TimersModule,
      imports: [DiscoveryModule, ClockModule, ConfigModule.forRoot(schemaClass)],
      providers: [TimerPoller],
      exports: [TimerPoller],
    };
  }
}
