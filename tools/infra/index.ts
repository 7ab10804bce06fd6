// The infrastructure runner: real Kafka, PostgreSQL and Redis for local runs and tests, without Docker
// (DESIGN §6). `npm start`, `npm test`, the jest global setup and `npm run infra:*` all come through here.
import { candidatePostgresAdminUrls, defaultEndpoints, parseBrokerList, redactUrl } from './connection-urls';
import { withFileLock } from './file-lock';
import { InfrastructureError } from './infrastructure-error';
import {
  ensureKafka,
  isLocalBrokerList,
  localKafkaBrokers,
  localKafkaStatus,
  probeKafka,
  stopLocalKafkaBroker,
} from './kafka-broker';
import { runnerLockFile } from './paths';
import { connectFirst, ensurePostgres, runnerPostgresPid, stopRunnerPostgres } from './postgres';
import { ensureRedis, probeRedis, runnerRedisPid, stopRunnerRedis } from './redis';
import { Log } from './toolchain';

export { ensureDatabases } from './postgres';
export { InfrastructureError } from './infrastructure-error';
export type { Log } from './toolchain';

/** Where the infrastructure is, and what this call had to start. */
export interface InfrastructureEndpoints {
  /** Kafka bootstrap brokers, e.g. ['127.0.0.1:19092']. */
  kafkaBrokers: string[];
  /** Admin URL to the `postgres` database of the server; derive per-service URLs from it. */
  postgresUrl: string;
  /** Redis URL, e.g. redis://127.0.0.1:6379. */
  redisUrl: string;
  /** Components this call started ('kafka', 'postgres', 'redis'); empty when all were already up. */
  started: string[];
}

/** Options shared by the runner's entry points. */
export interface InfrastructureOptions {
  /** Environment to read KAFKA_BROKERS, DATABASE_URL and REDIS_URL from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Progress lines (downloads, starts, waits); silent by default. */
  log?: Log;
}

/** State of one component as `infra status` reports it. */
export interface ComponentStatus {
  name: 'kafka' | 'postgres' | 'redis';
  endpoint: string;
  reachable: boolean;
  /** True when the runner started it (and `infra down` would stop it). */
  startedByRunner: boolean;
  pid?: number;
}

// A cold start downloads ~45 MB of jars; a second process waits for the first instead of racing it.
const lockTimeoutMs = 15 * 60_000;

/**
 * Makes Kafka, PostgreSQL and Redis reachable: uses what the environment names or what already runs,
 * and starts (or, as root on Debian, installs) what is missing. Fast when everything is up.
 */
export async function ensureInfrastructure(
  options: InfrastructureOptions = {},
): Promise<InfrastructureEndpoints> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  return withFileLock(
    runnerLockFile,
    async () => {
      const [kafka, postgres, redis] = await Promise.allSettled([
        ensureKafka(env.KAFKA_BROKERS, log),
        ensurePostgres(env.DATABASE_URL, log),
        ensureRedis(env.REDIS_URL, log),
      ]);
      const started = [
        kafka.status === 'fulfilled' && kafka.value.started ? 'kafka' : undefined,
        postgres.status === 'fulfilled' && postgres.value.started ? 'postgres' : undefined,
        redis.status === 'fulfilled' && redis.value.started ? 'redis' : undefined,
      ].filter((name): name is string => name !== undefined);
      if (kafka.status === 'rejected' || postgres.status === 'rejected' || redis.status === 'rejected') {
        throw combinedFailure({ kafka, postgres, redis }, started);
      }
      return {
        kafkaBrokers: kafka.value.brokers,
        postgresUrl: postgres.value.url,
        redisUrl: redis.value.url,
        started,
      };
    },
    {
      timeoutMs: lockTimeoutMs,
      onWait: (pid) => log(`waiting for process ${pid}, which is starting the infrastructure…`),
    },
  );
}

/**
 * Stops what the runner started, per its pid files: the Kafka broker, and PostgreSQL or Redis only if
 * the runner started them. The machine's own services are never touched. Returns what it stopped.
 */
export async function stopInfrastructure(
  options: Pick<InfrastructureOptions, 'log'> & { only?: ComponentStatus['name'][] } = {},
): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  // `only` lets outage tests stop one component (say, the broker) and leave the others running.
  const wanted = (name: ComponentStatus['name']) => !options.only || options.only.includes(name);
  return withFileLock(
    runnerLockFile,
    async () => {
      const stopped: string[] = [];
      if (wanted('kafka') && (await stopLocalKafkaBroker(log))) stopped.push('kafka');
      if (wanted('redis') && (await stopRunnerRedis(log))) stopped.push('redis');
      if (wanted('postgres') && (await stopRunnerPostgres(log))) stopped.push('postgres');
      return stopped;
    },
    { timeoutMs: lockTimeoutMs },
  );
}

/** Reports, without starting anything, whether each component answers and whether the runner started it. */
export async function infrastructureStatus(
  options: Pick<InfrastructureOptions, 'env'> = {},
): Promise<ComponentStatus[]> {
  const env = options.env ?? process.env;
  const brokers = env.KAFKA_BROKERS ? parseBrokerList(env.KAFKA_BROKERS) : localKafkaBrokers;
  const redisUrl = env.REDIS_URL || defaultEndpoints.redisUrl;
  const postgresUrls = candidatePostgresAdminUrls(env.DATABASE_URL);

  const kafkaStatus = async (): Promise<ComponentStatus> => {
    if (!isLocalBrokerList(brokers)) {
      return {
        name: 'kafka',
        endpoint: brokers.join(','),
        reachable: (await probeKafka(brokers)).ok,
        startedByRunner: false,
      };
    }
    const local = await localKafkaStatus();
    return {
      name: 'kafka',
      endpoint: brokers.join(','),
      reachable: local.serving,
      startedByRunner: local.pid !== undefined,
      pid: local.pid,
    };
  };
  const postgresStatus = async (): Promise<ComponentStatus> => {
    const attempt = await connectFirst(postgresUrls);
    const endpoint = redactUrl(attempt.ok ? attempt.url : postgresUrls[0]);
    const pid = runnerPostgresPid();
    return { name: 'postgres', endpoint, reachable: attempt.ok, startedByRunner: pid !== undefined, pid };
  };
  const redisStatus = async (): Promise<ComponentStatus> => {
    const pid = runnerRedisPid();
    return {
      name: 'redis',
      endpoint: redactUrl(redisUrl),
      reachable: (await probeRedis(redisUrl)).ok,
      startedByRunner: pid !== undefined,
      pid,
    };
  };
  return Promise.all([kafkaStatus(), postgresStatus(), redisStatus()]);
}

/** One error naming every component that failed, so a fresh machine learns all it lacks at once. */
function combinedFailure(results: Record<string, PromiseSettledResult<unknown>>, started: string[]): Error {
  const failures = Object.entries(results)
    .filter((entry): entry is [string, PromiseRejectedResult] => entry[1].status === 'rejected')
    .map(
      ([name, result]) =>
        `${name}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`,
    );
  const note = started.length
    ? `\n(started meanwhile: ${started.join(', ')}; \`npm run infra:down\` stops them)`
    : '';
  return new InfrastructureError(`The infrastructure is not ready.\n${failures.join('\n')}${note}`);
}
