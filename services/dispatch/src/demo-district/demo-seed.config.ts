import { IsOptional } from 'class-validator';
import { IsIntegerBetween, IsPostgresUrl, ToInteger } from '@loop/platform';

/** Configuration of the demo district command: the dispatch database and, optionally, another seed. */
export class DemoSeedConfig {
  /** `postgres://` URL of the dispatch database. */
  @IsPostgresUrl()
  DATABASE_URL!: string;

  /** PRNG seed of the generated district; the default gives the district `npm start` uses. */
  @IsOptional()
  @ToInteger()
  @IsIntegerBetween(0, 2 ** 32 - 1)
  DEMO_SEED?: number;
}
