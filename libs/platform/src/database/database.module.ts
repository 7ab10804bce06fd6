import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { ConfigModule } from '../config/config.module';
import type { ConfigSchema } from '../config/describe-config';
import { PlatformConfig } from '../config/platform.config';
import { runMigrationsExclusively } from './run-migrations';
import { TypeOrmLogger } from './typeorm-logger';

/** A service's database: its entities and its committed migrations. */
export interface DatabaseOptions {
  /** Entity classes (or glob paths) mapped by TypeORM. */
  entities: NonNullable<PostgresConnectionOptions['entities']>;
  /** Migration classes (or glob paths), applied at start-up. */
  migrations: NonNullable<PostgresConnectionOptions['migrations']>;
}

/** TypeORM options for the service's PostgreSQL database: migrations run, the schema is never synchronised. */
export function typeOrmOptions(config: PlatformConfig, database: DatabaseOptions): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: database.entities,
    migrations: database.migrations,
    // Migrations are applied by runMigrationsExclusively, under a lock, right after connecting.
    migrationsRun: false,
    synchronize: false,
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    extra: { max: 10, connectionTimeoutMillis: 3000 },
  };
}

/** TypeORM on PostgreSQL with migrations applied at start-up (never schema synchronisation). */
@Module({})
export class DatabaseModule {
  /** The database of the app whose config schema is `schemaClass`. */
  static forRoot<T extends PlatformConfig>(
    schemaClass: ConfigSchema<T>,
    database: DatabaseOptions,
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [ConfigModule.forRoot(schemaClass)],
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) => ({
            ...typeOrmOptions(config, database),
            // A database that is briefly away at start-up (restart, failover) is waited for, ~10 s.
            retryAttempts: 5,
            retryDelay: 2000,
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            try {
              await runMigrationsExclusively(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
    };
  }
}
