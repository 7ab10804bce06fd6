import {
  candidatePostgresAdminUrls,
  hostPortOf,
  isLocalHost,
  parseBrokerList,
  postgresAdminUrl,
  quoteIdentifier,
  redactUrl,
  withDatabase,
} from './connection-urls';

describe('parseBrokerList', () => {
  it('splits a comma-separated list and trims the entries', () => {
    expect(parseBrokerList(' kafka-0:9092, kafka-1:9092 ,')).toEqual(['kafka-0:9092', 'kafka-1:9092']);
  });

  it('accepts bracketed IPv6 brokers', () => {
    expect(parseBrokerList('[::1]:19092')).toEqual(['[::1]:19092']);
  });

  it('rejects a broker without a port', () => {
    expect(() => parseBrokerList('localhost')).toThrow(/not a host:port/);
  });

  it('rejects an empty list', () => {
    expect(() => parseBrokerList(' , ')).toThrow(/empty/);
  });
});

describe('hostPortOf', () => {
  it('reads host and port of a PostgreSQL URL', () => {
    expect(hostPortOf('postgres://loop:secret@db.internal:6432/loop_dispatch')).toEqual({
      host: 'db.internal',
      port: 6432,
    });
  });

  it('falls back to the scheme default port', () => {
    expect(hostPortOf('postgres://postgres@127.0.0.1/postgres')).toEqual({ host: '127.0.0.1', port: 5432 });
    expect(hostPortOf('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379 });
  });

  it('unwraps IPv6 hosts', () => {
    expect(hostPortOf('redis://[::1]:6380')).toEqual({ host: '::1', port: 6380 });
  });
});

describe('isLocalHost', () => {
  it('recognises loopback addresses and localhost', () => {
    expect(['127.0.0.1', 'localhost', 'LOCALHOST', '::1'].every(isLocalHost)).toBe(true);
  });

  it('treats other hosts as remote', () => {
    expect(isLocalHost('postgres.internal')).toBe(false);
  });
});

describe('postgres URLs', () => {
  it('derives the admin URL from a service database URL, keeping credentials and options', () => {
    expect(postgresAdminUrl('postgres://loop:secret@127.0.0.1:5432/loop_dispatch?sslmode=disable')).toBe(
      'postgres://loop:secret@127.0.0.1:5432/postgres?sslmode=disable',
    );
  });

  it('names another database on the same server', () => {
    expect(withDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'loop_requests')).toBe(
      'postgres://postgres@127.0.0.1:5432/loop_requests',
    );
  });

  it('tries the local server as postgres, then as root, when DATABASE_URL is not set', () => {
    expect(candidatePostgresAdminUrls(undefined)).toEqual([
      'postgres://postgres@127.0.0.1:5432/postgres',
      'postgres://root@127.0.0.1:5432/postgres',
    ]);
  });

  it('tries only the server of DATABASE_URL when it is set', () => {
    expect(candidatePostgresAdminUrls('postgres://app@db:5432/loop_requests')).toEqual([
      'postgres://app@db:5432/postgres',
    ]);
  });

  it('quotes database names, doubling embedded quotes', () => {
    expect(quoteIdentifier('loop_"x"')).toBe('"loop_""x"""');
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://loop:secret@db:5432/postgres')).toBe('postgres://loop:***@db:5432/postgres');
  });

  it('leaves URLs without a password as they are', () => {
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
