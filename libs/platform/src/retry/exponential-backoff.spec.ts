import { exponentialBackoffMs } from './exponential-backoff';

describe('exponential backoff', () => {
  it('starts at the initial delay, doubles by default and stops growing at the cap', () => {
    const backoff = { initialMs: 100, maxMs: 500 };
    expect([1, 2, 3, 4, 5].map((failed) => exponentialBackoffMs(failed, backoff))).toEqual([
      100, 200, 400, 500, 500,
    ]);
  });

  it('grows by the given factor and treats zero failed attempts as the first', () => {
    expect(exponentialBackoffMs(3, { initialMs: 10, maxMs: 10_000, multiplier: 3 })).toBe(90);
    expect(exponentialBackoffMs(0, { initialMs: 10, maxMs: 10_000 })).toBe(10);
  });
});
