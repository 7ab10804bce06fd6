// Adds dispatch events to the outbox inside the caller's transaction: the state change and the event
// that announces it commit together or not at all.
import { Inject, Injectable } from '@nestjs/common';
import { buildEnvelope, EventDefinition } from '@loop/contracts';
import { OutboxWriter } from '@loop/messaging';
import { CLOCK, Clock } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { Cause } from './cause';
import { IdGenerator } from './id-generator';

/** Writes the events of dispatch decisions to the transactional outbox. */
@Injectable()
export class AssignmentEvents {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Validates the payload against its contract and adds the event to the transaction's outbox. */
  async add<P extends object>(
    manager: EntityManager,
    definition: EventDefinition<P>,
    payload: P,
    cause: Cause,
  ): Promise<void> {
    const envelope = buildEnvelope(definition, payload, {
      actor: cause.actor,
      correlationId: cause.correlationId,
      causationId: cause.causationId ?? null,
      clock: this.clock,
      idGenerator: () => this.ids.next(),
    });
    await this.outbox.add(manager, envelope);
  }
}
