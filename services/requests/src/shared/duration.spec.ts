import { parseDurationMs } from './duration';

describe('configured durations', () => {
  it('reads ISO 8601 durations', () => {
    expect(parseDurationMs('PT72H')).toBe(72 * 3600_000);
    expect(parseDurationMs('P7D')).toBe(7 * 24 * 3600_000);
    expect(parseDurationMs('P1DT12H30M')).toBe((36 * 60 + 30) * 60_000);
    expect(parseDurationMs('PT1.5S')).toBe(1500);
    expect(parseDurationMs('P1W')).toBe(7 * 24 * 3600_000);
  });

  it('reads plain seconds', () => {
    expect(parseDurationMs('90')).toBe(90_000);
    expect(parseDurationMs(' 2 ')).toBe(2000);
  });

  it('refuses anything else, and zero', () => {
    for (const text of ['', 'P', 'PT', '72h', 'P1DT', '-5', '0', 'PT0S', 'soon'])
      expect(parseDurationMs(text)).toBeUndefined();
  });
});
