// `tsx tools/messaging/replay-dead-letter.ts --topic <topic or its .dlq> [selection] [--dry-run]` —
// puts parked records back on the topic they came from, once the fault that parked them is fixed.
// The consumers handle them like any delivery; their inbox makes a replay of something already
// handled harmless. Run with --dry-run first to see what the selection holds.
import { deadLetterTopicName, resolveTopicName } from '@loop/contracts';
import { replayDeadLetters } from '@loop/messaging';
import { parseArgs } from 'node:util';
import { commandKafka, messagingEnvironment, runCommand, UsageError } from './messaging-environment';

const usage = `Usage: KAFKA_BROKERS=host:port [KAFKA_TOPIC_PREFIX=…] tsx tools/messaging/replay-dead-letter.ts
  --topic <topic>          the source topic (requests.ticket.v1) or its dead-letter topic (requests.ticket.v1.dlq),
                           with or without the KAFKA_TOPIC_PREFIX
  [--partition <n>]        only this partition of the dead-letter topic
  [--offset <n>]           only the record at this offset (with --partition)
  [--from-offset <n>]      first offset to replay (inclusive)
  [--to-offset <n>]        last offset to replay (inclusive)
  [--event-id <uuid>]      only the record of this event
  [--group <group id>]     only records parked by this consumer group (prefix included)
  [--dry-run]              list the selection, replay nothing`;

const offsetPattern = /^\d+$/;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      topic: { type: 'string' },
      partition: { type: 'string' },
      offset: { type: 'string' },
      'from-offset': { type: 'string' },
      'to-offset': { type: 'string' },
      'event-id': { type: 'string' },
      group: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.topic) throw new UsageError('--topic is required');
  for (const name of ['partition', 'offset', 'from-offset', 'to-offset'] as const) {
    if (values[name] !== undefined && !offsetPattern.test(values[name]))
      throw new UsageError(`--${name} must be a non-negative integer`);
  }
  if (values.offset !== undefined && values.partition === undefined)
    throw new UsageError('--offset needs --partition');

  const environment = messagingEnvironment('replay-dead-letter');
  // A name that already carries the environment's prefix (as the loop audit prints it) is taken as it is.
  const prefix = environment.topicPrefix.replace(/\.+$/, '');
  const resolved =
    prefix && values.topic.startsWith(`${prefix}.`)
      ? values.topic
      : resolveTopicName(values.topic, environment.topicPrefix);
  const topic = resolved.endsWith('.dlq') ? resolved : deadLetterTopicName(resolved);
  const records = await replayDeadLetters(
    commandKafka(environment),
    {
      topic,
      partition: values.partition === undefined ? undefined : Number(values.partition),
      fromOffset: values.offset ?? values['from-offset'],
      toOffset: values.offset ?? values['to-offset'],
      eventId: values['event-id'],
      consumerGroup: values.group,
    },
    { dryRun: values['dry-run'] },
  );
  for (const record of records) {
    console.log(
      `${topic}[${record.partition}]@${record.offset} → ${record.topic}  event ${record.eventId ?? '?'}  reason ${record.reason ?? '?'}  group ${record.consumerGroup ?? '?'}`,
    );
  }
  console.log(`${values['dry-run'] ? 'would replay' : 'replayed'} ${records.length} record(s)`);
}

runCommand(usage, main);
