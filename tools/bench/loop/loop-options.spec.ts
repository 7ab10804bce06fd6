import { commandLineOf, parseLoopOptions } from './loop-options';

describe('loop benchmark options', () => {
  it('defaults to 50 tickets a second for four minutes with a 30 s warm-up', () => {
    const options = parseLoopOptions([]);

    expect(options).toMatchObject({
      rate: 50,
      tickets: 12_000,
      warmupSeconds: 30,
      communities: 19,
      baselines: true,
      profile: false,
      chaos: false,
      replicas: 1,
      quick: false,
      out: 'docs/benchmarks/loop.md',
    });
  });

  it('derives the ticket count from the rate and the duration', () => {
    expect(parseLoopOptions(['--rate', '100', '--duration', '300']).tickets).toBe(30_000);
  });

  it('lets a ticket count win over the duration', () => {
    expect(parseLoopOptions(['--rate', '20', '--duration', '300', '--tickets', '100'])).toMatchObject({
      tickets: 100,
      warmupSeconds: 1,
    });
  });

  it('keeps a quick run short and out of the documentation', () => {
    expect(parseLoopOptions(['--quick'])).toMatchObject({
      rate: 10,
      tickets: 200,
      quick: true,
      out: '.local/benchmarks/loop-quick.md',
    });
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => parseLoopOptions(['--rate', '0'])).toThrow('--rate must be a positive number');
    expect(() => parseLoopOptions(['--rate', 'fast'])).toThrow('--rate must be a positive number');
  });

  it('refuses a fractional ticket count and a warm-up as long as the arrivals', () => {
    expect(() => parseLoopOptions(['--tickets', '2.5'])).toThrow('--tickets must be a whole number');
    expect(() => parseLoopOptions(['--tickets', '100', '--rate', '10', '--warmup', '10'])).toThrow(
      '--warmup must be at least 0 and shorter than the arrivals',
    );
  });

  it('refuses an option it does not know', () => {
    expect(() => parseLoopOptions(['--speed', '3'])).toThrow();
  });

  it('writes the command line that reproduces the run', () => {
    expect(commandLineOf(parseLoopOptions(['--rate', '100', '--duration', '300', '--profile']))).toBe(
      'npm run bench -- --rate 100 --tickets 30000 --warmup 30 --profile',
    );
    expect(commandLineOf(parseLoopOptions(['--rate', '10', '--tickets', '100', '--replicas', '2']))).toBe(
      'npm run bench -- --rate 10 --tickets 100 --warmup 2 --replicas 2',
    );
  });

  it('takes an after-phase at a second rate, and refuses half of one', () => {
    const options = parseLoopOptions([
      '--rate',
      '16',
      '--duration',
      '120',
      '--after-rate',
      '8',
      '--after-seconds',
      '90',
    ]);

    expect(options.after).toEqual({ rate: 8, seconds: 90 });
    expect(commandLineOf(options)).toBe(
      'npm run bench -- --rate 16 --tickets 1920 --warmup 24 --after-rate 8 --after-seconds 90',
    );
    expect(() => parseLoopOptions(['--after-rate', '8'])).toThrow(
      '--after-rate and --after-seconds go together',
    );
    expect(parseLoopOptions([]).after).toBeUndefined();
  });

  it('refuses a fractional or zero replica count', () => {
    expect(() => parseLoopOptions(['--replicas', '1.5'])).toThrow('--replicas must be a whole number');
    expect(() => parseLoopOptions(['--replicas', '0'])).toThrow('--replicas must be a positive number');
  });
});
