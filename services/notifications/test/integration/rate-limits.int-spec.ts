import { startTestServiceReplica, TestService, TestServiceReplica, waitFor } from '@loop/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { notificationsServiceOptions } from '../../src/service-options';
import { startNotifications, tokenOf } from './support/notifications-under-test';

// Small limits and a short window, so a person runs out within a few requests and the window passes
// within the test; five seconds leave room for the requests that fill it on a slow machine.
const limits = {
  RATE_LIMIT_WEBHOOK_CHANGES: '2',
  RATE_LIMIT_PREFERENCE_CHANGES: '3',
  RATE_LIMIT_WINDOW_SECONDS: '5',
};

const preferences = { language: 'en', quietHours: { start: '22:00', end: '07:00' }, smsNumber: null };

describe('per-person rate limits on notification settings', () => {
  let service: TestService;
  let replica: TestServiceReplica;

  beforeAll(async () => {
    service = await startNotifications(limits);
    replica = await startTestServiceReplica(service, AppModule, notificationsServiceOptions);
  });
  afterAll(async () => {
    await replica?.close();
    await service?.close();
  });

  const savePreferences = (app: TestService['app'], token: string) =>
    request(app.getHttpServer())
      .put('/me/preferences')
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', 'en')
      .send(preferences);

  // Removing a webhook nobody set answers 404, but it is a webhook change all the same and is counted.
  const removeWebhook = (app: TestService['app'], token: string) =>
    request(app.getHttpServer()).delete('/me/webhook').set('Authorization', `Bearer ${token}`);

  it('refuses a member’s preference change past the limit on either replica, while another member still saves theirs', async () => {
    const restless = await tokenOf(service, 'member-restless', 'member');
    await savePreferences(service.app, restless).expect(200);
    await savePreferences(replica.app, restless).expect(200);
    await savePreferences(service.app, restless).expect(200);

    const refused = await savePreferences(replica.app, restless).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 429,
      code: 'rate-limit.exceeded',
      title: 'Too Many Requests',
      instance: '/me/preferences',
    });
    await savePreferences(service.app, restless).expect(429);

    await savePreferences(service.app, await tokenOf(service, 'member-calm', 'member')).expect(200);
  });

  it('counts webhook changes apart from preference changes, and lets them through again after the window', async () => {
    const resident = await tokenOf(service, 'resident-webhooks');
    await removeWebhook(service.app, resident).expect(404);
    await removeWebhook(replica.app, resident).expect(404);
    const refused = await removeWebhook(service.app, resident).expect(429);
    expect(refused.body).toMatchObject({ title: '请求过于频繁', code: 'rate-limit.exceeded' });
    await savePreferences(service.app, resident).expect(200);

    await waitFor(
      async () => ((await removeWebhook(replica.app, resident)).status === 404 ? true : undefined),
      {
        description: 'a webhook change let through in the next window',
        timeoutMs: 10_000,
        intervalMs: 250,
      },
    );
  });
});
