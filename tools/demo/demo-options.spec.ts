import { parseDemoCommandLine } from './demo-options';

describe('the demo command line', () => {
  it('plays sixty tickets six at a time over six communities by default', () => {
    expect(parseDemoCommandLine([], 42)).toEqual({ tickets: 60, concurrency: 6, seed: 42, communities: 6 });
  });

  it('takes the number of tickets, the concurrency, the seed and the communities from flags', () => {
    expect(
      parseDemoCommandLine(
        ['--tickets', '200', '--concurrency', '12', '--seed', '7', '--communities', '19'],
        42,
      ),
    ).toEqual({ tickets: 200, concurrency: 12, seed: 7, communities: 19 });
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => parseDemoCommandLine(['--tickets', '0'], 42)).toThrow(
      '--tickets must be a positive integer',
    );
    expect(() => parseDemoCommandLine(['--concurrency', 'many'], 42)).toThrow('--concurrency');
  });

  it('refuses an unknown flag', () => {
    expect(() => parseDemoCommandLine(['--speed', 'fast'], 42)).toThrow();
  });
});
