// Readiness must follow the dependencies: down when PostgreSQL, Redis or Kafka goes away, back when they
// return. Kafka is the runner's own broker, really stopped and started; PostgreSQL and Redis are the
// machine's shared servers, so they are cut off from this service alone through proxies rather than stopped.
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import {
  repositoryRoot,
  startTcpProxyTo,
  testPostgresAdminUrl,
  testRedisUrl,
  startTestService,
  TcpProxy,
  TestService,
  throughProxy,
  waitFor,
} from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { requestsServiceOptions } from '../../src/service-options';

function infra(...args: string[]): void {
  execFileSync('npx', ['tsx', 'tools/infra/cli.ts', ...args], { cwd: repositoryRoot, stdio: 'pipe' });
}

async function readinessStatus(service: TestService): Promise<number> {
  return (await request(service.app.getHttpServer()).get('/health/ready')).status;
}

describe('readiness of the requests service when a dependency goes away', () => {
  let service: TestService;
  let postgresProxy: TcpProxy;
  let redisProxy: TcpProxy;

  beforeAll(async () => {
    postgresProxy = await startTcpProxyTo(testPostgresAdminUrl(), 5432);
    redisProxy = await startTcpProxyTo(testRedisUrl(), 6379);
    service = await startTestService(AppModule, requestsServiceOptions, {
      env: { REDIS_URL: throughProxy(testRedisUrl(), redisProxy) },
      rewriteDatabaseUrl: (url) => throughProxy(url, postgresProxy),
    });
  });
  afterAll(async () => {
    await service?.close();
    await postgresProxy?.close();
    await redisProxy?.close();
  });

  it('turns not ready while PostgreSQL is unreachable and ready again when it returns', async () => {
    expect(await readinessStatus(service)).toBe(200);
    await postgresProxy.cut();
    await waitFor(async () => (await readinessStatus(service)) === 503, {
      timeoutMs: 20_000,
      description: 'readiness to report 503 without PostgreSQL',
    });
    await postgresProxy.restore();
    await waitFor(async () => (await readinessStatus(service)) === 200, {
      timeoutMs: 30_000,
      description: 'readiness to recover with PostgreSQL back',
    });
  });

  it('turns not ready while Redis is unreachable and ready again when it returns', async () => {
    expect(await readinessStatus(service)).toBe(200);
    await redisProxy.cut();
    await waitFor(async () => (await readinessStatus(service)) === 503, {
      timeoutMs: 20_000,
      description: 'readiness to report 503 without Redis',
    });
    await redisProxy.restore();
    await waitFor(async () => (await readinessStatus(service)) === 200, {
      timeoutMs: 30_000,
      description: 'readiness to recover with Redis back',
    });
  });

  it('turns not ready while the Kafka broker is stopped and ready again once it is back', async () => {
    expect(await readinessStatus(service)).toBe(200);
    infra('down', 'kafka');
    try {
      await waitFor(async () => (await readinessStatus(service)) === 503, {
        timeoutMs: 30_000,
        description: 'readiness to report 503 without Kafka',
      });
    } finally {
      infra('up');
    }
    await waitFor(async () => (await readinessStatus(service)) === 200, {
      timeoutMs: 60_000,
      description: 'readiness to recover with Kafka back',
    });
  });
});
