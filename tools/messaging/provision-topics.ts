// `tsx tools/messaging/provision-topics.ts [--replication-factor N]` — creates every topic of the
// contracts registry (and its dead-letter topic) under KAFKA_TOPIC_PREFIX, adds partitions where the
// registry asks for more, and leaves everything else alone. Services do the same at start-up; this is
// for a cluster prepared ahead of a deployment.
import { topicRegistry, topicSpecs } from '@loop/contracts';
import { provisionTopics } from '@loop/messaging';
import { parseArgs } from 'node:util';
import { commandKafka, messagingEnvironment, runCommand, UsageError } from './messaging-environment';

const usage = `Usage: KAFKA_BROKERS=host:port [KAFKA_TOPIC_PREFIX=…] tsx tools/messaging/provision-topics.ts [--replication-factor N]`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'replication-factor': { type: 'string' } } });
  const replicationFactor =
    values['replication-factor'] === undefined ? undefined : Number(values['replication-factor']);
  if (replicationFactor !== undefined && !(Number.isInteger(replicationFactor) && replicationFactor > 0)) {
    throw new UsageError('--replication-factor must be a positive integer');
  }
  const environment = messagingEnvironment('provision-topics');
  const admin = commandKafka(environment).admin();
  await admin.connect();
  try {
    // The summary below says what was created; only warnings (partition growth) are logged as they happen.
    const quiet = {
      log: () => undefined,
      warn: (message: unknown) => console.warn(message),
      error: (message: unknown) => console.error(message),
    };
    const report = await provisionTopics(
      admin,
      topicSpecs(topicRegistry, environment.topicPrefix, { replicationFactor }),
      quiet,
    );
    console.log(`created:   ${report.created.join(', ') || '—'}`);
    console.log(`grown:     ${report.grown.map((g) => `${g.topic} ${g.from}→${g.to}`).join(', ') || '—'}`);
    console.log(`unchanged: ${report.unchanged.length} topics`);
  } finally {
    await admin.disconnect();
  }
}

runCommand(usage, main);
