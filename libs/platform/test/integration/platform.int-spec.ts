import { placeId } from '@loop/contracts';
import { createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { ConfigError, createServiceApp, Environment, RunningDevIssuer, startDevIssuer } from '../../src';
import { createTestDatabase, TestDatabase, testRedisUrl, waitFor } from '@loop/testing';
import { PlatformTestAppModule, probeEnvironment } from './platform-test-app';

const serviceOptions = {
  name: 'platform-probe',
  openapi: { title: 'Platform probe', version: '1.0.0' },
} as const;

/** A TCP relay to the real Redis that the test can cut and restore, to watch readiness follow. */
class RedisRelay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(Number(this.target.port || 6379), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the platform chassis', () => {
  let database: TestDatabase;
  let issuer: RunningDevIssuer;
  let environment: Environment;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('platform');
    issuer = await startDevIssuer({ port: 0 });
    environment = probeEnvironment('platform', database.url, issuer.jwksUrl);
    app = await createServiceApp(PlatformTestAppModule, { ...serviceOptions, env: environment });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.close();
    await database?.drop();
  });

  const http = () => request(app.getHttpServer());
  const residentToken = () => issuer.mint({ sub: 'resident-1', roles: ['resident'], community_ids: ['c-1'] });

  it('applies the migrations at start-up', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations');
      expect(rows.map((row) => row.name)).toEqual(['CreateProbeNotes1700000000000']);
    } finally {
      await client.end();
    }
  });

  it('reports live, and ready when PostgreSQL, Redis and Kafka all answer', async () => {
    await http().get('/health/live').expect(200, { status: 'ok', info: {}, error: {}, details: {} });

    // The first Kafka probe opens the admin connection; on a busy machine that may take a few tries.
    const ready = await waitFor(
      async () => {
        const response = await http().get('/health/ready');
        return response.status === 200 && response;
      },
      { description: 'readiness with every dependency up' },
    );

    expect(ready.body.status).toBe('ok');
    expect(Object.keys(ready.body.details).sort()).toEqual(['kafka', 'postgres', 'redis']);
  });

  it('times requests into the HTTP histogram by route template', async () => {
    await http().get('/tickets/categories/lighting').expect(200);

    const metrics = await http().get('/metrics').expect(200);

    const countLine = metrics.text
      .split('\n')
      .find(
        (line) =>
          line.startsWith('http_request_duration_seconds_count') &&
          line.includes('route="/tickets/categories/:code"'),
      );
    expect(countLine).toMatch(/method="GET"/);
    expect(countLine).toMatch(/status="200"/);
    expect(countLine).toMatch(/service="platform-probe"/);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
  });

  it('refuses a protected route without a token with a zh-CN problem', async () => {
    const response = await http().get('/tickets/mine').expect(401);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({
      type: 'urn:grassroots-loop:problem:auth.token-missing',
      title: '未登录或登录已失效',
      status: 401,
      instance: '/tickets/mine',
      code: 'auth.token-missing',
    });
  });

  it('refuses a token from another key', async () => {
    const stranger = await startDevIssuer({ port: 0 });
    const forged = await stranger.mint({ sub: 'intruder', roles: ['admin'] });
    await stranger.close();

    const response = await http().get('/tickets/mine').set('Authorization', `Bearer ${forged}`).expect(401);

    expect(response.body.code).toBe('auth.token-invalid');
  });

  it('refuses a token whose subject is a phone number with 401 saying why, before any work is done', async () => {
    const token = await issuer.mint({ sub: '13800138000', roles: ['resident'] });

    const response = await http().get('/tickets/mine').set('Authorization', `Bearer ${token}`).expect(401);

    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'auth.claims-invalid' });
    expect(response.body.detail).toContain('手机号');
  });

  it('refuses a user without the required role with 403', async () => {
    const staffToken = await issuer.mint({ sub: 'staff-1', roles: ['staff'] });

    const response = await http()
      .post('/tickets')
      .set('Authorization', `Bearer ${staffToken}`)
      .set('Accept-Language', 'en')
      .send({ title: 'Stairwell light', urgency: 1, location: { building: '7' } })
      .expect(403);

    expect(response.body).toMatchObject({
      status: 403,
      title: 'Forbidden',
      code: 'auth.role-required',
      detail: 'This requires one of the roles: resident, grid_worker.',
    });
  });

  it('serves the user from a development issuer token', async () => {
    const response = await http()
      .get('/tickets/mine')
      .set('Authorization', `Bearer ${await residentToken()}`)
      .expect(200);

    expect(response.body).toEqual({
      id: 'resident-1',
      roles: ['resident'],
      communityIds: [placeId('community', 'c-1')],
      gridIds: [],
    });
  });

  it('lets a resident submit a valid ticket', async () => {
    await http()
      .post('/tickets')
      .set('Authorization', `Bearer ${await residentToken()}`)
      .send({ title: 'Stairwell light', urgency: 2, location: { building: '7' } })
      .expect(201, { title: 'Stairwell light' });
  });

  it('describes invalid fields in zh-CN by default', async () => {
    const response = await http()
      .post('/tickets')
      .set('Authorization', `Bearer ${await residentToken()}`)
      .send({
        title: 'The stairwell light on floor six is broken',
        urgency: 9,
        location: {},
        priority: 'high',
      })
      .expect(400);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['content-language']).toBe('zh-CN');
    expect(response.body).toMatchObject({ title: '提交的内容有误', status: 400, code: 'validation-failed' });
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'priority', code: 'whitelistValidation', message: '不允许提交此字段' },
        { field: 'title', code: 'maxLength', message: '长度不能超过 20 个字符' },
        { field: 'urgency', code: 'max', message: '不能大于 3' },
        { field: 'location.building', code: 'isString', message: '必须是文本' },
      ]),
    );
  });

  it('describes invalid fields in English when the client prefers English', async () => {
    const response = await http()
      .post('/tickets')
      .set('Authorization', `Bearer ${await residentToken()}`)
      .set('Accept-Language', 'en-GB,en;q=0.9,zh;q=0.5')
      .send({ title: 42, urgency: 0, location: { building: 'B2' } })
      .expect(400);

    expect(response.body.title).toBe('Invalid request');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'isString', message: 'must be text' },
        { field: 'urgency', code: 'min', message: 'must not be less than 1' },
      ]),
    );
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const response = await http()
      .post('/tickets')
      .set('Authorization', `Bearer ${await residentToken()}`)
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('maps a domain conflict to 409 with its localized message', async () => {
    const response = await http()
      .post('/tickets/t-1/reopen')
      .set('Authorization', `Bearer ${await residentToken()}`)
      .expect(409);

    expect(response.body).toMatchObject({
      type: 'urn:grassroots-loop:problem:ticket.already-closed',
      detail: '该工单已归档，不能再重新打开',
      code: 'ticket.already-closed',
    });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await http()
      .get('/nowhere')
      .set('Authorization', `Bearer ${await residentToken()}`)
      .expect(404);

    expect(response.body).toMatchObject({ status: 404, title: '未找到', instance: '/nowhere' });
  });

  it('keeps the caller’s correlation id and quotes it in problems', async () => {
    const response = await http().get('/tickets/mine').set('x-correlation-id', 'flow-1234').expect(401);

    expect(response.headers['x-correlation-id']).toBe('flow-1234');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.correlationId).toBe('flow-1234');
  });

  it('serves the OpenAPI document with the bearer scheme', async () => {
    const response = await http().get('/docs-json').expect(200);

    expect(response.body.info).toMatchObject({ title: 'Platform probe', version: '1.0.0' });
    expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(response.body.paths)).toContain('/tickets/mine');
  });

  it('refuses to start with an invalid config and names the variable', async () => {
    const starting = createServiceApp(PlatformTestAppModule, {
      ...serviceOptions,
      env: { ...environment, DATABASE_URL: 'nope' },
    });

    await expect(starting).rejects.toThrow(ConfigError);
    await expect(starting).rejects.toThrow('DATABASE_URL must be a postgres:// URL (got "nope")');
  });

  it('reports not ready while Redis is unreachable', async () => {
    const unreachable = await createServiceApp(PlatformTestAppModule, {
      ...serviceOptions,
      env: { ...environment, REDIS_URL: `redis://127.0.0.1:${await closedPort()}` },
    });
    await unreachable.init();
    try {
      // Polled until the other checks settle, so only Redis is what the 503 is about.
      const response = await waitFor(
        async () => {
          const answer = await request(unreachable.getHttpServer()).get('/health/ready');
          return answer.status === 503 && answer.body.info?.kafka?.status === 'up' && answer;
        },
        { description: 'readiness reporting only Redis as down' },
      );

      expect(response.body.status).toBe('error');
      expect(response.body.error).toEqual({ redis: expect.objectContaining({ status: 'down' }) });
      expect(response.body.info.postgres.status).toBe('up');
    } finally {
      await unreachable.close();
    }
  });

  it('turns ready again when Redis comes back', async () => {
    const relay = new RedisRelay(new URL(testRedisUrl()));
    await relay.open();
    const relayed = await createServiceApp(PlatformTestAppModule, {
      ...serviceOptions,
      env: { ...environment, REDIS_URL: `redis://127.0.0.1:${relay.port}` },
    });
    await relayed.init();
    const readiness = async () => (await request(relayed.getHttpServer()).get('/health/ready')).status;
    try {
      await waitFor(async () => (await readiness()) === 200, { description: 'readiness with Redis up' });

      await relay.cut();
      await waitFor(async () => (await readiness()) === 503, {
        description: 'readiness to notice Redis is gone',
      });
      await relay.open();

      await waitFor(async () => (await readiness()) === 200, {
        description: 'readiness to recover once Redis is back',
        timeoutMs: 15_000,
      });
    } finally {
      await relayed.close();
      await relay.cut();
    }
  });
});
