import { planChannels, retryTime } from './delivery-plan';

const now = new Date('2026-03-01T15:30:00Z'); // 23:30 in Shanghai
const night = { startMinute: 22 * 60, endMinute: 7 * 60 };

describe('choosing the channels of a notification', () => {
  it('always puts it in the inbox and on the live stream', () => {
    const plan = planChannels({
      priority: 'normal',
      quietHours: night,
      hasWebhook: false,
      canSms: false,
      now,
    });
    expect(plan.map((p) => [p.channel, p.status, p.notBefore])).toEqual([
      ['inbox', 'delivered', now],
      ['live_stream', 'pending', now],
    ]);
  });

  it('holds a normal webhook and SMS message until the end of quiet hours', () => {
    const plan = planChannels({ priority: 'normal', quietHours: night, hasWebhook: true, canSms: true, now });
    const pushed = plan.filter((p) => p.channel === 'webhook' || p.channel === 'sms');
    expect(pushed.map((p) => [p.channel, p.notBefore.toISOString(), p.heldByQuietHours])).toEqual([
      ['webhook', '2026-03-01T23:00:00.000Z', true],
      ['sms', '2026-03-01T23:00:00.000Z', true],
    ]);
  });

  it('lets an urgent message through during quiet hours', () => {
    const plan = planChannels({ priority: 'urgent', quietHours: night, hasWebhook: true, canSms: true, now });
    expect(plan.every((p) => p.notBefore === now && !p.heldByQuietHours)).toBe(true);
  });
});

describe('choosing when a failed delivery is tried again', () => {
  const justBeforeQuietHours = new Date('2026-03-01T13:55:00Z'); // 21:55 in Shanghai

  it('waits out the quiet hours a normal message’s retry would run into', () => {
    expect(retryTime(justBeforeQuietHours, 10 * 60_000, 'normal', night).toISOString()).toBe(
      '2026-03-01T23:00:00.000Z',
    );
  });

  it('retries an urgent message after the backoff alone, quiet hours or not', () => {
    expect(retryTime(justBeforeQuietHours, 10 * 60_000, 'urgent', night).toISOString()).toBe(
      '2026-03-01T14:05:00.000Z',
    );
  });

  it('retries after the backoff when the person keeps no quiet hours', () => {
    expect(retryTime(justBeforeQuietHours, 10 * 60_000, 'normal', null).toISOString()).toBe(
      '2026-03-01T14:05:00.000Z',
    );
  });
});
