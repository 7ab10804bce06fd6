import {
  DynamicModule,
  Inject,
  Injectable,
  InjectionToken,
  Module,
  ModuleMetadata,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OptionalFactoryDependency,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { MessagingOptions, MessagingRuntime } from '../messaging-runtime';
import { EventHandlerDiscovery } from './event-handler-discovery';
import { OutboxModule } from './outbox.module';

/** Injection token of the MessagingOptions. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Options built by a factory, usually from the service's validated config. */
export interface MessagingModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

/**
 * Starts the service's backbone once every module is initialised (migrations have run by then) and
 * stops it before the database pool closes: the consumer leaves its group, the relay releases its lock.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private runtime: MessagingRuntime | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly discovery: EventHandlerDiscovery,
  ) {}

  /** The running backbone (undefined before bootstrap): its relay, consumer and Kafka client. */
  get current(): MessagingRuntime | undefined {
    return this.runtime;
  }

  /** Discovers the @EventHandler methods and starts producer, relay and consumer. */
  async onApplicationBootstrap(): Promise<void> {
    this.runtime = new MessagingRuntime(this.options, this.dataSource, this.discovery.discover());
    await this.runtime.start();
  }

  /** Leaves the consumer group and releases the relay lock. */
  async onModuleDestroy(): Promise<void> {
    await this.runtime?.stop();
  }
}

/**
 * The event backbone of a NestJS service: the outbox relay, the consumer of every `@EventHandler`
 * method in the application, and OutboxWriter. Import once in the root module; feature modules that
 * only add events import OutboxModule. Needs TypeORM's DataSource (TypeOrmModule / DatabaseModule)
 * with `messagingMigrations` in its migrations.
 */
@Module({})
export class MessagingModule {
  /** The backbone with fixed options. */
  static forRoot(options: MessagingOptions): DynamicModule {
    return MessagingModule.build([{ provide: MESSAGING_OPTIONS, useValue: options }], []);
  }

  /** The backbone with options from a factory, e.g. `(config: PlatformConfig) => messagingOptionsFrom(config, 'dispatch')`. */
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return MessagingModule.build(
      [
        {
          provide: MESSAGING_OPTIONS,
          useFactory: options.useFactory as (...args: unknown[]) => MessagingOptions,
          inject: options.inject ?? [],
        },
      ],
      options.imports ?? [],
    );
  }

  private static build(
    optionsProviders: DynamicModule['providers'] & object,
    imports: NonNullable<ModuleMetadata['imports']>,
  ): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule, OutboxModule, ...imports],
      providers: [...optionsProviders, EventHandlerDiscovery, MessagingLifecycle],
      exports: [OutboxModule, MessagingLifecycle],
    };
  }
}
