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
import type { RateLimitPolicies } from '../rate-limit/rate-limit-policy';

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

/** The SASL mechanisms a service can authenticate to Kafka with (`none`: no SASL). */
export const KAFKA_SASL_MECHANISMS = ['none', 'scram-sha-512'] as const;
/** A SASL mechanism for Kafka, or `none`. */
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

const withKafkaSasl = (config: PlatformConfig) => config.KAFKA_SASL_MECHANISM === 'scram-sha-512';

/** Refuses a TLS file without KAFKA_TLS=true: the file would be ignored and the connection plain. */
function NeedsKafkaTls(): PropertyDecorator {
  return ValidateBy({
    name: 'needsKafkaTls',
    validator: {
      validate: (_value, args) => (args?.object as PlatformConfig | undefined)?.KAFKA_TLS === true,
      defaultMessage: () => '$property needs KAFKA_TLS=true',
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

  /**
   * Connect to the brokers over TLS. Off for local runs (the development broker listens in plain text on
   * 127.0.0.1); on in the Kubernetes overlays, where the brokers admit only authenticated clients
   * (docs/adr/0008-kafka-trust.md).
   */
  @ToBoolean()
  @IsBooleanFlag()
  KAFKA_TLS = false;

  /** PEM file of the CA that signed the brokers' certificates (Strimzi's cluster CA); default: Node's CAs. */
  @ValidateIf((config: PlatformConfig) => config.KAFKA_TLS_CA_FILE !== undefined)
  @IsNonBlank()
  @NeedsKafkaTls()
  KAFKA_TLS_CA_FILE?: string;

  /** PEM file of this service's client certificate (mutual TLS: the broker knows the service by it). */
  @ValidateIf(
    (config: PlatformConfig) => config.KAFKA_TLS_CERT_FILE !== undefined || !!config.KAFKA_TLS_KEY_FILE,
  )
  @IsNonBlank({ message: '$property must be set together with KAFKA_TLS_KEY_FILE' })
  @NeedsKafkaTls()
  KAFKA_TLS_CERT_FILE?: string;

  /** PEM file of the private key of KAFKA_TLS_CERT_FILE. */
  @ValidateIf(
    (config: PlatformConfig) => config.KAFKA_TLS_KEY_FILE !== undefined || !!config.KAFKA_TLS_CERT_FILE,
  )
  @IsNonBlank({ message: '$property must be set together with KAFKA_TLS_CERT_FILE' })
  @NeedsKafkaTls()
  KAFKA_TLS_KEY_FILE?: string;

  /** SASL authentication: `none`, or `scram-sha-512` with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. */
  @IsOneOf(KAFKA_SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM: KafkaSaslMechanism = 'none';

  /** The SASL user (a KafkaUser's name); required with a SASL mechanism. */
  @ValidateIf(withKafkaSasl)
  @IsNonBlank()
  KAFKA_SASL_USERNAME?: string;

  /** The SASL password, from a Secret; required with a SASL mechanism. */
  @ValidateIf(withKafkaSasl)
  @IsNonBlank()
  KAFKA_SASL_PASSWORD?: string;

  /**
   * Create missing topics and grow partitions from the contracts' registry at start-up. Local runs and
   * tests rely on it; on Kubernetes the Topic Operator owns the topics (KafkaTopic resources) and a
   * service's Kafka user may not create them, so the overlays turn it off.
   */
  @ToBoolean()
  @IsBooleanFlag()
  KAFKA_PROVISION_TOPICS = true;

  /**
   * How long the outbox relay lets commits gather after a commit wakes it, so a stream of small
   * transactions leaves in fewer produce requests and marks (0: publish each commit at once). At 12
   * tickets/s on two cores, 20 ms took every service's transactions per closed loop down by 3–15 %
   * (docs/benchmarks/loop.md) for 20 ms more per hop.
   */
  @ToInteger()
  @IsIntegerBetween(0, 1_000)
  OUTBOX_RELAY_LINGER_MS = 20;

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

  /**
   * Requests served at a time; more are answered 503 with Retry-After at once (load shedding). Sized to
   * the database pool (10 connections): a few requests per connection keep it busy without queueing
   * into its 3 s connection timeout. Health probes, metrics and live streams are not counted.
   */
  @ToInteger()
  @IsIntegerBetween(1, 10_000)
  HTTP_MAX_IN_FLIGHT = 40;

  /** Length of the per-person rate-limit window in seconds, for every limit of the service. */
  @ToInteger()
  @IsIntegerBetween(1, 24 * 3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /**
   * The per-person limits of the routes marked `@RateLimited(bucket)`, by bucket. None here: a service
   * that limits writes overrides this with limits read from its own variables and the shared window.
   */
  rateLimits(): RateLimitPolicies {
    return {};
  }
}
