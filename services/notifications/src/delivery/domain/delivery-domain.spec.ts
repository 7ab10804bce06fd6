import { mayRetryDelivery, nextRetryDelayMs } from './delivery-backoff';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('push delivery rules', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };

  it('waits twice as long after each failure, up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => nextRetryDelayMs(policy, n))).toEqual([1000, 2000, 4000, 5000]);
  });

  it('gives up once the attempts are used', () => {
    expect(mayRetryDelivery(policy, 3)).toBe(true);
    expect(mayRetryDelivery(policy, 4)).toBe(false);
  });

  it('signs timestamp and body together so neither can be replaced', () => {
    const signature = signWebhook('secret', 1_700_000_000, '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('secret', 1_700_000_000, '{"a":1}', signature)).toBe(true);
    expect(verifyWebhookSignature('secret', 1_700_000_001, '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature('secret', 1_700_000_000, '{"a":2}', signature)).toBe(false);
    expect(verifyWebhookSignature('other', 1_700_000_000, '{"a":1}', signature)).toBe(false);
  });
});
