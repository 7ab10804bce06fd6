// The dead-letter log: which records this service's consumers parked and where the dead-letter record
// is, so that a missing effect can name the parked event behind it. Written after the broker
// acknowledged the dead-letter record; read by the services' loop-audit facts.
import type { ParkedEvent } from '@loop/contracts';
import type { SqlQueryable } from '../outbox/outbox-backlog';

/** One parked record, as the processor logs it. */
export interface DeadLetterLogEntry {
  consumerGroup: string;
  eventId: string | undefined;
  eventType: string | undefined;
  messageKey: string | undefined;
  reason: string;
  details: readonly string[];
  /** Where the record was consumed from. */
  source: { topic: string; partition: number; offset: string };
  /** Where the dead-letter record is. */
  deadLetter: { topic: string; partition: number; offset: string };
  parkedAt: Date;
}

/** Appends one entry to the log. */
export async function logDeadLetter(db: SqlQueryable, entry: DeadLetterLogEntry): Promise<void> {
  await db.query(
    `INSERT INTO dead_letter_log (consumer_group, event_id, event_type, message_key, reason, details,
        topic, "partition", "offset", dead_letter_topic, dead_letter_partition, dead_letter_offset, parked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      entry.consumerGroup,
      entry.eventId && isUuid(entry.eventId) ? entry.eventId : null,
      entry.eventType ?? null,
      entry.messageKey?.slice(0, 255) ?? null,
      entry.reason,
      entry.details.join('\n'),
      entry.source.topic,
      entry.source.partition,
      entry.source.offset,
      entry.deadLetter.topic,
      entry.deadLetter.partition,
      entry.deadLetter.offset,
      entry.parkedAt,
    ],
  );
}

interface ParkedRow {
  event_id: string | null;
  event_type: string | null;
  message_key: string | null;
  reason: string;
  dead_letter_topic: string;
  dead_letter_partition: number;
  dead_letter_offset: string;
  parked_at: Date;
}

/**
 * The records that `consumerGroup` parked and never handled afterwards (its inbox does not hold the
 * event: a replay that succeeded leaves no trace here), matching any of `eventIds` or `keys`.
 */
export async function parkedEvents(
  db: SqlQueryable,
  consumerGroup: string,
  match: { eventIds?: readonly string[]; keys?: readonly string[] },
): Promise<ParkedEvent[]> {
  const rows = (await db.query(
    `SELECT d.event_id, d.event_type, d.message_key, d.reason, d.dead_letter_topic, d.dead_letter_partition,
            d.dead_letter_offset::text AS dead_letter_offset, d.parked_at
       FROM dead_letter_log d
      WHERE d.consumer_group = $1
        AND (d.event_id = ANY($2::uuid[]) OR d.message_key = ANY($3::text[]))
        AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.consumer_group = d.consumer_group AND i.event_id = d.event_id)
      ORDER BY d.id`,
    [consumerGroup, (match.eventIds ?? []).filter(isUuid), match.keys ?? []],
  )) as ParkedRow[];
  return rows.map((row) => ({
    eventId: row.event_id,
    eventType: row.event_type,
    key: row.message_key,
    reason: row.reason,
    deadLetterTopic: row.dead_letter_topic,
    partition: row.dead_letter_partition,
    offset: row.dead_letter_offset,
    parkedAt: new Date(row.parked_at).toISOString(),
  }));
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
