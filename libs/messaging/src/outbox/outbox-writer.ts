import { Injectable } from '@nestjs/common';
import { eventDefinition, EventEnvelope, eventHeaders, eventLabel } from '@loop/contracts';
import { EntityManager } from 'typeorm';

// Eight parameters per row; PostgreSQL allows 65535 per statement.
const rowsPerInsert = 1_000;

/**
 * Adds events to the transactional outbox inside the caller's transaction: they are published if and
 * only if the transaction commits, in the order they were added. Build envelopes with the contracts'
 * `buildEnvelope`; the topic comes from the event's declaration.
 */
@Injectable()
export class OutboxWriter {
  /**
   * Inserts the envelopes with `manager` — the EntityManager of the transaction that changes the state
   * the events describe (`dataSource.transaction(manager => …)`). Throws for an undeclared event.
   */
  async add(manager: EntityManager, envelopes: EventEnvelope | readonly EventEnvelope[]): Promise<void> {
    const list = Array.isArray(envelopes)
      ? (envelopes as readonly EventEnvelope[])
      : [envelopes as EventEnvelope];
    if (list.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      // Outside a transaction the event would commit on its own, whatever happens to the state change.
      throw new Error('OutboxWriter.add needs the EntityManager of an open transaction');
    }
    await insertOutboxRows(manager, list);
  }
}

/** Inserts the envelopes into the outbox in as few statements as the parameter limit allows, in order. */
export async function insertOutboxRows(
  manager: EntityManager,
  envelopes: readonly EventEnvelope[],
): Promise<void> {
  for (let start = 0; start < envelopes.length; start += rowsPerInsert) {
    await insertRows(manager, envelopes.slice(start, start + rowsPerInsert));
  }
}

async function insertRows(manager: EntityManager, envelopes: readonly EventEnvelope[]): Promise<void> {
  const parameters: unknown[] = [];
  const rows = envelopes.map((envelope) => {
    const definition = eventDefinition(envelope.type, envelope.version);
    if (!definition)
      throw new Error(`${eventLabel(envelope)} is not a declared event; it cannot be published`);
    const values = [
      envelope.eventId,
      // Debezium's outbox router routes by aggregatetype; holding the topic there makes
      // `route.topic.replacement=${routedByValue}` reproduce the relay's topics exactly.
      definition.topic,
      envelope.aggregateId,
      envelope.type,
      JSON.stringify(envelope),
      definition.topic,
      envelope.version,
      JSON.stringify(eventHeaders(envelope)),
    ];
    const placeholders = values.map((_, index) => `$${parameters.length + index + 1}`);
    parameters.push(...values);
    return `(${placeholders[0]}, ${placeholders[1]}, ${placeholders[2]}, ${placeholders[3]}, ${placeholders[4]}::jsonb, ${placeholders[5]}, ${placeholders[6]}, ${placeholders[7]}::jsonb)`;
  });
  // A multi-row VALUES assigns the sequence in list order, so events added together keep their order.
  await manager.query(
    `INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, topic, event_version, headers) VALUES ${rows.join(', ')}`,
    parameters,
  );
}
