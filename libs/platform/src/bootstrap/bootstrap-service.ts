import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { APP_CONFIG } from '../config/config.module';
import type { PlatformConfig } from '../config/platform.config';
import { createServiceApp } from './create-service-app';
import { installGracefulShutdown } from './graceful-shutdown';
import type { ServiceOptions } from './service-options';

/**
 * Starts a service: creates the app (see {@link createServiceApp}), starts its Kafka consumers, listens
 * on PORT on all interfaces, and shuts down gracefully on SIGTERM/SIGINT. A failed start is logged as
 * one JSON line and exits the process with code 1, so the orchestrator restarts it and shows why.
 */
export async function bootstrapService(
  appModule: Type<unknown>,
  options: ServiceOptions,
): Promise<NestExpressApplication> {
  try {
    const app = await createServiceApp(appModule, options);
    const config = app.get<PlatformConfig>(APP_CONFIG);
    const logger = app.get(Logger);
    if (config.MIGRATE_ONLY) {
      // Creating the app connected the database and applied the migrations (under their lock); a
      // migration job stops here, before consumers, timers or HTTP start.
      logger.log(`${options.name} migrations applied; exiting (MIGRATE_ONLY)`, 'Bootstrap');
      await app.close();
      process.exit(0);
    }
    if (options.kafka) await app.startAllMicroservices();
    await app.listen(config.PORT, '0.0.0.0');
    installGracefulShutdown(app, { graceMs: config.SHUTDOWN_GRACE_MS, logger });
    logger.log(`${options.name} listening on ${await app.getUrl()}`, 'Bootstrap');
    return app;
  } catch (error) {
    // The app's logger may not exist yet (config is what failed, often), so a bare pino writes the line.
    pino({ base: { service: options.name } }, pino.destination({ fd: 2, sync: true })).fatal(
      { err: error },
      `${options.name} failed to start`,
    );
    process.exit(1);
  }
}
