// Pure helpers over connection strings: where an endpoint is, which database a URL names, and how to
// print one without its password.

/** A host and port taken from a connection string. */
export interface HostPort {
  host: string;
  port: number;
}

/** Default local endpoints (DESIGN §6: PostgreSQL and Redis on the machine, the runner's Kafka broker). */
export const defaultEndpoints = {
  kafkaBroker: '127.0.0.1:19092',
  postgresUsers: ['postgres', 'root'],
  postgresHostPort: { host: '127.0.0.1', port: 5432 },
  redisUrl: 'redis://127.0.0.1:6379',
} as const;

/** Splits a comma-separated broker list ("a:9092, b:9092") and rejects entries without a port. */
export function parseBrokerList(value: string): string[] {
  const brokers = value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  if (brokers.length === 0) throw new Error('The Kafka broker list is empty');
  for (const broker of brokers) {
    if (!/^[^\s:/]+:\d{1,5}$/.test(broker) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(broker)) {
      throw new Error(`"${broker}" is not a host:port Kafka broker address`);
    }
  }
  return brokers;
}

/** Host and port of a postgres:// or redis:// URL, with the scheme's default port. */
export function hostPortOf(connectionUrl: string): HostPort {
  const url = new URL(connectionUrl);
  const defaultPort = url.protocol.startsWith('redis') ? 6379 : 5432;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: url.port ? Number(url.port) : defaultPort,
  };
}

/** True for addresses of this machine, i.e. services the runner could start itself. */
export function isLocalHost(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '0.0.0.0'].includes(host.toLowerCase());
}

/** The same PostgreSQL server and credentials, but naming another database. */
export function withDatabase(postgresUrl: string, database: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The admin URL (database `postgres`) for the server a service's DATABASE_URL points at. */
export function postgresAdminUrl(databaseUrl: string): string {
  return withDatabase(databaseUrl, 'postgres');
}

/**
 * Admin URLs to try, in order: the server of DATABASE_URL when set, otherwise the local server as
 * `postgres` and then as `root` (Debian's trust setups differ in which role exists).
 */
export function candidatePostgresAdminUrls(databaseUrl: string | undefined): string[] {
  if (databaseUrl) return [postgresAdminUrl(databaseUrl)];
  const { host, port } = defaultEndpoints.postgresHostPort;
  return defaultEndpoints.postgresUsers.map((user) => `postgres://${user}@${host}:${port}/postgres`);
}

/** The URL with any password replaced by `***`, safe for logs and error messages. */
export function redactUrl(connectionUrl: string): string {
  try {
    const url = new URL(connectionUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return connectionUrl;
  }
}

/** PostgreSQL identifiers quoted for SQL (database names cannot be bind parameters). */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
