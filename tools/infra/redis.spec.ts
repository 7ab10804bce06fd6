import { redisServerArguments } from './redis';

describe('redisServerArguments', () => {
  const args = redisServerArguments(6379, '/w/.local/run/redis.pid', '/w/.local/logs/redis.log');

  function option(name: string): string | undefined {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  }

  it('runs in the background, listening on loopback only', () => {
    expect(option('daemonize')).toBe('yes');
    expect(option('bind')).toBe('127.0.0.1');
    expect(option('port')).toBe('6379');
  });

  it('writes nothing to disk, since Redis holds only caches and keys that may be lost', () => {
    expect(option('save')).toBe('');
    expect(option('appendonly')).toBe('no');
  });

  it('records its pid where `infra down` looks for it', () => {
    expect(option('pidfile')).toBe('/w/.local/run/redis.pid');
    expect(option('logfile')).toBe('/w/.local/logs/redis.log');
  });
});
