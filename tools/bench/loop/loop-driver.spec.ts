import { retryAfterMs } from './loop-driver';

describe('how long the benchmark’s people wait before trying again', () => {
  it('waits what Retry-After asks, at most ten seconds', () => {
    expect(retryAfterMs('1')).toBe(1_000);
    expect(retryAfterMs('5')).toBe(5_000);
    expect(retryAfterMs('120')).toBe(10_000);
  });

  it('waits a second when the answer says nothing usable', () => {
    expect(retryAfterMs(null)).toBe(1_000);
    expect(retryAfterMs('soon')).toBe(1_000);
    expect(retryAfterMs('0')).toBe(1_000);
  });
});
