import { Message, TopicMessages } from 'kafkajs';

/** An unpublished outbox row as the relay reads it. */
export interface PendingOutboxRow {
  /** The event id. */
  id: string;
  /** The Kafka key: the aggregate id. */
  aggregateId: string;
  /** Logical topic from the contracts, without the environment prefix. */
  topic: string;
  /** The envelope as JSON text: the Kafka value. */
  value: string;
  /** Kafka headers (correlation and causation ids, event type and version). */
  headers: Record<string, string>;
  /** When the row was inserted. */
  createdAt: Date;
  /** Insertion order. */
  sequence: string;
}

/**
 * The leading rows whose values add up to at most `maxBytes` — always at least the first row, so one
 * large event still goes out alone. Kafka refuses a record batch above the broker's message size limit
 * (1 MiB by default), and a refused batch would be retried forever: this keeps every request under it.
 */
export function withinByteBudget(rows: readonly PendingOutboxRow[], maxBytes: number): PendingOutboxRow[] {
  let bytes = 0;
  let count = 0;
  for (const row of rows) {
    bytes += Buffer.byteLength(row.value) + Buffer.byteLength(row.aggregateId);
    if (count > 0 && bytes > maxBytes) break;
    count += 1;
  }
  return rows.slice(0, count);
}

/**
 * Turns rows read in sequence order into one produce request per topic. Grouping by topic keeps the
 * relative order of each topic's rows, hence of every partition's — and so of every key's.
 */
export function toTopicMessages(
  rows: readonly PendingOutboxRow[],
  resolveTopic: (logical: string) => string,
): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const topic = resolveTopic(row.topic);
    let messages = byTopic.get(topic);
    if (!messages) {
      messages = [];
      byTopic.set(topic, messages);
    }
    messages.push({
      key: row.aggregateId,
      value: row.value,
      headers: row.headers,
      // The broker's CreateTime then tells when the event was recorded, not when it was relayed.
      timestamp: String(row.createdAt.getTime()),
    });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
