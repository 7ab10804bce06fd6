import { EntityManager } from 'typeorm';

/** Where a message was read from; kept in the inbox for tracing a handled event back to Kafka. */
export interface MessagePosition {
  topic: string;
  partition: number;
  offset: string;
}

/** The identity of a delivered event as the inbox records it. */
export interface InboxEntry {
  consumerGroup: string;
  eventId: string;
  eventType: string;
  eventVersion: number;
  position: MessagePosition;
}

/**
 * Records that `consumerGroup` handles `eventId`, inside the caller's transaction, and answers whether
 * this is the first time. Called before the handler's effects: a concurrent delivery of the same event
 * (a rebalance handing the partition over mid-message) waits on the primary key until this transaction
 * ends and then finds the event handled — so two deliveries never both apply the effect.
 */
export async function claimInboxEntry(manager: EntityManager, entry: InboxEntry): Promise<boolean> {
  return (await claimInboxEntries(manager, [entry])).has(entry.eventId);
}

const inboxColumns = 7;

/**
 * `claimInboxEntry` for a group of messages in one statement: answers the event ids claimed for the
 * first time. An event listed twice (a redelivery inside one batch) is claimed once. Rows are inserted
 * in the order given — offset order — so two deliveries of a partition lock their keys in one order.
 */
export async function claimInboxEntries(
  manager: EntityManager,
  entries: readonly InboxEntry[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const rows = entries.map(
    (_, row) =>
      `(${Array.from({ length: inboxColumns }, (__, column) => `$${row * inboxColumns + column + 1}`).join(', ')})`,
  );
  const inserted = (await manager.query(
    `INSERT INTO inbox (consumer_group, event_id, event_type, event_version, topic, "partition", "offset")
     VALUES ${rows.join(', ')}
     ON CONFLICT (consumer_group, event_id) DO NOTHING
     RETURNING event_id`,
    entries.flatMap((entry) => [
      entry.consumerGroup,
      entry.eventId,
      entry.eventType,
      entry.eventVersion,
      entry.position.topic,
      entry.position.partition,
      entry.position.offset,
    ]),
  )) as Array<{ event_id: string }>;
  return new Set(inserted.map((row) => row.event_id));
}

/**
 * Forgets every event a consumer group handled, inside the caller's transaction — part of rebuilding a
 * read model, together with truncating it and rewinding the group's offsets.
 */
export async function forgetHandledEvents(manager: EntityManager, consumerGroup: string): Promise<number> {
  const result = (await manager.query(`DELETE FROM inbox WHERE consumer_group = $1`, [consumerGroup])) as [
    unknown[],
    number,
  ];
  return result[1];
}
