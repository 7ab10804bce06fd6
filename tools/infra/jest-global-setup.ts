// Jest global setup for every integration test run (see jest.preset.cjs). Finds real Kafka, PostgreSQL
// and Redis in this order: the environment (KAFKA_BROKERS, TEST_POSTGRES_URL or DATABASE_URL,
// REDIS_URL), the infrastructure runner, and testcontainers where a Docker engine exists. Exports the
// endpoints to the test workers as KAFKA_BROKERS, TEST_POSTGRES_URL (admin URL) and REDIS_URL.
import { postgresAdminUrl } from './connection-urls';
import { ensureInfrastructure } from './index';
import { probeKafka } from './kafka-broker';
import { connectFirst } from './postgres';
import { probeRedis } from './redis';

interface TestEndpoints {
  kafkaBrokers: string[];
  postgresUrl: string;
  redisUrl: string;
}

function logLine(message: string): void {
  process.stderr.write(`[infrastructure] ${message}\n`);
}

/** Every endpoint given by the environment and answering: nothing to start, nothing to lock. */
async function endpointsFromEnvironment(env: NodeJS.ProcessEnv): Promise<TestEndpoints | undefined> {
  const postgresSource = env.TEST_POSTGRES_URL || env.DATABASE_URL;
  if (!env.KAFKA_BROKERS || !postgresSource || !env.REDIS_URL) return undefined;
  const endpoints = {
    kafkaBrokers: env.KAFKA_BROKERS.split(',').map((broker) => broker.trim()),
    postgresUrl: env.TEST_POSTGRES_URL || postgresAdminUrl(postgresSource),
    redisUrl: env.REDIS_URL,
  };
  const [kafka, postgres, redis] = await Promise.all([
    probeKafka(endpoints.kafkaBrokers),
    connectFirst([endpoints.postgresUrl]),
    probeRedis(endpoints.redisUrl),
  ]);
  return kafka.ok && postgres.ok && redis.ok ? endpoints : undefined;
}

/** The runner, honouring whichever endpoints the environment does name. */
async function endpointsFromRunner(env: NodeJS.ProcessEnv): Promise<TestEndpoints> {
  const databaseUrl = env.TEST_POSTGRES_URL || env.DATABASE_URL;
  return ensureInfrastructure({ env: { ...env, DATABASE_URL: databaseUrl }, log: logLine });
}

/** Containers, only where the runner could not provide the infrastructure but Docker can. */
async function endpointsFromContainers(runnerFailure: unknown): Promise<TestEndpoints> {
  const { containerRuntimeAvailable, startContainerInfrastructure } = await import(
    './container-infrastructure'
  );
  if (!(await containerRuntimeAvailable())) throw runnerFailure;
  logLine(
    `the runner failed (${runnerFailure instanceof Error ? runnerFailure.message : String(runnerFailure)}); using testcontainers`,
  );
  return startContainerInfrastructure();
}

/** Provides the test infrastructure and publishes it to the test workers through the environment. */
export default async function globalSetup(): Promise<void> {
  const env = process.env;
  const endpoints =
    (await endpointsFromEnvironment(env)) ??
    (await endpointsFromRunner(env).catch((failure: unknown) => endpointsFromContainers(failure)));
  process.env.KAFKA_BROKERS = endpoints.kafkaBrokers.join(',');
  process.env.TEST_POSTGRES_URL = endpoints.postgresUrl;
  process.env.REDIS_URL = endpoints.redisUrl;
}
