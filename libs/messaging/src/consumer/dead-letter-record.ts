import { DeadLetterHeaders, DeadLetterReason, deadLetterTopicName } from '@loop/contracts';
import { Message } from 'kafkajs';
import { ConsumedMessage, headersAsText } from './consumed-message';

/** Why and by whom a message is parked. */
export interface DeadLetterCause {
  reason: DeadLetterReason;
  /** What exactly was wrong, one line per problem. */
  details: readonly string[];
  consumerGroup: string;
  /** Handling attempts made (0 when the message was rejected before any handler ran). */
  attempts: number;
  failedAt: Date;
}

/** A record to produce to a dead-letter topic. */
export interface DeadLetterRecord {
  topic: string;
  message: Message;
}

// Headers travel with every fetch of the record; details beyond this are cut (the log has them all).
const maxDetailsBytes = 4_096;

const deadLetterHeaderNames = new Set<string>(Object.values(DeadLetterHeaders));

/**
 * The dead-letter record for a message: same key (so one aggregate's parked records keep their
 * order), same value and headers byte for byte (so a replay republishes exactly what was produced),
 * plus the x-dlq-* headers saying why, where from and by which group.
 */
export function deadLetterRecord(message: ConsumedMessage, cause: DeadLetterCause): DeadLetterRecord {
  const original = headersAsText(message.headers);
  for (const name of Object.keys(original)) {
    // A record parked again after a replay gets fresh reasons, not two sets.
    if (deadLetterHeaderNames.has(name)) delete original[name];
  }
  return {
    topic: deadLetterTopicName(message.topic),
    message: {
      key: message.key,
      value: message.value,
      headers: {
        ...original,
        [DeadLetterHeaders.reason]: cause.reason,
        [DeadLetterHeaders.details]: truncatedDetails(cause.details),
        [DeadLetterHeaders.originalTopic]: message.topic,
        [DeadLetterHeaders.originalPartition]: String(message.partition),
        [DeadLetterHeaders.originalOffset]: message.offset,
        [DeadLetterHeaders.failedAt]: cause.failedAt.toISOString(),
        [DeadLetterHeaders.consumerGroup]: cause.consumerGroup,
        [DeadLetterHeaders.attempts]: String(cause.attempts),
      },
    },
  };
}

/** The details header: a JSON array of strings, shortened from the end to fit the size limit. */
export function truncatedDetails(details: readonly string[]): string {
  const lines = [...details];
  let json = JSON.stringify(lines);
  while (Buffer.byteLength(json) > maxDetailsBytes && lines.length > 1) {
    lines.pop();
    json = JSON.stringify([...lines, '…']);
  }
  if (Buffer.byteLength(json) > maxDetailsBytes)
    json = JSON.stringify([lines[0].slice(0, maxDetailsBytes / 4) + '…']);
  return json;
}

/**
 * The record a replay puts back on the original topic: the parked key, value and original headers,
 * without the x-dlq-* ones. Throws when the record does not say where it came from.
 */
export function replayRecord(parked: {
  key: Buffer | null;
  value: Buffer | null;
  headers?: ConsumedMessage['headers'];
}): DeadLetterRecord {
  const headers = headersAsText(parked.headers);
  const topic = headers[DeadLetterHeaders.originalTopic];
  if (!topic)
    throw new Error(`a dead-letter record without ${DeadLetterHeaders.originalTopic} cannot be replayed`);
  for (const name of Object.keys(headers)) if (deadLetterHeaderNames.has(name)) delete headers[name];
  return { topic, message: { key: parked.key, value: parked.value, headers } };
}
