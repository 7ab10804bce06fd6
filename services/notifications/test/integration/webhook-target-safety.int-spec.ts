import request from 'supertest';
import { ticketDispatchedV1, ticketSubmittedV1 } from '@loop/contracts';
import { EventFeed, TestService, waitFor } from '@loop/testing';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DropRemoteAnswersFromDeliveryLog1796640000000 } from '../../src/database/migrations/1796640000000-drop-remote-answers-from-delivery-log';
import { HttpReceiver, startHttpReceiver } from './support/http-receiver';
import { aCommunity, anOffer, aSubmittedTicket } from './support/loop-fixtures';
import { startNotifications, tokenOf } from './support/notifications-under-test';

interface DeliveryView {
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  attemptLog: Array<{ outcome: string; error: string | null }>;
}

// The service as it runs in production: webhooks may reach public addresses only.
describe('webhooks that point inside the network', () => {
  let service: TestService;
  let feed: EventFeed;
  let inside: HttpReceiver;
  const place = aCommunity();

  beforeAll(async () => {
    inside = await startHttpReceiver();
    service = await startNotifications({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
    feed = await EventFeed.connect(service.namespace.topicPrefix);
  }, 60_000);

  afterAll(async () => {
    await feed?.close();
    await service?.close();
    await inside?.close();
  });

  const http = () => request(service.app.getHttpServer());

  it.each([
    ['the service’s own machine', 'http://127.0.0.1:8080/hook'],
    ['a name for the own machine', 'http://localhost:5432/'],
    ['an IPv6 loopback', 'http://[::1]/hook'],
    ['a private network address', 'http://10.0.0.12/admin'],
    ['a home router', 'https://192.168.1.1/'],
    ['the cloud metadata endpoint', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    ['a carrier-grade NAT address', 'http://100.100.100.200/latest/meta-data/'],
  ])('refuses %s as a webhook with a 422 in Chinese and English', async (what, url) => {
    const token = await tokenOf(service, `member-probing-${what.replace(/\W+/g, '-')}`, 'member');
    const zh = await http()
      .put('/me/webhook')
      .set('authorization', `Bearer ${token}`)
      .send({ url })
      .expect(422)
      .expect('content-type', /application\/problem\+json/);
    expect(zh.body).toMatchObject({ code: 'webhook.unsafe-target' });
    expect(zh.body.detail).toContain('公网地址');
    const en = await http()
      .put('/me/webhook')
      .set('authorization', `Bearer ${token}`)
      .set('accept-language', 'en')
      .send({ url })
      .expect(422);
    expect(en.body.detail).toContain('public address');
    await http().get('/me/webhook').set('authorization', `Bearer ${token}`).expect(404);
  });

  it('refuses at delivery a webhook whose host now resolves inside, without calling it or retrying', async () => {
    const token = await tokenOf(service, 'member-rebound', 'member');
    // As if registered while its name pointed to a public address, and its DNS was changed since.
    const url = inside.url.replace('127.0.0.1', 'localhost');
    await service.app
      .get(DataSource)
      .query(
        `INSERT INTO webhook_subscription (user_id, id, url, secret, created_at) VALUES ($1, $2, $3, $4, now())`,
        ['member-rebound', uuidv7(), url, 'whsec_rebound'],
      );
    const ticket = aSubmittedTicket(place, 'resident-of-member-rebound', 'normal');
    await feed.publish(ticketSubmittedV1, ticket);
    await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, 'member-rebound'));

    const failed = await waitFor(
      async () => {
        const response = await http()
          .get('/me/deliveries')
          .set('authorization', `Bearer ${token}`)
          .expect(200);
        return (response.body as DeliveryView[]).find(
          (d) => d.channel === 'webhook' && d.status === 'failed',
        );
      },
      { description: 'the webhook delivery recorded as refused', timeoutMs: 30_000 },
    );
    expect(failed.lastError).toBe('target refused: the host resolves to a loopback address');
    expect(failed.attempts).toBe(1);
    expect(inside.requests).toEqual([]);
  }, 60_000);

  it('removes what receivers answered from the delivery log written before, keeping the status', async () => {
    const runner = service.app.get(DataSource).createQueryRunner();
    try {
      // Session-local tables of the same names stand in for the log, so the real rows stay untouched.
      await runner.query(`CREATE TEMP TABLE delivery (last_error text)`);
      await runner.query(`CREATE TEMP TABLE delivery_attempt (error text)`);
      const written = [
        'POST http://10.0.0.5/admin answered 200: {"db_password":"hunter2"}',
        'POST https://hooks.example.org/loop answered 503: <html>\nmaintenance</html>',
        'POST https://hooks.example.org/loop failed: ECONNREFUSED',
        'the recipient no longer has a webhook subscription',
      ];
      for (const error of written) {
        await runner.query(`INSERT INTO delivery (last_error) VALUES ($1)`, [error]);
        await runner.query(`INSERT INTO delivery_attempt (error) VALUES ($1)`, [error]);
      }

      await new DropRemoteAnswersFromDeliveryLog1796640000000().up(runner);

      const kept = [
        'answered 200',
        'answered 503',
        'connection failed (ECONNREFUSED)',
        'the recipient no longer has a webhook subscription',
      ];
      const deliveries: Array<{ last_error: string }> = await runner.query(`SELECT last_error FROM delivery`);
      const attempts: Array<{ error: string }> = await runner.query(`SELECT error FROM delivery_attempt`);
      expect(deliveries.map((row) => row.last_error).sort()).toEqual([...kept].sort());
      expect(attempts.map((row) => row.error).sort()).toEqual([...kept].sort());
    } finally {
      await runner.query(`DROP TABLE IF EXISTS pg_temp.delivery, pg_temp.delivery_attempt`);
      await runner.release();
    }
  });
});
