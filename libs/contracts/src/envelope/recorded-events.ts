// Aggregates say what happened in the terms of the published contracts; who caused it, when it is
// published and under which event id is the unit of work's business, not the aggregate's.
import type { EventDefinition } from '../events/event-definition';

/** An event an aggregate recorded: its declaration and its payload, not yet in an envelope. */
export interface RecordedEvent<P extends object = object> {
  definition: EventDefinition<P>;
  payload: P;
}

/** The events an aggregate recorded since it was loaded, in order; saving it takes them. */
export class RecordedEvents {
  private pending: RecordedEvent[] = [];

  /** Records that `definition` happened with `payload`. */
  record<P extends object>(definition: EventDefinition<P>, payload: P): void {
    this.pending.push({ definition, payload } as RecordedEvent);
  }

  /** The recorded events, oldest first; afterwards none are pending. */
  take(): RecordedEvent[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  /** How many events are pending. */
  get size(): number {
    return this.pending.length;
  }
}
