// A service admits at most HTTP_MAX_IN_FLIGHT requests at a time and answers the rest 503 with
// Retry-After at once, while its probes, metrics and live streams keep answering.
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource, QueryRunner } from 'typeorm';
import { createServiceApp, RunningDevIssuer, startDevIssuer } from '../../src';
import { createTestDatabase, TestDatabase } from '@loop/testing';
import { PlatformTestAppModule, probeEnvironment, RequestGate, slowReportGate } from './platform-test-app';

describe('load shedding', () => {
  let database: TestDatabase;
  let issuer: RunningDevIssuer;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('platform_shedding');
    issuer = await startDevIssuer({ port: 0 });
    app = await createServiceApp(PlatformTestAppModule, {
      name: 'platform-probe',
      openapi: false,
      env: probeEnvironment('platform-shedding', database.url, issuer.jwksUrl, { HTTP_MAX_IN_FLIGHT: '1' }),
    });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.close();
    await database?.drop();
  });

  const http = () => request(app.getHttpServer());

  it('answers 503 with Retry-After at once while the service serves all it admits, and admits again after', async () => {
    slowReportGate.current = new RequestGate();
    const slow = http()
      .get('/tickets/reports/slow')
      .then((response) => response);
    await slowReportGate.current.entered;

    const shed = await http().get('/tickets/categories/lighting').set('Accept-Language', 'zh-CN').expect(503);
    expect(shed.headers['retry-after']).toBe('1');
    expect(shed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(shed.body).toMatchObject({
      status: 503,
      code: 'service.overloaded',
      instance: '/tickets/categories/lighting',
    });
    expect(shed.body.detail).toContain('请在 1 秒后重试');

    // Probes, scrapes and live streams are never shed.
    await http().get('/health/live').expect(200);
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/http_requests_shed_total\{[^}]*\} [1-9]/);
    await http().get('/tickets/categories/lighting').set('Accept', 'text/event-stream').expect(200);

    slowReportGate.current.release();
    expect((await slow).status).toBe(200);
    await http().get('/tickets/categories/lighting').expect(200, { code: 'lighting' });
  });

  it('stays ready while every pooled connection is busy: readiness has a connection of its own', async () => {
    // Hold the whole pool (10 connections), as a burst of slow queries would.
    const held: QueryRunner[] = [];
    for (let i = 0; i < 10; i++) {
      const runner = app.get(DataSource).createQueryRunner();
      await runner.connect();
      held.push(runner);
    }
    try {
      const ready = await http().get('/health/ready');
      expect(ready.body.details?.postgres).toEqual({ status: 'up' });
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }
  });
});
