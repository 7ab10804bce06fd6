import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import { drainHttpServer } from './drain-http-server';

/** How a service shuts down. */
export interface GracefulShutdownOptions {
  /** How long in-flight HTTP requests may take after the signal (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  logger: LoggerService;
  /** Ends the process; replaceable for tests. */
  exit?: (code: number) => void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
// Closing Nest (Kafka consumers leaving their group, pools closing) gets this long after draining.
const CLOSE_ALLOWANCE_MS = 15_000;

/**
 * On SIGTERM or SIGINT: stop accepting HTTP connections, let in-flight requests finish within the grace
 * period, then close Nest (consumers leave their group in onModuleDestroy, pools close) and exit.
 *
 * Nest's own `enableShutdownHooks()` is not used for these signals: it runs onModuleDestroy hooks —
 * closing the database pool and Redis — before the HTTP server stops, failing the very requests the
 * grace period is meant to let finish. A second signal exits at once.
 */
export function installGracefulShutdown(app: INestApplication, options: GracefulShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      options.logger.warn?.(`received ${signal} again; exiting without waiting`, 'Shutdown');
      exit(1);
      return;
    }
    shuttingDown = true;
    options.logger.log(`received ${signal}; draining HTTP for up to ${options.graceMs} ms`, 'Shutdown');
    const watchdog = setTimeout(() => {
      options.logger.error('shutdown did not complete in time; exiting', undefined, 'Shutdown');
      exit(1);
    }, options.graceMs + CLOSE_ALLOWANCE_MS);
    watchdog.unref();

    void shutDown(app, options)
      .then(() => exit(0))
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed', 'Shutdown');
        exit(1);
      })
      .finally(() => clearTimeout(watchdog));
  };

  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

async function shutDown(app: INestApplication, options: GracefulShutdownOptions): Promise<void> {
  const { forced } = await drainHttpServer(app.getHttpServer() as Server, options.graceMs);
  if (forced) options.logger.warn?.('grace period over; cut the remaining HTTP connections', 'Shutdown');
  await app.close();
  options.logger.log('shut down cleanly', 'Shutdown');
}
