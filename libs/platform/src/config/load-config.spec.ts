import { ConfigError } from './config-error';
import { IsNonBlank, IsPort, ToInteger } from './env-decorators';
import { loadConfig } from './load-config';
import { PlatformConfig } from './platform.config';

const validEnvironment = {
  PORT: '3001',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/loop_requests',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:19092',
  KAFKA_CLIENT_ID: 'requests',
  AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
  AUTH_ISSUER: 'https://id.example.org',
  AUTH_AUDIENCE: 'grassroots-loop',
};

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

class RequestsConfig extends PlatformConfig {
  @ToInteger()
  @IsPort()
  METRICS_PORT = 9464;

  @IsNonBlank()
  PUBLIC_BASE_URL!: string;
}

describe('loadConfig', () => {
  it('converts strings to numbers, booleans and lists and fills in defaults', () => {
    const config = loadConfig(PlatformConfig, {
      ...validEnvironment,
      KAFKA_BROKERS: 'a:9092, b:9092,',
      AUTH_DEV_ISSUER: 'false',
    });

    expect(config).toBeInstanceOf(PlatformConfig);
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9092']);
    expect(config.AUTH_DEV_ISSUER).toBe(false);
    expect(config.NODE_ENV).toBe('development');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.REDIS_KEY_PREFIX).toBe('');
    expect(config.KAFKA_TOPIC_PREFIX).toBe('');
    expect(config.SHUTDOWN_GRACE_MS).toBe(10_000);
  });

  it('names every bad variable and what it must be in one message', () => {
    const error = configError(() =>
      loadConfig(PlatformConfig, { ...validEnvironment, DATABASE_URL: 'nope', PORT: 'eighty' }),
    );

    expect(error.message).toBe(
      'Invalid configuration: PORT must be an integer 1–65535 (got "eighty"); ' +
        'DATABASE_URL must be a postgres:// URL (got "nope")',
    );
    expect(error.issues.map((issue) => issue.variable)).toEqual(['PORT', 'DATABASE_URL']);
  });

  it('says when a required variable is not set at all', () => {
    const { DATABASE_URL: _omitted, ...withoutDatabase } = validEnvironment;

    const error = configError(() => loadConfig(PlatformConfig, withoutDatabase));

    expect(error.message).toBe('Invalid configuration: DATABASE_URL must be a postgres:// URL (not set)');
  });

  it('treats an empty variable as unset so its default applies', () => {
    const config = loadConfig(PlatformConfig, { ...validEnvironment, LOG_LEVEL: '', SHUTDOWN_GRACE_MS: '' });

    expect(config.LOG_LEVEL).toBe('info');
    expect(config.SHUTDOWN_GRACE_MS).toBe(10_000);
  });

  it('rejects a port out of range and a malformed broker list', () => {
    const error = configError(() =>
      loadConfig(PlatformConfig, { ...validEnvironment, PORT: '70000', KAFKA_BROKERS: 'localhost' }),
    );

    expect(error.message).toContain('PORT must be an integer 1–65535 (got "70000")');
    expect(error.message).toContain(
      'KAFKA_BROKERS must be a comma-separated list of host:port (got "localhost")',
    );
  });

  it('requires the JWKS URL, issuer and audience unless the development issuer is on', () => {
    const { AUTH_JWKS_URL: _a, AUTH_ISSUER: _b, AUTH_AUDIENCE: _c, ...withoutAuth } = validEnvironment;

    const error = configError(() => loadConfig(PlatformConfig, withoutAuth));
    const withDevIssuer = loadConfig(PlatformConfig, { ...withoutAuth, AUTH_DEV_ISSUER: 'true' });

    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'AUTH_JWKS_URL',
      'AUTH_ISSUER',
      'AUTH_AUDIENCE',
    ]);
    expect(withDevIssuer.AUTH_DEV_ISSUER).toBe(true);
    expect(withDevIssuer.AUTH_JWKS_URL).toBeUndefined();
  });

  it('refuses the development issuer in production', () => {
    const error = configError(() =>
      loadConfig(PlatformConfig, { ...validEnvironment, NODE_ENV: 'production', AUTH_DEV_ISSUER: 'true' }),
    );

    expect(error.message).toBe(
      'Invalid configuration: AUTH_DEV_ISSUER must be false when NODE_ENV=production (got "true")',
    );
  });

  it('does not echo passwords found in a bad URL', () => {
    const error = configError(() =>
      loadConfig(PlatformConfig, { ...validEnvironment, DATABASE_URL: 'mysql://app:s3cret@db:3306/x' }),
    );

    expect(error.message).toContain('(got "mysql://app:***@db:3306/x")');
    expect(error.message).not.toContain('s3cret');
  });

  it('validates a service schema that extends the platform schema', () => {
    const error = configError(() => loadConfig(RequestsConfig, { ...validEnvironment, METRICS_PORT: '0' }));
    const config = loadConfig(RequestsConfig, {
      ...validEnvironment,
      PUBLIC_BASE_URL: 'https://loop.example.org',
    });

    expect(error.message).toContain('METRICS_PORT must be an integer 1–65535 (got "0")');
    expect(error.message).toContain('PUBLIC_BASE_URL must be a non-empty string (not set)');
    expect(config.METRICS_PORT).toBe(9464);
    expect(config.PORT).toBe(3001);
  });

  it('ignores environment variables the schema does not declare', () => {
    const config = loadConfig(PlatformConfig, { ...validEnvironment, HOME: '/root' });

    expect(Object.keys(config)).not.toContain('HOME');
  });
});
