import { register } from 'prom-client';
import { backlogSampleTimeoutMs, messagingMetrics, watchOutboxBacklog } from './messaging-metrics';

async function pendingOf(service: string): Promise<number | undefined> {
  const metric = await register.getSingleMetric('messaging_outbox_pending_events')?.get();
  return metric?.values.find((value) => value.labels.service === service)?.value;
}

describe('the outbox backlog gauges', () => {
  beforeAll(() => messagingMetrics());

  it('read the backlog when scraped', async () => {
    const stop = watchOutboxBacklog('scraped', async () => ({ pending: 7, oldestPendingAgeSeconds: 3 }));
    expect(await pendingOf('scraped')).toBe(7);
    stop();
  });

  it('keep the last figure instead of stalling the scrape when the backlog query does not answer', async () => {
    let answer: Promise<{ pending: number; oldestPendingAgeSeconds: number }> = Promise.resolve({
      pending: 4,
      oldestPendingAgeSeconds: 1,
    });
    const stop = watchOutboxBacklog('saturated', () => answer);
    expect(await pendingOf('saturated')).toBe(4);
    answer = new Promise(() => undefined);
    jest.useFakeTimers();
    try {
      const scrape = pendingOf('saturated');
      await jest.advanceTimersByTimeAsync(backlogSampleTimeoutMs);
      expect(await scrape).toBe(4);
    } finally {
      jest.useRealTimers();
      stop();
    }
  });
});
