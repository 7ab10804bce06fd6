// The four services as the local tooling (start, the end-to-end suite, the benchmarks, k8s checks) knows
// them: one place for names, ports and database names, so none of those are repeated across scripts.
export interface ServiceEntry {
  /** Nx project name and directory under services/. */
  name: 'requests' | 'dispatch' | 'volunteer-hours' | 'notifications';
  /** HTTP port in local runs and in containers. */
  port: number;
  /** The service's own PostgreSQL database. */
  database: string;
}

/** Every service of the loop, in start order. */
export const serviceCatalogue: readonly ServiceEntry[] = [
  { name: 'requests', port: 3001, database: 'loop_requests' },
  { name: 'dispatch', port: 3002, database: 'loop_dispatch' },
  { name: 'volunteer-hours', port: 3003, database: 'loop_volunteer_hours' },
  { name: 'notifications', port: 3004, database: 'loop_notifications' },
];

/** Port of the development token issuer started by `npm start`. */
export const devIssuerPort = 4400;

/** Replaces the database name of a PostgreSQL URL. */
export function databaseUrl(postgresUrl: string, database: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Environment of one service in a local run against the given infrastructure. */
export function localServiceEnvironment(
  service: ServiceEntry,
  infrastructure: { kafkaBrokers: string[]; postgresUrl: string; redisUrl: string },
): Record<string, string> {
  return {
    NODE_ENV: 'development',
    PORT: String(service.port),
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl(infrastructure.postgresUrl, service.database),
    REDIS_URL: infrastructure.redisUrl,
    REDIS_KEY_PREFIX: `${service.name}:`,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    KAFKA_CLIENT_ID: service.name,
    AUTH_DEV_ISSUER: 'true',
    AUTH_JWKS_URL: `http://127.0.0.1:${devIssuerPort}/.well-known/jwks.json`,
    AUTH_ISSUER: `http://127.0.0.1:${devIssuerPort}`,
    AUTH_AUDIENCE: 'grassroots-loop',
  };
}
