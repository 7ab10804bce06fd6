// Boots one service in the test process against real infrastructure, isolated from every other suite:
// its own fresh database, topic and group prefixes, Redis key prefix, and a development token issuer.
import type { AddressInfo } from 'node:net';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  createServiceApp,
  DevTokenClaims,
  RunningDevIssuer,
  ServiceOptions,
  startDevIssuer,
} from '@loop/platform';
import { deleteNamespaceFromKafka } from '../infrastructure/namespace-cleanup';
import { createTestDatabase, TestDatabase } from '../infrastructure/test-database';
import { testKafkaBrokers, testRedisUrl } from '../infrastructure/test-environment';
import { TestNamespace, testNamespace } from '../infrastructure/test-namespace';

/** A service running inside the test, with everything it was given. */
export interface TestService {
  /** The initialised Nest application (the latest, after a restart); `app.getHttpServer()` goes to supertest. */
  app: NestExpressApplication;
  /** The environment the service was configured with. */
  env: Record<string, string>;
  /** The suite's database (dropped by `close`). */
  database: TestDatabase;
  /** The suite's topic, group and Redis prefixes. */
  namespace: TestNamespace;
  /** The token issuer the service trusts. */
  issuer: RunningDevIssuer;
  /** A bearer token for the given claims, signed by the trusted issuer. */
  tokenFor(claims: DevTokenClaims): Promise<string>;
  /**
   * Closes the app, awaits `whileDown` (what happens while the service is away), then boots the service
   * again on the same database, namespace and environment; returns the new app, which `app` now is.
   */
  restart(whileDown?: () => Promise<unknown>): Promise<NestExpressApplication>;
  /** Closes the app and the issuer, drops the database and deletes the suite's topics and groups. */
  close(): Promise<void>;
}

/** How to boot the service under test. */
export interface TestServiceOptions {
  /** Variables that replace or extend the test environment (e.g. to misconfigure a dependency). */
  env?: Record<string, string>;
  /** Start the app's Kafka microservice too. */
  startMicroservices?: boolean;
  /** Changes the database URL the service is given (e.g. to route it through a proxy). */
  rewriteDatabaseUrl?: (url: string) => string;
}

/** The environment of a service under test, pointing at the suite's own slice of the infrastructure. */
export function testServiceEnvironment(
  serviceName: string,
  database: TestDatabase,
  namespace: TestNamespace,
  issuer: RunningDevIssuer,
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '3999',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: namespace.redisKeyPrefix,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_CLIENT_ID: `${namespace.clientId}-${serviceName}`,
    KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
    KAFKA_GROUP_PREFIX: namespace.groupPrefix,
    AUTH_JWKS_URL: issuer.jwksUrl,
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    SHUTDOWN_GRACE_MS: '1000',
  };
}

async function bootApp(
  appModule: Type<unknown>,
  serviceOptions: ServiceOptions,
  env: Record<string, string>,
  startMicroservices: boolean | undefined,
): Promise<NestExpressApplication> {
  const app = await createServiceApp(appModule, { ...serviceOptions, env });
  try {
    if (startMicroservices) await app.startAllMicroservices();
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/** Boots `appModule` as the service `options.name` would run, but in-process and isolated. */
export async function startTestService(
  appModule: Type<unknown>,
  serviceOptions: ServiceOptions,
  options: TestServiceOptions = {},
): Promise<TestService> {
  const namespace = testNamespace(serviceOptions.name);
  const database = await createTestDatabase(serviceOptions.name.replace(/[^a-z0-9]+/g, '_'));
  const issuer = await startDevIssuer({ port: 0 });
  const env = { ...testServiceEnvironment(serviceOptions.name, database, namespace, issuer), ...options.env };
  if (options.rewriteDatabaseUrl) env.DATABASE_URL = options.rewriteDatabaseUrl(env.DATABASE_URL);
  let running: NestExpressApplication | undefined;
  try {
    running = await bootApp(appModule, serviceOptions, env, options.startMicroservices);
  } catch (error) {
    await issuer.close();
    await database.drop();
    throw error;
  }
  const service: TestService = {
    app: running,
    env,
    database,
    namespace,
    issuer,
    tokenFor: (claims) => issuer.mint(claims),
    restart: async (whileDown) => {
      await running?.close();
      running = undefined;
      await whileDown?.();
      running = await bootApp(appModule, serviceOptions, env, options.startMicroservices);
      service.app = running;
      return running;
    },
    close: async () => {
      await running?.close();
      running = undefined;
      await issuer.close();
      await database.drop();
      await deleteNamespaceFromKafka(namespace);
    },
  };
  return service;
}

/**
 * Makes `app` listen on a free port of 127.0.0.1 for the rest of the suite and returns its base URL.
 * Given a server that is not listening, supertest listens and closes it for each request, and requests
 * sent at once (or a stream held open) would find it closed under them.
 */
export async function listenOnLoopback(app: NestExpressApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
