import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { ConfigModule } from '../config/config.module';
import type { ConfigSchema } from '../config/describe-config';
import { PlatformConfig } from '../config/platform.config';

/** Injection token of the shared ioredis client (keys are prefixed with REDIS_KEY_PREFIX). */
export const REDIS = Symbol('REDIS');

const QUIT_TIMEOUT_MS = 2000;

/** Creates the app's Redis client from config, logging connection loss and recovery once each. */
export function createRedisClient(config: PlatformConfig, logger = new Logger('Redis')): Redis {
  const client = new Redis(config.REDIS_URL, {
    keyPrefix: config.REDIS_KEY_PREFIX,
    // Fail a command after a couple of reconnect attempts instead of queueing it for minutes: a request
    // waiting on a dead Redis should get an error, and readiness should turn red, quickly.
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let healthy = true;
  client.on('error', (error: Error) => {
    // ioredis emits an error on every reconnect attempt; one line per outage is enough.
    if (!healthy) return;
    healthy = false;
    logger.warn({ err: error }, 'Redis connection lost; reconnecting');
  });
  client.on('ready', () => {
    if (healthy) return;
    healthy = true;
    logger.log('Redis connection restored');
  });
  return client;
}

/** Closes the Redis client when the app shuts down, after HTTP and Kafka work has stopped. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly client: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    // QUIT lets queued commands finish; if Redis does not answer in time, drop the socket.
    const quit = this.client.quit().catch(() => undefined);
    const timer = setTimeout(() => this.client.disconnect(), QUIT_TIMEOUT_MS);
    await quit;
    clearTimeout(timer);
  }
}

// One module object per schema, for the same reason as ConfigModule: every import is one client.
const modulesBySchema = new Map<ConfigSchema<PlatformConfig>, DynamicModule>();

/** Provides the app's Redis client under {@link REDIS}. */
@Module({})
export class RedisModule {
  /** The Redis module of the app whose config schema is `schemaClass`; import it where REDIS is injected. */
  static forRoot<T extends PlatformConfig>(schemaClass: ConfigSchema<T>): DynamicModule {
    const known = modulesBySchema.get(schemaClass);
    if (known) return known;
    const module: DynamicModule = {
      module: RedisModule,
      imports: [ConfigModule.forRoot(schemaClass)],
      providers: [
        {
          provide: REDIS,
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) => createRedisClient(config),
        },
        RedisCloser,
      ],
      exports: [REDIS],
    };
    modulesBySchema.set(schemaClass, module);
    return module;
  }
}
