// What must hold before an assignee may report a ticket's work done, besides the assignment's own state.
// The summons slice supplies it (ADR 0026): every department summoned to the ticket must have reported or
// been released. The gate runs under the ticket's case lock, in the completion's transaction.
import { EntityManager } from 'typeorm';

/** Refuses the completion of a ticket's work that still waits for something outside the assignment. */
export abstract class CompletionGate {
  /** Throws a domain error (409) when the ticket's work cannot be reported done yet. */
  abstract ensureCompletable(manager: EntityManager, ticketId: string): Promise<void>;
}
