// The requests service checks where a ticket is filed against its projection of the directory. After the
// demo district is seeded, a story may begin only once that projection holds the whole district: every
// directory event is out of dispatch's outbox, and the requests group has consumed the directory topic.
import { measureConsumerLag } from '@loop/messaging';
import { resolveTopicName, Topics } from '@loop/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { testKafkaBrokers } from '../infrastructure/test-environment';
import type { TestNamespace } from '../infrastructure/test-namespace';
import { waitFor } from '../infrastructure/wait-for';

/** Waits until the requests service has consumed every directory event dispatch recorded. */
export async function waitForRequestsToKnowTheDirectory(
  namespace: TestNamespace,
  dispatchDatabaseUrl: string,
  timeoutMs = 120_000,
): Promise<void> {
  const dispatch = new Client({ connectionString: dispatchDatabaseUrl });
  const admin = new Kafka({
    brokers: testKafkaBrokers(),
    clientId: `${namespace.clientId}-directory-catch-up`,
    logLevel: logLevel.NOTHING,
  }).admin();
  await Promise.all([dispatch.connect(), admin.connect()]);
  try {
    await waitFor(
      async () => {
        const { rows } = await dispatch.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
        );
        return rows[0].n === 0 || undefined;
      },
      { description: 'dispatch to publish the directory', timeoutMs, intervalMs: 250 },
    );
    const topic = resolveTopicName(Topics.dispatchDirectory, namespace.topicPrefix);
    await waitFor(
      async () => {
        const lags = await measureConsumerLag(admin, `${namespace.groupPrefix}requests`, [topic]);
        return (lags.length > 0 && lags.every((partition) => partition.lag === 0)) || undefined;
      },
      { description: 'requests to consume the directory', timeoutMs, intervalMs: 250 },
    );
  } finally {
    await Promise.all([dispatch.end(), admin.disconnect()]);
  }
}
