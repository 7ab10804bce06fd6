import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { PlatformConfig } from '../config/platform.config';
import type { RateLimitPolicies } from './rate-limit-policy';
import { RateLimits } from './rate-limits';

class LimitedConfig extends PlatformConfig {
  override rateLimits(): RateLimitPolicies {
    return { 'ticket-submissions': { limit: 2, windowSeconds: 60 } };
  }
}

describe('RateLimits', () => {
  // Nothing listens on port 1: this client never becomes ready, as during a Redis outage.
  let unreachable: Redis;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    unreachable = new Redis({
      host: '127.0.0.1',
      port: 1,
      maxRetriesPerRequest: 0,
      retryStrategy: () => 1000,
    });
    unreachable.on('error', () => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    unreachable.disconnect();
    warn.mockRestore();
  });

  it('keeps counting each person on this replica, with one warning, while Redis cannot be reached', async () => {
    const limits = new RateLimits(unreachable, new LimitedConfig());

    await expect(limits.consume('ticket-submissions', 'user:a')).resolves.toEqual({ allowed: true });
    await expect(limits.consume('ticket-submissions', 'user:a')).resolves.toEqual({ allowed: true });
    const third = await limits.consume('ticket-submissions', 'user:a');
    await expect(limits.consume('ticket-submissions', 'user:b')).resolves.toEqual({ allowed: true });

    expect(third).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect(third.allowed === false && third.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses to count in a bucket the config gives no limit to', async () => {
    const limits = new RateLimits(unreachable, new LimitedConfig());
    await expect(limits.consume('webhook-changes', 'user:a')).rejects.toThrow(
      'no rate limit is configured for bucket "webhook-changes"',
    );
  });
});
