// The whole loop on real infrastructure: the four services as separate processes (built output), one
// development token issuer, the demo district, and a namespace of their own — topics, consumer groups,
// databases and Redis keys — so a cluster never sees `npm start`'s data or another run's.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DevTokenClaims, RunningDevIssuer, startDevIssuer } from '@loop/platform';
import { testServiceEnvironment } from '../app/test-service';
import { repositoryRoot } from '../deployment/compose-service-check';
import { deleteNamespaceFromKafka } from '../infrastructure/namespace-cleanup';
import { createTestDatabase, TestDatabase } from '../infrastructure/test-database';
import { TestNamespace, testNamespace } from '../infrastructure/test-namespace';
import { loadDemoDistrict } from './demo-district-seed';
import { waitForRequestsToKnowTheDirectory } from './directory-catch-up';
import { serviceCatalogue, ServiceEntry } from './service-catalogue';
import { ServiceProcess } from './service-process';

type ServiceName = ServiceEntry['name'];

/** How to start a cluster. */
export interface LoopClusterOptions {
  /** Names the namespace, the databases and the log folder (`.local/logs/<name>-<unique>/`). */
  name: string;
  /** Variables for every service (e.g. a faster timer poll), on top of the cluster's environment. */
  env?: Record<string, string>;
  /** Variables for one service only (e.g. short SLAs for dispatch). */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Load the demo district into dispatch before it starts (default true). */
  seedDemoDistrict?: boolean;
  /**
   * Processes per service (default 1), each on its own port and sharing the service's database and
   * consumer group, as replicas of a Deployment do: the group spreads the partitions over them.
   */
  replicas?: number;
}

/** A free TCP port on 127.0.0.1, as the kernel hands them out. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The four services of the loop, each in its own process, wired to each other through Kafka. */
export class LoopCluster {
  private constructor(
    /** The cluster's topic, group and Redis prefixes. */
    readonly namespace: TestNamespace,
    /** The token issuer every service trusts. */
    readonly issuer: RunningDevIssuer,
    private readonly databases: Map<ServiceName, TestDatabase>,
    private readonly processes: Map<ServiceName, ServiceProcess[]>,
    /** Where each service's output goes. */
    readonly logDir: string,
  ) {}

  /** Creates the databases, seeds the demo district and starts every service; resolves once all are ready. */
  static async start(options: LoopClusterOptions): Promise<LoopCluster> {
    const namespace = testNamespace(options.name);
    const logDir = join(repositoryRoot, '.local', 'logs', namespace.clientId);
    mkdirSync(logDir, { recursive: true });
    const issuer = await startDevIssuer({ port: 0 });
    const databases = new Map<ServiceName, TestDatabase>();
    const processes = new Map<ServiceName, ServiceProcess[]>();
    const replicas = Math.max(1, options.replicas ?? 1);
    const cluster = new LoopCluster(namespace, issuer, databases, processes, logDir);
    try {
      const ports = new Map<ServiceName, number[]>();
      for (const service of serviceCatalogue) {
        databases.set(service.name, await createTestDatabase(`${options.name}_${service.name}`));
        const replicaPorts: number[] = [];
        for (let replica = 0; replica < replicas; replica++) replicaPorts.push(await freePort());
        ports.set(service.name, replicaPorts);
      }
      if (options.seedDemoDistrict ?? true) {
        await loadDemoDistrict(databases.get('dispatch')!.url);
      }
      // Requests calls its peers' first replicas; a Service would spread these calls too, but they are few.
      const peers = {
        DISPATCH_URL: `http://127.0.0.1:${ports.get('dispatch')![0]}`,
        VOLUNTEER_HOURS_URL: `http://127.0.0.1:${ports.get('volunteer-hours')![0]}`,
        NOTIFICATIONS_URL: `http://127.0.0.1:${ports.get('notifications')![0]}`,
      };
      for (const service of serviceCatalogue) {
        const env = {
          ...testServiceEnvironment(service.name, databases.get(service.name)!, namespace, issuer),
          REDIS_KEY_PREFIX: `${namespace.redisKeyPrefix}${service.name}:`,
          ...(service.name === 'requests' ? peers : {}),
          ...options.env,
          ...options.serviceEnv?.[service.name],
        };
        processes.set(
          service.name,
          ports.get(service.name)!.map((port, replica) => {
            const logFile = join(logDir, `${service.name}${replica === 0 ? '' : `-${replica + 1}`}.log`);
            return new ServiceProcess(service.name, port, env, logFile);
          }),
        );
      }
      await Promise.all([...processes.values()].flat().map((process) => process.start()));
      if (options.seedDemoDistrict ?? true) {
        await waitForRequestsToKnowTheDirectory(namespace, databases.get('dispatch')!.url);
      }
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** The (first) process of one service. */
  service(name: ServiceName): ServiceProcess {
    return this.replicas(name)[0];
  }

  /** Every process of one service. */
  replicas(name: ServiceName): readonly ServiceProcess[] {
    const replicas = this.processes.get(name);
    if (!replicas) throw new Error(`No ${name} service in this cluster`);
    return replicas;
  }

  /** Base URL of one service's HTTP API (its first replica). */
  url(name: ServiceName): string {
    return this.service(name).url;
  }

  /** Base URLs of every replica of one service. */
  urls(name: ServiceName): string[] {
    return this.replicas(name).map((replica) => replica.url);
  }

  /** The database name of every service, by service. */
  databaseNames(): Record<ServiceName, string> {
    return Object.fromEntries(
      [...this.databases].map(([service, database]) => [service, database.name]),
    ) as Record<ServiceName, string>;
  }

  /** A bearer token for `claims`, signed by the issuer the services trust. */
  token(claims: DevTokenClaims): Promise<string> {
    return this.issuer.mint(claims);
  }

  /** Kills one service (its first replica) with SIGKILL: no shutdown hook runs, whatever was in flight is cut off. */
  kill(name: ServiceName): Promise<void> {
    return this.service(name).stop('SIGKILL');
  }

  /** Starts a stopped or killed service again and waits until it is ready. */
  restart(name: ServiceName): Promise<void> {
    return this.service(name).start();
  }

  /** Stops every service gracefully, then removes the databases, topics and groups and closes the issuer. */
  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].flat().map((process) => process.stop('SIGTERM')));
    await this.issuer.close().catch(() => undefined);
    for (const database of this.databases.values()) await database.drop();
    await deleteNamespaceFromKafka(this.namespace);
  }
}
