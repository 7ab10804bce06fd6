// Per-suite names, so suites sharing one broker, one Redis and each other's consumer groups never see
// each other's topics, offsets or keys — and a rerun never sees the previous run's leftovers.
import { randomBytes } from 'node:crypto';

/** Names that isolate one test suite on shared infrastructure. */
export interface TestNamespace {
  /** Prepended to every topic name (pass as KAFKA_TOPIC_PREFIX), e.g. `test.dispatch-flow.3fa9c1.` */
  topicPrefix: string;
  /** Prepended to every consumer group id (pass as KAFKA_GROUP_PREFIX). */
  groupPrefix: string;
  /** Prepended to every Redis key (pass as REDIS_KEY_PREFIX). */
  redisKeyPrefix: string;
  /** Kafka client id for the suite's clients. */
  clientId: string;
}

/** Lower-case slug of a suite name that is valid in topic names, group ids and Redis keys. */
export function namespaceSlug(suiteName: string): string {
  const slug = suiteName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'suite';
}

/** A fresh namespace for a suite: its name for readability, a random part for uniqueness. */
export function testNamespace(suiteName: string): TestNamespace {
  const slug = namespaceSlug(suiteName);
  const unique = randomBytes(4).toString('hex');
  // Topic names allow [a-zA-Z0-9._-]; dots separate the parts without colliding with the
  // underscore-to-dot folding Kafka applies to metric names.
  return {
    topicPrefix: `test.${slug}.${unique}.`,
    groupPrefix: `test.${slug}.${unique}.`,
    redisKeyPrefix: `test:${slug}:${unique}:`,
    clientId: `test-${slug}-${unique}`,
  };
}
