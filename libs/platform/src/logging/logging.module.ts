import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { bootContext } from '../config/boot-context';
import { ConfigModule } from '../config/config.module';
import type { ConfigSchema } from '../config/describe-config';
import { PlatformConfig } from '../config/platform.config';
import { loggerParams } from './logger-params';

/** Structured JSON logging (nestjs-pino) configured from the service's config. */
@Module({})
export class LoggingModule {
  /** Registers the pino logger and the request logger for the app whose config schema is `schemaClass`. */
  static forRoot<T extends PlatformConfig>(schemaClass: ConfigSchema<T>): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          imports: [ConfigModule.forRoot(schemaClass)],
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) => loggerParams(config, bootContext.current()?.serviceName),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
