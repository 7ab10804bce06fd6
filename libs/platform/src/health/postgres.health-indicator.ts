import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Client } from 'pg';
import { PlatformConfig } from '../config/platform.config';
import { withTimeout } from './with-timeout';

const CHECK_TIMEOUT_MS = 1500;

/**
 * Readiness of PostgreSQL: `SELECT 1` within 1.5 s on a connection of its own, kept between checks.
 * Not through the app's pool: a replica whose pool is busy serving is not dead, and taking it out of
 * the Service for that would move its load onto the others. After any failure the connection is
 * dropped and the next check connects afresh, so readiness recovers when the database returns.
 */
@Injectable()
export class PostgresHealthIndicator implements OnApplicationShutdown {
  private client: Promise<Client> | undefined;
  private shutDown = false;

  constructor(
    @Inject(PlatformConfig) private readonly config: PlatformConfig,
    @Inject(HealthIndicatorService) private readonly health: HealthIndicatorService,
  ) {}

  /** Checks PostgreSQL under `key` in the health report. */
  async check<const Key extends string>(key: Key): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    try {
      await withTimeout(
        this.connectedClient().then((client) => client.query('SELECT 1')),
        CHECK_TIMEOUT_MS,
        `no reply within ${CHECK_TIMEOUT_MS} ms`,
      );
      return indicator.up();
    } catch (error) {
      this.dropClient();
      return indicator.down({ message: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutDown = true;
    this.dropClient();
  }

  private connectedClient(): Promise<Client> {
    if (this.shutDown) return Promise.reject(new Error('the service is shutting down'));
    // Concurrent probes share one connection attempt instead of each opening their own.
    this.client ??= (async () => {
      const client = new Client({
        connectionString: this.config.DATABASE_URL,
        connectionTimeoutMillis: CHECK_TIMEOUT_MS,
        application_name: 'health',
      });
      // A session the server ends (a restart) must not crash the process; the next check reconnects.
      client.on('error', () => this.dropClient());
      await client.connect();
      return client;
    })();
    return this.client;
  }

  private dropClient(): void {
    const client = this.client;
    this.client = undefined;
    void client?.then((connected) => connected.end()).catch(() => undefined);
  }
}
