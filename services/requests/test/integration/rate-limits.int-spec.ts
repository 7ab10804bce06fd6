import {
  startTestServiceReplica,
  TestService,
  TestServiceReplica,
  testRedisUrl,
  waitFor,
} from '@loop/testing';
import Redis from 'ioredis';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { requestsServiceOptions } from '../../src/service-options';
import { People, startRequestsService, submitTicket, ticketBody } from './support/requests-kit';

// Small limits and a short window, so a person runs out within a few requests and the window passes
// within the test; five seconds leave room for the requests that fill it on a slow machine.
const limits = {
  RATE_LIMIT_TICKET_SUBMISSIONS: '3',
  RATE_LIMIT_TICKET_ACTIONS: '2',
  RATE_LIMIT_WINDOW_SECONDS: '5',
};

describe('per-person rate limits on ticket writes', () => {
  let service: TestService;
  let replica: TestServiceReplica;
  let people: People;
  let redis: Redis;

  beforeAll(async () => {
    service = await startRequestsService(limits);
    replica = await startTestServiceReplica(service, AppModule, requestsServiceOptions);
    people = new People(service);
    redis = new Redis(testRedisUrl(), { keyPrefix: service.env.REDIS_KEY_PREFIX, lazyConnect: true });
  });
  afterAll(async () => {
    redis?.disconnect();
    await replica?.close();
    await service?.close();
  });

  const submit = (app: TestService['app'], token: string, language = 'zh-CN') =>
    request(app.getHttpServer())
      .post('/tickets')
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', language)
      .send(ticketBody());

  const fillTheWindow = async (token: string) => {
    for (let i = 0; i < 3; i++) await submit(service.app, token).expect(201);
  };

  it('refuses a resident’s submission past the limit with 429, Retry-After and a problem in their language, while another resident still files', async () => {
    const eager = await people.resident('resident-eager');
    await fillTheWindow(eager);

    const refused = await submit(service.app, eager, 'en').expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'urn:grassroots-loop:problem:rate-limit.exceeded',
      status: 429,
      code: 'rate-limit.exceeded',
      title: 'Too Many Requests',
      instance: '/tickets',
    });
    expect(refused.body.detail).toContain(`Retry in ${retryAfter} s`);

    const inChinese = await submit(service.app, eager).expect(429);
    expect(inChinese.body).toMatchObject({ title: '请求过于频繁' });
    expect(inChinese.body.detail).toContain('操作过于频繁');

    await submitTicket(service, await people.resident('resident-patient'));
  });

  it('counts a person’s submissions on every replica against one limit kept in Redis', async () => {
    const token = await people.resident('resident-two-doors');
    await submit(service.app, token).expect(201);
    await submit(replica.app, token).expect(201);
    await submit(service.app, token).expect(201);

    await submit(replica.app, token).expect(429);
    await submit(service.app, token).expect(429);
    expect(Number(await redis.get('rate-limit:ticket-submissions:user:resident-two-doors'))).toBeGreaterThan(
      3,
    );
  });

  it('lets the person submit again once the window has passed', async () => {
    const token = await people.resident('resident-again');
    await fillTheWindow(token);
    await submit(service.app, token).expect(429);

    const accepted = await waitFor(
      async () => ((await submit(service.app, token)).status === 201 ? true : undefined),
      { description: 'a submission accepted in the next window', timeoutMs: 10_000, intervalMs: 250 },
    );
    expect(accepted).toBe(true);
  });

  it('counts cancellations apart from submissions', async () => {
    const token = await people.resident('resident-tidy');
    const tickets = [];
    for (let i = 0; i < 3; i++) tickets.push(await submitTicket(service, token));
    const cancel = (id: string) =>
      request(service.app.getHttpServer())
        .post(`/tickets/${id}/cancel`)
        .set('Authorization', `Bearer ${token}`)
        .send({ reasonCode: 'withdrawn' });

    await cancel(tickets[0].id).expect(200);
    await cancel(tickets[1].id).expect(200);
    const refused = await cancel(tickets[2].id).expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body).toMatchObject({ status: 429, code: 'rate-limit.exceeded' });
  });
});
