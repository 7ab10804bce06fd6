import {
  assertValidRetryPolicy,
  defaultRetryPolicy,
  mayRetry,
  retryDelayMs,
  RetryPolicy,
} from './retry.policy';

const noJitter: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 100,
  multiplier: 2,
  maxDelayMs: 1_000,
  jitter: 0,
};

describe('retry policy', () => {
  it('doubles the delay after each failed attempt', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(noJitter, attempts))).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the maximum delay', () => {
    expect(retryDelayMs(noJitter, 10)).toBe(1_000);
  });

  it('spreads the delay by the jitter fraction around its nominal value', () => {
    const policy = { ...noJitter, jitter: 0.2 };

    expect(retryDelayMs(policy, 1, () => 0)).toBe(80);
    expect(retryDelayMs(policy, 1, () => 0.5)).toBe(100);
    expect(retryDelayMs(policy, 1, () => 0.999_999)).toBe(120);
  });

  it('allows retries until the attempts are used up', () => {
    expect(mayRetry(noJitter, 4)).toBe(true);
    expect(mayRetry(noJitter, 5)).toBe(false);
  });

  it('gives up within a few seconds by default, so one poison message holds a partition only briefly', () => {
    let total = 0;
    for (let attempts = 1; mayRetry(defaultRetryPolicy, attempts); attempts++)
      total += retryDelayMs(defaultRetryPolicy, attempts, () => 1);

    expect(total).toBeLessThan(5_000);
  });

  it('refuses a policy without attempts or with a delay cap below the first delay', () => {
    expect(() => assertValidRetryPolicy({ ...noJitter, maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => assertValidRetryPolicy({ ...noJitter, maxDelayMs: 10 })).toThrow(/delays/);
  });
});
