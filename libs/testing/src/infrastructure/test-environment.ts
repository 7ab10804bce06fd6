// Where the integration tests' infrastructure is. The jest global setup (tools/infra/jest-global-setup.ts)
// publishes it through these variables before any test file loads.

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Run integration tests through a jest.int.config.cjs, whose global setup ` +
        'provides Kafka, PostgreSQL and Redis, or set KAFKA_BROKERS, TEST_POSTGRES_URL and REDIS_URL yourself.',
    );
  }
  return value;
}

/** Bootstrap brokers of the test Kafka cluster. */
export function testKafkaBrokers(): string[] {
  return required('KAFKA_BROKERS')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}

/** URL of the test Redis. */
export function testRedisUrl(): string {
  return required('REDIS_URL');
}

/** Admin URL (database `postgres`) of the test PostgreSQL server; tests create their own databases from it. */
export function testPostgresAdminUrl(): string {
  return required('TEST_POSTGRES_URL');
}
