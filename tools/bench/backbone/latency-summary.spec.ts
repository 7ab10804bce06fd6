import { percentile, summariseLatencies } from './latency-summary';

describe('latency summary', () => {
  it('takes the nearest-rank percentile', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

    expect([percentile(hundred, 50), percentile(hundred, 95), percentile(hundred, 99)]).toEqual([50, 95, 99]);
  });

  it('summarises an unsorted sample', () => {
    expect(summariseLatencies([30, 10, 20])).toEqual({ count: 3, p50: 20, p95: 30, p99: 30, max: 30 });
  });

  it('has no percentiles for an empty sample', () => {
    expect(Number.isNaN(summariseLatencies([]).p50)).toBe(true);
  });
});
