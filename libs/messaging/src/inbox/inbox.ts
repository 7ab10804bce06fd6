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
  const inserted = (await manager.query(
    `INSERT INTO inbox (consumer_group, event_id, event_type, event_version, topic, "partition", "offset")
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (consumer_group, event_id) DO NOTHING
     RETURNING event_id`,
    [
      entry.consumerGroup,
      entry.eventId,
      entry.eventType,
      entry.eventVersion,
      entry.position.topic,
      entry.position.partition,
      entry.position.offset,
    ],
  )) as unknown[];
  return inserted.length === 1;
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
