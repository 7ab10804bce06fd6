import request from 'supertest';
import { ticketDispatchedV1, ticketSubmittedV1 } from '@loop/contracts';
import { EventFeed, TestService, waitFor } from '@loop/testing';
import { verifyWebhookSignature } from '../../src/delivery/domain/webhook-signature';
import { formatClockTime } from '../../src/preferences/domain/quiet-hours';
import { HttpReceiver, startHttpReceiver } from './support/http-receiver';
import { aCommunity, anOffer, aSubmittedTicket } from './support/loop-fixtures';
import { startNotifications, tokenOf, waitForKind } from './support/notifications-under-test';

interface DeliveryView {
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  heldByQuietHours: boolean;
  attemptLog: Array<{ outcome: string; error: string | null }>;
}

describe('webhook and SMS deliveries, retries and quiet hours', () => {
  let service: TestService;
  let feed: EventFeed;
  let smsGateway: HttpReceiver;
  const receivers: HttpReceiver[] = [];
  const place = aCommunity();

  beforeAll(async () => {
    smsGateway = await startHttpReceiver();
    service = await startNotifications({ SMS_GATEWAY_URL: `${smsGateway.url.replace('/hook', '/sms')}` });
    feed = await EventFeed.connect(service.namespace.topicPrefix);
  }, 60_000);

  afterAll(async () => {
    await feed?.close();
    await service?.close();
    await Promise.all([smsGateway, ...receivers].map((r) => r?.close()));
  });

  const http = () => request(service.app.getHttpServer());

  async function receiver(answer?: (count: number) => number): Promise<HttpReceiver> {
    const started = await startHttpReceiver(answer);
    receivers.push(started);
    return started;
  }

  async function subscribe(token: string, url: string): Promise<string> {
    const response = await http()
      .put('/me/webhook')
      .set('authorization', `Bearer ${token}`)
      .send({ url })
      .expect(200);
    expect(response.body.secret).toMatch(/^whsec_/);
    return response.body.secret as string;
  }

  async function offerTo(member: string, urgency: 'normal' | 'urgent' = 'normal'): Promise<void> {
    const ticket = aSubmittedTicket(place, `resident-of-${member}`, urgency);
    await feed.publish(ticketSubmittedV1, ticket);
    await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, member));
  }

  function deliveriesOf(
    token: string,
    channel: string,
    until: (d: DeliveryView) => boolean,
    description: string,
  ): Promise<DeliveryView> {
    return waitFor(
      async () => {
        const response = await http()
          .get('/me/deliveries')
          .set('authorization', `Bearer ${token}`)
          .expect(200);
        return (response.body as DeliveryView[]).find((d) => d.channel === channel && until(d));
      },
      { description, timeoutMs: 30_000 },
    );
  }

  it('signs the webhook body and timestamp with the subscription’s secret and carries nothing personal', async () => {
    const token = await tokenOf(service, 'member-hook', 'member');
    const hook = await receiver();
    const secret = await subscribe(token, hook.url);
    await offerTo('member-hook');
    await waitFor(() => hook.requests.length === 1, { description: 'the webhook call', timeoutMs: 30_000 });

    const [call] = hook.requests;
    const timestamp = Number(call.headers['x-loop-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect(
      verifyWebhookSignature(secret, timestamp, call.body, String(call.headers['x-loop-signature'])),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'another-secret',
        timestamp,
        call.body,
        String(call.headers['x-loop-signature']),
      ),
    ).toBe(false);
    const body = JSON.parse(call.body);
    expect(body).toMatchObject({ kind: 'offer_received', title: '新任务待接单', priority: 'normal' });
    expect(call.headers['x-loop-delivery']).toBe(body.deliveryId);
    expect(call.body).not.toContain('resident-of-member-hook');
    const delivered = await deliveriesOf(
      token,
      'webhook',
      (d) => d.status === 'delivered',
      'the delivery recorded',
    );
    expect(delivered.attemptLog.map((a) => a.outcome)).toEqual(['delivered']);
    const read = await http().get('/me/webhook').set('authorization', `Bearer ${token}`).expect(200);
    expect(read.body.secret).toBeUndefined();
  }, 60_000);

  it('retries a failing webhook with backoff until it answers, logging every attempt', async () => {
    const token = await tokenOf(service, 'member-flaky', 'member');
    const hook = await receiver((count) => (count < 3 ? 503 : 200));
    await subscribe(token, hook.url);
    await offerTo('member-flaky');
    const delivery = await deliveriesOf(
      token,
      'webhook',
      (d) => d.status === 'delivered',
      'the third attempt to succeed',
    );
    expect(delivery.attempts).toBe(3);
    expect(delivery.attemptLog.map((a) => a.outcome)).toEqual(['failed', 'failed', 'delivered']);
    expect(delivery.attemptLog[0].error).toContain('503');
    expect(hook.requests.map((r) => r.headers['x-loop-delivery'])).toEqual(
      Array(3).fill(hook.requests[0].headers['x-loop-delivery']),
    );
  }, 60_000);

  it('records a webhook as failed with the reason once the attempts are used up', async () => {
    const token = await tokenOf(service, 'member-down', 'member');
    const hook = await receiver(() => 500);
    await subscribe(token, hook.url);
    await offerTo('member-down');
    const failed = await deliveriesOf(
      token,
      'webhook',
      (d) => d.status === 'failed',
      'the delivery to be given up',
    );
    expect(failed.attempts).toBe(3);
    // The status only: what the receiver answered ('unavailable') is never kept or shown.
    expect(failed.lastError).toBe('answered 500');
    expect(failed.attemptLog.map((a) => a.error)).toEqual(Array(3).fill('answered 500'));
    expect(hook.requests).toHaveLength(3);
    const admin = await tokenOf(service, 'ops-1', 'admin');
    const forOps = await http()
      .get('/deliveries?status=failed')
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
    expect(forOps.body.some((d: { recipientId: string }) => d.recipientId === 'member-down')).toBe(true);
    await http().get('/deliveries').set('authorization', `Bearer ${token}`).expect(403);
  }, 60_000);

  it('sends an SMS through the gateway to the number the person gave', async () => {
    const token = await tokenOf(service, 'member-sms', 'member');
    await http()
      .put('/me/preferences')
      .set('authorization', `Bearer ${token}`)
      .send({ language: 'en', smsNumber: '+8613800138000' })
      .expect(200);
    await offerTo('member-sms');
    await waitFor(() => smsGateway.requests.find((r) => r.body.includes('+8613800138000')), {
      description: 'the SMS',
      timeoutMs: 30_000,
    });
    const sms = JSON.parse(smsGateway.requests.find((r) => r.body.includes('+8613800138000'))!.body);
    expect(sms.to).toBe('+8613800138000');
    expect(sms.text).toMatch(/^New task offered: The community offered you task/);
    await deliveriesOf(token, 'sms', (d) => d.status === 'delivered', 'the SMS recorded as delivered');
  }, 60_000);

  it('holds normal messages during quiet hours and lets urgent ones through', async () => {
    const token = await tokenOf(service, 'member-asleep', 'member');
    const hook = await receiver();
    await subscribe(token, hook.url);
    // A quiet window around the current Beijing time.
    const shanghaiMinute = Math.floor(((Date.now() + 8 * 3_600_000) % 86_400_000) / 60_000);
    await http()
      .put('/me/preferences')
      .set('authorization', `Bearer ${token}`)
      .send({
        language: 'zh-CN',
        quietHours: {
          start: formatClockTime((shanghaiMinute + 1380) % 1440),
          end: formatClockTime((shanghaiMinute + 60) % 1440),
        },
      })
      .expect(200);

    await offerTo('member-asleep', 'normal');
    await waitForKind(service, token, 'offer_received');
    const held = await deliveriesOf(token, 'webhook', (d) => d.heldByQuietHours, 'the held webhook delivery');
    expect(held.status).toBe('pending');

    await offerTo('member-asleep', 'urgent');
    await waitFor(() => hook.requests.length === 1, {
      description: 'the urgent webhook call',
      timeoutMs: 30_000,
    });
    expect(JSON.parse(hook.requests[0].body).priority).toBe('urgent');
    const inbox = await http().get('/me/notifications').set('authorization', `Bearer ${token}`).expect(200);
    expect(inbox.body.items).toHaveLength(2);
    expect(hook.requests).toHaveLength(1);
  }, 60_000);

  it('validates preferences and webhooks', async () => {
    const token = await tokenOf(service, 'member-typo', 'member');
    const auth = { authorization: `Bearer ${token}` };
    const bad = await http()
      .put('/me/preferences')
      .set(auth)
      .send({ language: 'fr', quietHours: { start: '25:00', end: '07:00' } })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'language',
      'quietHours.start',
    ]);
    await http().put('/me/webhook').set(auth).send({ url: 'ftp://example.org' }).expect(400);
    await http().get('/me/webhook').set(auth).expect(404);
    await http().delete('/me/webhook').set(auth).expect(404);
    expect((await http().get('/me/preferences').set(auth).expect(200)).body).toEqual({
      language: 'zh-CN',
      quietHours: null,
      smsNumber: null,
    });
  });
});
