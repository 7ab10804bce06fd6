import { Client, ClientConfig } from 'pg';
import { DataSource } from 'typeorm';

/** Opens a new PostgreSQL connection that belongs to one component alone (never a pooled one). */
export type DedicatedConnectionFactory = () => Promise<Client>;

/**
 * A factory of dedicated connections to the database a TypeORM data source points at. The relay holds
 * its session-level advisory lock and its LISTEN on such a connection: a pooled connection would be
 * handed to other work, and the lock with it.
 */
export function dedicatedConnectionsFor(
  dataSource: DataSource,
  applicationName: string,
): DedicatedConnectionFactory {
  const options = dataSource.options;
  if (options.type !== 'postgres') throw new Error(`the outbox needs PostgreSQL, not ${options.type}`);
  const config: ClientConfig = {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    ssl: options.ssl as ClientConfig['ssl'],
    application_name: applicationName,
    connectionTimeoutMillis: options.connectTimeoutMS ?? 10_000,
    // Keepalives let the server notice a vanished relay and release its lock to the next replica.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  return () => connect(config);
}

/** A factory of dedicated connections from a `postgres://` URL (commands, benchmarks). */
export function dedicatedConnectionsFromUrl(
  connectionString: string,
  applicationName: string,
): DedicatedConnectionFactory {
  return () =>
    connect({
      connectionString,
      application_name: applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
}

async function connect(config: ClientConfig): Promise<Client> {
  const client = new Client(config);
  await client.connect();
  return client;
}
