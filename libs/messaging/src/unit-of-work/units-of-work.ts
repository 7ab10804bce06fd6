// Where units of work come from: a command opens one in a new transaction; a timer's work gets one in
// the poller's transaction; a consumed event's handler gets one in the transaction (and outbox buffer)
// the consumer opened for it and its batch.
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EventEnvelope } from '@loop/contracts';
import { CLOCK, Clock, runTransaction, systemClock } from '@loop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { HandlingContext } from '../consumer/event-handler-registration';
import { Actor, Cause, causeFollowing } from './cause';
import { OutboxBuffer } from './outbox-buffer';
import { IdSource, UnitOfWork } from './unit-of-work';

/** Injection token of the {@link IdSource}; tests may bind a predictable one. */
export const ID_SOURCE = Symbol('ID_SOURCE');

/** Opens units of work on the service's database. */
@Injectable()
export class UnitsOfWork {
  private readonly clock: Clock;
  private readonly ids: IdSource;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(CLOCK) clock?: Clock,
    @Optional() @Inject(ID_SOURCE) ids?: IdSource,
  ) {
    this.clock = clock ?? systemClock;
    this.ids = ids ?? (() => uuidv7());
  }

  /**
   * Runs `work` in a new transaction and writes its events to the outbox in one statement before the
   * commit. A transaction that loses a deadlock or serialization conflict runs again from the start,
   * with a fresh unit, so `work` must have no effects outside the transaction.
   */
  run<T>(cause: Cause, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, (manager) => this.within(manager, cause, work));
  }

  /**
   * Runs `work` in a transaction someone else opened (a durable timer's, say) and writes its events to
   * the outbox in one statement before returning; the owner commits or rolls back.
   */
  async within<T>(manager: EntityManager, cause: Cause, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    const outbox = new OutboxBuffer();
    const result = await work(new UnitOfWork(manager, cause, outbox, this.clock, this.ids));
    await outbox.flush(manager);
    return result;
  }

  /**
   * The unit of a consumed event's handling, in the consumer's transaction: `actor` reacts to
   * `envelope`, in its correlation. Its events are written with the batch's when the consumer commits.
   */
  following(envelope: EventEnvelope, context: HandlingContext, actor: Actor): UnitOfWork {
    return new UnitOfWork(
      context.manager,
      causeFollowing(envelope, actor),
      context.outbox,
      this.clock,
      this.ids,
    );
  }
}
