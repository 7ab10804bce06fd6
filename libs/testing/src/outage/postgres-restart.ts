// A restart of PostgreSQL as one service under test sees it, without stopping the server that other
// suites on the machine share: the server terminates the service's sessions (SQLSTATE 57P01, "terminating
// connection due to administrator command", as a shutdown does), then for a while new connections are
// refused, then they are accepted again. The service reaches its database through a TCP proxy that
// this module cuts and restores.
import type { Type } from '@nestjs/common';
import type { ServiceOptions } from '@loop/platform';
import { Client } from 'pg';
import { setTimeout as delay } from 'node:timers/promises';
import { startTestService, TestService, TestServiceOptions } from '../app/test-service';
import { testPostgresAdminUrl } from '../infrastructure/test-environment';
import { startTcpProxyTo, TcpProxy, throughProxy } from '../network/tcp-proxy';

/** A service under test whose PostgreSQL can be restarted for it alone. */
export interface ServiceWithRestartablePostgres {
  service: TestService;
  /** The proxy between the service and PostgreSQL. */
  proxy: TcpProxy;
  /**
   * Terminates the service's sessions, refuses its connections for `downForMs`, then accepts them
   * again; resolves once connections are accepted.
   */
  restartPostgres(downForMs?: number): Promise<void>;
  /** Closes the service, then the proxy. */
  close(): Promise<void>;
}

/** Terminates every session of `database` but the caller's, as a server shutdown does (57P01). */
export async function terminateSessions(database: string): Promise<number> {
  const admin = new Client({ connectionString: testPostgresAdminUrl() });
  await admin.connect();
  try {
    const result = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** Boots a service as `startTestService` does, with its database connections through a proxy. */
export async function startTestServiceWithRestartablePostgres(
  appModule: Type<unknown>,
  serviceOptions: ServiceOptions,
  options: Omit<TestServiceOptions, 'rewriteDatabaseUrl'> = {},
): Promise<ServiceWithRestartablePostgres> {
  const proxy = await startTcpProxyTo(testPostgresAdminUrl(), 5432);
  let service: TestService;
  try {
    service = await startTestService(appModule, serviceOptions, {
      ...options,
      rewriteDatabaseUrl: (url) => throughProxy(url, proxy),
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  return {
    service,
    proxy,
    restartPostgres: async (downForMs = 3_000) => {
      await terminateSessions(service.database.name);
      // Long enough for the termination notices to reach the service before its sockets are cut.
      await delay(200);
      await proxy.cut();
      await delay(downForMs);
      await proxy.restore();
    },
    close: async () => {
      // Connections must be possible again for the service to shut down and drop its database.
      await proxy.restore().catch(() => undefined);
      await service.close();
      await proxy.close();
    },
  };
}
