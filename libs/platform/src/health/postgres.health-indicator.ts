import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { withTimeout } from './with-timeout';

const QUERY_TIMEOUT_MS = 1500;

/** Readiness of PostgreSQL: `SELECT 1` through the app's own connection pool within 1.5 s. */
@Injectable()
export class PostgresHealthIndicator {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(HealthIndicatorService) private readonly health: HealthIndicatorService,
  ) {}

  /** Checks PostgreSQL under `key` in the health report. */
  async check<const Key extends string>(key: Key): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    try {
      // Going through the pool (not a fresh connection) also catches an exhausted or broken pool.
      await withTimeout(
        this.dataSource.query('SELECT 1'),
        QUERY_TIMEOUT_MS,
        `no reply within ${QUERY_TIMEOUT_MS} ms`,
      );
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
