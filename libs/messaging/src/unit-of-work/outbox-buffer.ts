// The events of one transaction wait here and reach the outbox table in one multi-row INSERT just
// before it commits: a backlog batch of fifty events that each announce a change writes one statement
// for all their outbox rows instead of fifty.
import type { EventEnvelope } from '@loop/contracts';
import type { EntityManager } from 'typeorm';
import { insertOutboxRows } from '../outbox/outbox-writer';

/** Envelopes bound for the outbox of one transaction, in the order they were added. */
export class OutboxBuffer {
  private pending: EventEnvelope[] = [];

  /** Adds envelopes; they are written by the next `flush`. */
  add(...envelopes: EventEnvelope[]): void {
    this.pending.push(...envelopes);
  }

  /** How many envelopes wait. */
  get size(): number {
    return this.pending.length;
  }

  /** Writes the waiting envelopes with `manager` (the transaction's), in order, and forgets them. */
  async flush(manager: EntityManager): Promise<void> {
    if (this.pending.length === 0) return;
    const envelopes = this.pending;
    this.pending = [];
    await insertOutboxRows(manager, envelopes);
  }
}
