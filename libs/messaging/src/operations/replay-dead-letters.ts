import { Logger, LoggerService } from '@nestjs/common';
import { DeadLetterHeaders, EventHeaders } from '@loop/contracts';
import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage } from 'kafkajs';
import { headerText } from '../consumer/consumed-message';
import { replayRecord } from '../consumer/dead-letter-record';
import { createIdempotentProducer } from '../kafka/kafka-client';

/** Which parked records to replay. Offsets are inclusive; omitted bounds mean "from the first" / "to the last". */
export interface DeadLetterSelection {
  /** The dead-letter topic, prefix included, e.g. `requests.ticket.v1.dlq`. */
  topic: string;
  /** One partition, or all of them. */
  partition?: number;
  fromOffset?: string;
  toOffset?: string;
  /** Only the record of this event id (x-event-id header). */
  eventId?: string;
  /** Only records parked by this consumer group. */
  consumerGroup?: string;
}

/** One replayed (or, in a dry run, selected) record. */
export interface ReplayedRecord {
  partition: number;
  offset: string;
  /** Where it went back to. */
  topic: string;
  eventId: string | undefined;
  reason: string | undefined;
  consumerGroup: string | undefined;
}

/** Options of a replay. */
export interface ReplayOptions {
  /** List what would be replayed without producing anything. */
  dryRun?: boolean;
  logger?: LoggerService;
  /** Give up reading after this long (default 60 s). */
  timeoutMs?: number;
}

interface PartitionRange {
  partition: number;
  from: bigint;
  to: bigint;
}

/**
 * Puts parked records back on the topics they came from — same key, value and original headers — once
 * the fault that parked them is fixed. Consumers handle them like any other delivery, and the inbox
 * makes a replay of something that was meanwhile handled harmless. The dead-letter records stay where
 * they are (the topic is a log; its retention removes them).
 */
export async function replayDeadLetters(
  kafka: Kafka,
  selection: DeadLetterSelection,
  options: ReplayOptions = {},
): Promise<ReplayedRecord[]> {
  const logger = options.logger ?? new Logger('ReplayDeadLetters');
  const ranges = await rangesToRead(kafka, selection);
  if (ranges.length === 0) return [];
  const selected = await readRanges(kafka, selection.topic, ranges, options.timeoutMs ?? 60_000);
  const wanted = selected.filter(({ message }) => matches(message, selection));

  const replayed: ReplayedRecord[] = wanted.map(({ partition, message }) => ({
    partition,
    offset: message.offset,
    topic: headerText(message.headers, DeadLetterHeaders.originalTopic) ?? '(unknown)',
    eventId: headerText(message.headers, EventHeaders.eventId),
    reason: headerText(message.headers, DeadLetterHeaders.reason),
    consumerGroup: headerText(message.headers, DeadLetterHeaders.consumerGroup),
  }));
  if (options.dryRun || wanted.length === 0) return replayed;

  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    // One at a time, in log order: records of one key go back in the order they were parked.
    for (const { partition, message } of wanted) {
      const record = replayRecord(message);
      await producer.send({ topic: record.topic, acks: -1, messages: [record.message] });
      logger.log(`replayed ${selection.topic}[${partition}]@${message.offset} to ${record.topic}`);
    }
  } finally {
    await producer.disconnect();
  }
  return replayed;
}

async function rangesToRead(kafka: Kafka, selection: DeadLetterSelection): Promise<PartitionRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(selection.topic);
    return offsets
      .filter(({ partition }) => selection.partition === undefined || partition === selection.partition)
      .map(({ partition, low, high }) => ({
        partition,
        from: maxBig(BigInt(low), selection.fromOffset === undefined ? 0n : BigInt(selection.fromOffset)),
        to: minBig(
          BigInt(high) - 1n,
          selection.toOffset === undefined ? BigInt(high) - 1n : BigInt(selection.toOffset),
        ),
      }))
      .filter((range) => range.from <= range.to);
  } finally {
    await admin.disconnect();
  }
}

// Reads the ranges with a throwaway consumer group that never commits and is deleted afterwards, so a
// replay leaves no trace on the broker besides the replayed records.
async function readRanges(
  kafka: Kafka,
  topic: string,
  ranges: readonly PartitionRange[],
  timeoutMs: number,
): Promise<Array<{ partition: number; message: KafkaMessage }>> {
  const groupId = `dead-letter-replay-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const collected = new Map<number, KafkaMessage[]>(ranges.map((range) => [range.partition, []]));
  const pending = new Set(ranges.map((range) => range.partition));
  const byPartition = new Map(ranges.map((range) => [range.partition, range]));
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));

  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const range = byPartition.get(partition);
        if (!range || !pending.has(partition)) return;
        const offset = BigInt(message.offset);
        if (offset >= range.from && offset <= range.to) collected.get(partition)!.push(message);
        if (offset >= range.to) {
          pending.delete(partition);
          if (pending.size === 0) done();
        }
      },
    });
    for (const range of ranges)
      consumer.seek({ topic, partition: range.partition, offset: range.from.toString() });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
    );
    const outcome = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      throw new Error(
        `timed out reading ${topic}; partitions not read to the end: ${[...pending].join(', ')}`,
      );
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return ranges.flatMap((range) =>
    collected.get(range.partition)!.map((message) => ({ partition: range.partition, message })),
  );
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect();
}

function matches(message: KafkaMessage, selection: DeadLetterSelection): boolean {
  if (selection.eventId && headerText(message.headers, EventHeaders.eventId) !== selection.eventId)
    return false;
  if (
    selection.consumerGroup &&
    headerText(message.headers, DeadLetterHeaders.consumerGroup) !== selection.consumerGroup
  )
    return false;
  return true;
}

function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
