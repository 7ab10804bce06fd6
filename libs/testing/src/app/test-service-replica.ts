// A second (third…) instance of a service under test that shares the first one's database, topic and
// group prefixes, Redis prefix and token issuer — as replicas of one deployment do. For tests of
// cross-replica behaviour (live fan-out, consumer rebalancing) and of restarts (close the first, keep
// the data, start another).
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServiceApp, ServiceOptions } from '@loop/platform';
import type { TestService } from './test-service';

/** A replica of a running test service. Closing it leaves the shared database and issuer alone. */
export interface TestServiceReplica {
  /** The initialised Nest application of this replica. */
  app: NestExpressApplication;
  /** Its environment: the primary's, with its own Kafka client id and any overrides. */
  env: Record<string, string>;
  /** Closes this replica's app only. */
  close(): Promise<void>;
}

/** Options of a replica. */
export interface TestServiceReplicaOptions {
  /** Variables that replace or extend the primary's environment. */
  env?: Record<string, string>;
  /** Start the app's Kafka microservice too. */
  startMicroservices?: boolean;
}

let replicaCount = 0;

/** Boots another instance of `appModule` on the same slice of infrastructure as `primary`. */
export async function startTestServiceReplica(
  primary: Pick<TestService, 'env'>,
  appModule: Type<unknown>,
  serviceOptions: ServiceOptions,
  options: TestServiceReplicaOptions = {},
): Promise<TestServiceReplica> {
  replicaCount += 1;
  const env = {
    ...primary.env,
    KAFKA_CLIENT_ID: `${primary.env.KAFKA_CLIENT_ID}-replica-${replicaCount}`,
    ...options.env,
  };
  const app = await createServiceApp(appModule, { ...serviceOptions, env });
  try {
    if (options.startMicroservices) await app.startAllMicroservices();
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return { app, env, close: () => app.close() };
}
