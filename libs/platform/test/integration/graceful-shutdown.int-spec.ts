import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  createServiceApp,
  installGracefulShutdown,
  REDIS,
  RunningDevIssuer,
  startDevIssuer,
} from '../../src';
import { createTestDatabase, TestDatabase, waitFor } from '@loop/testing';
import type Redis from 'ioredis';
import { PlatformTestAppModule, probeEnvironment, RequestGate, slowReportGate } from './platform-test-app';

describe('graceful shutdown', () => {
  let database: TestDatabase;
  let issuer: RunningDevIssuer;
  let app: NestExpressApplication;
  let uninstall: () => void = () => undefined;

  beforeAll(async () => {
    database = await createTestDatabase('platform_shutdown');
    issuer = await startDevIssuer({ port: 0 });
    app = await createServiceApp(PlatformTestAppModule, {
      name: 'platform-probe',
      openapi: false,
      env: probeEnvironment('platform-shutdown', database.url, issuer.jwksUrl),
    });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    uninstall();
    await issuer?.close();
    await database?.drop();
  });

  it('lets an in-flight request finish, refuses new ones, closes the app and exits cleanly', async () => {
    const exitCodes: number[] = [];
    uninstall = installGracefulShutdown(app, {
      graceMs: 10_000,
      logger: new Logger('test'),
      exit: (code) => exitCodes.push(code),
    });
    const redis = app.get<Redis>(REDIS);
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    slowReportGate.current = new RequestGate();
    const inFlight = fetch(`${base}/tickets/reports/slow`);
    await slowReportGate.current.entered;

    process.emit('SIGTERM');
    await waitFor(
      async () =>
        fetch(`${base}/health/live`).then(
          () => false,
          () => true,
        ),
      {
        description: 'the server to stop accepting connections',
      },
    );
    slowReportGate.current.release();
    const response = await inFlight;

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rows: 19 });
    await waitFor(() => exitCodes.length > 0, { description: 'the shutdown to finish' });
    expect(exitCodes).toEqual([0]);
    // The Redis client is closed by the app's shutdown hooks; its socket finishes closing just after.
    await waitFor(() => redis.status === 'end', { description: 'the Redis client to be closed' });
  });
});
