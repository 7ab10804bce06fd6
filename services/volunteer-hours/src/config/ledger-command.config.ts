import { IsPostgresUrl, IsRedisUrl, IsText } from '@loop/platform';

/** What the ledger's operator commands need: the database, and Redis for the leaderboards. */
export class LedgerCommandConfig {
  /** The volunteer-hours database. */
  @IsPostgresUrl()
  DATABASE_URL!: string;

  /** Redis holding the leaderboards (only the leaderboard rebuild uses it). */
  @IsRedisUrl()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key, as the service uses it. */
  @IsText()
  REDIS_KEY_PREFIX = '';
}
