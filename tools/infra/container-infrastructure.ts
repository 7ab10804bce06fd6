// Fallback for machines with a Docker engine but without the runner's prerequisites: Kafka, PostgreSQL
// and Redis as throwaway testcontainers. Only loaded where a container runtime answers; the containers
// live as long as the test process (testcontainers' reaper removes them afterwards).
import { createServer } from 'node:net';
import type { StartedTestContainer } from 'testcontainers';
import { pinnedKafkaVersion } from './kafka-artifacts';
import { containerEnvironment, singleNodeClusterSettings } from './kafka-config';
import { probeKafka } from './kafka-broker';
import { pollUntil } from './process-utils';

/** Endpoints of the containerised infrastructure. */
export interface ContainerInfrastructure {
  kafkaBrokers: string[];
  postgresUrl: string;
  redisUrl: string;
  containers: StartedTestContainer[];
}

/** True when testcontainers finds a working Docker (or compatible) engine. */
export async function containerRuntimeAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** Starts apache/kafka (same version as the local broker), postgres and redis containers in parallel. */
export async function startContainerInfrastructure(): Promise<ContainerInfrastructure> {
  const [kafka, postgres, redis] = await Promise.all([startKafka(), startPostgres(), startRedis()]);
  return {
    kafkaBrokers: kafka.brokers,
    postgresUrl: postgres.url,
    redisUrl: redis.url,
    containers: [kafka.container, postgres.container, redis.container],
  };
}

async function startKafka(): Promise<{ container: StartedTestContainer; brokers: string[] }> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  // Kafka hands clients the advertised address, so it must be the address reachable from here: bind
  // the same port number inside and outside the container and advertise that.
  const port = await freeLocalPort();
  const settings = {
    ...singleNodeClusterSettings,
    'controller.quorum.voters': '1@localhost:9093',
    listeners: `PLAINTEXT://0.0.0.0:${port},CONTROLLER://0.0.0.0:9093`,
    'advertised.listeners': `PLAINTEXT://${host}:${port}`,
  };
  const container = await new GenericContainer(`apache/kafka:${pinnedKafkaVersion()}`)
    .withEnvironment(containerEnvironment(settings))
    .withExposedPorts({ container: port, host: port })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(180_000)
    .start();
  const brokers = [`${host}:${port}`];
  await pollUntil(async () => (await probeKafka(brokers)).ok, {
    timeoutMs: 60_000,
    intervalMs: 500,
    description: 'the Kafka container',
  });
  return { container, brokers };
}

async function startPostgres(): Promise<{ container: StartedTestContainer; url: string }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('postgres:16-alpine')
    .withEnvironment({ POSTGRES_PASSWORD: 'postgres' })
    .withExposedPorts(5432)
    // The image restarts the server once after initdb; the second "ready" line is the real one.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  return {
    container,
    url: `postgres://postgres:postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`,
  };
}

async function startRedis(): Promise<{ container: StartedTestContainer; url: string }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('redis:7-alpine')
    .withExposedPorts(6379)
    .withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/))
    .start();
  return { container, url: `redis://${container.getHost()}:${container.getMappedPort(6379)}` };
}

function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
