import { ValidateBy, ValidateIf } from 'class-validator';
import {
  IsBooleanFlag,
  IsHostPortList,
  IsHttpUrl,
  IsIntegerBetween,
  IsNonBlank,
  IsOneOf,
  IsPort,
  IsPostgresUrl,
  IsRedisUrl,
  IsText,
  ToBoolean,
  ToInteger,
  ToList,
} from './env-decorators';

/** The environments a service can run in. */
export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
/** A service's environment: development, test or production. */
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

/** The pino log levels accepted in LOG_LEVEL. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** A pino log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

// The JWKS URL, issuer and audience come from the identity provider; only the development issuer,
// which knows its own values, may leave them out.
const unlessDevIssuer = (config: PlatformConfig) => !config.AUTH_DEV_ISSUER;

/** Refuses the development issuer in production: its key sits in a file anyone on the host can read. */
function IsRefusedInProduction(): PropertyDecorator {
  return ValidateBy({
    name: 'isRefusedInProduction',
    validator: {
      validate: (value, args) =>
        !(value === true && (args?.object as PlatformConfig | undefined)?.NODE_ENV === 'production'),
      defaultMessage: () => '$property must be false when NODE_ENV=production',
    },
  });
}

/**
 * The variables every service reads. A service's own schema extends this class and adds its
 * variables with the decorators from `env-decorators`; property initialisers are the defaults.
 */
export class PlatformConfig {
  /** Which environment the service runs in; production refuses development conveniences. */
  @IsOneOf(NODE_ENVIRONMENTS)
  NODE_ENV: NodeEnvironment = 'development';

  /** HTTP port the service listens on (0.0.0.0). */
  @ToInteger()
  @IsPort()
  PORT!: number;

  /** Minimum pino log level. */
  @IsOneOf(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** The service's own PostgreSQL database. */
  @IsPostgresUrl()
  DATABASE_URL!: string;

  /** Redis for idempotency keys, rate limits, leaderboards, pub/sub and short caches. */
  @IsRedisUrl()
  REDIS_URL!: string;

  /** Prefix for every Redis key, so tests and tenants sharing one Redis never collide. */
  @IsText()
  REDIS_KEY_PREFIX = '';

  /** Kafka bootstrap brokers, comma-separated `host:port`. */
  @ToList()
  @IsHostPortList()
  KAFKA_BROKERS!: string[];

  /** Kafka client id, also the prefix of this service's admin and consumer client ids. */
  @IsNonBlank()
  KAFKA_CLIENT_ID!: string;

  /** Prefix for every topic name, so a test suite gets topics of its own. */
  @IsText()
  KAFKA_TOPIC_PREFIX = '';

  /** Prefix for every consumer group id, for the same isolation as KAFKA_TOPIC_PREFIX. */
  @IsText()
  KAFKA_GROUP_PREFIX = '';

  /** The identity provider's JWKS URL; defaults to the development issuer's when AUTH_DEV_ISSUER=true. */
  @ValidateIf(unlessDevIssuer)
  @IsHttpUrl()
  AUTH_JWKS_URL?: string;

  /** The expected `iss` claim; defaults to the development issuer's when AUTH_DEV_ISSUER=true. */
  @ValidateIf(unlessDevIssuer)
  @IsNonBlank()
  AUTH_ISSUER?: string;

  /** The expected `aud` claim; defaults to the development issuer's when AUTH_DEV_ISSUER=true. */
  @ValidateIf(unlessDevIssuer)
  @IsNonBlank()
  AUTH_AUDIENCE?: string;

  /** Accept tokens from the local development issuer (tools/dev-issuer); refused in production. */
  @ToBoolean()
  @IsBooleanFlag()
  @IsRefusedInProduction()
  AUTH_DEV_ISSUER = false;

  /** Apply the database migrations and exit without serving: the pre-deployment migration job. */
  @ToBoolean()
  @IsBooleanFlag()
  MIGRATE_ONLY = false;

  /** How often due durable timers are looked for (deadlines, expiries, auto-confirmation). */
  @ToInteger()
  @IsIntegerBetween(50, 60_000)
  TIMERS_POLL_INTERVAL_MS = 1000;

  /** How long in-flight HTTP requests may run after SIGTERM before connections are cut. */
  @ToInteger()
  @IsIntegerBetween(0, 600_000)
  SHUTDOWN_GRACE_MS = 10_000;
}
