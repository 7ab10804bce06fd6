import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';

/**
 * Routes TypeORM's messages into the service's structured log. Queries themselves are not logged (too
 * many, and they may carry personal data as parameters); failures, slow queries and migrations are.
 */
export class TypeOrmLogger implements TypeOrmLoggerContract {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {
    // Deliberately silent; see the class comment.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ durationMs: time, query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(message);
    else this.logger.log(message);
  }
}
