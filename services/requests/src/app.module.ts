import { Module } from '@nestjs/common';
import { PlatformModule } from '@loop/platform';
import { RequestsConfig } from './config/requests.config';
import { requestsMigrations } from './database/migrations';

/** Composition root of the requests service. */
@Module({
  imports: [
    PlatformModule.forRoot({
      config: RequestsConfig,
      database: { entities: [], migrations: requestsMigrations },
    }),
  ],
})
export class AppModule {}
