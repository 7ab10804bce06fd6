import { timerRetryDelayMs } from './timer-backoff';

describe('timerRetryDelayMs', () => {
  it('waits one second after the first failure and doubles after each further one', () => {
    expect([1, 2, 3, 4].map(timerRetryDelayMs)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits more than five minutes, however often the handler failed', () => {
    expect(timerRetryDelayMs(30)).toBe(300_000);
  });
});
