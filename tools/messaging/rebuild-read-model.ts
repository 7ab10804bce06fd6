// `tsx tools/messaging/rebuild-read-model.ts --service <name> --truncate <tables> [--group …] [--topics …]`
// — prepares a service's consumer group to rebuild its read model from the start of its topics:
// rewinds the group's offsets to the earliest records, empties the given read-model tables and forgets
// the group's inbox entries, in the service's own database (DATABASE_URL). Stop the service's
// consumers first (the command refuses otherwise); when the service starts again it replays every
// event into the empty tables. Which tables form the read model is the service's knowledge: its README
// lists the exact command line.
import { isServiceName, resolveTopicName, serviceNames, topicsConsumedBy } from '@loop/contracts';
import { rebuildReadModel } from '@loop/messaging';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { commandKafka, messagingEnvironment, runCommand, UsageError } from './messaging-environment';

const usage = `Usage: KAFKA_BROKERS=host:port DATABASE_URL=postgres://… tsx tools/messaging/rebuild-read-model.ts
  --service <name>         ${serviceNames.join(' | ')}
  --truncate <t1,t2,…>     the read-model tables to empty (schema.table allowed); none by default
  [--group <id>]           consumer group without KAFKA_GROUP_PREFIX (default: the service name)
  [--topics <t1,t2,…>]     topics to rewind (default: every topic the service consumes)
  [--yes]                  required: the tables are emptied`;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      service: { type: 'string' },
      truncate: { type: 'string' },
      group: { type: 'string' },
      topics: { type: 'string' },
      yes: { type: 'boolean', default: false },
    },
  });
  const service = values.service;
  if (!service || !isServiceName(service))
    throw new UsageError(`--service must be one of ${serviceNames.join(', ')}`);
  if (!values.yes) throw new UsageError('--yes is required: the read-model tables will be emptied');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError("DATABASE_URL is not set (the service's own database)");

  const environment = messagingEnvironment('rebuild-read-model');
  const logicalTopics = values.topics ? list(values.topics) : topicsConsumedBy(service);
  const topics = logicalTopics.map((topic) => resolveTopicName(topic, environment.topicPrefix));
  const groupId = `${environment.groupPrefix}${values.group ?? service}`;

  const admin = commandKafka(environment).admin();
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    applicationName: 'rebuild-read-model',
  });
  await Promise.all([admin.connect(), dataSource.initialize()]);
  try {
    const report = await rebuildReadModel(admin, dataSource, {
      groupId,
      topics,
      truncateTables: list(values.truncate),
    });
    console.log(`rewound ${groupId} on ${report.topicsRewound.join(', ')}`);
    console.log(
      `emptied ${report.tablesTruncated.join(', ') || 'no tables'}; forgot ${report.inboxEntriesForgotten} inbox entries`,
    );
    console.log('start the service to replay the events into its read model');
  } finally {
    await Promise.allSettled([admin.disconnect(), dataSource.destroy()]);
  }
}

runCommand(usage, main);
