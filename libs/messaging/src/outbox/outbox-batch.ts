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
