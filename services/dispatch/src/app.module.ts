import { Module } from '@nestjs/common';
import { PlatformModule } from '@loop/platform';
import { DispatchConfig } from './config/dispatch.config';
import { dispatchMigrations } from './database/migrations';

/** Composition root of the dispatch service. */
@Module({
  imports: [
    PlatformModule.forRoot({
      config: DispatchConfig,
      database: { entities: [], migrations: dispatchMigrations },
    }),
  ],
})
export class AppModule {}
