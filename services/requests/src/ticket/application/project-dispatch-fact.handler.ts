import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@loop/contracts';
import { scheduleTimer } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { RequestsConfig } from '../../config/requests.config';
import { DispatchFact } from '../domain/ticket.aggregate';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import { timelineEntryOf } from './ticket-event-recorder';

/**
 * Projects one consumed event onto its ticket: the timeline always gets it (with whether it changed the
 * ticket), the status only when the state machine accepts it. Runs in the inbox's transaction, so a
 * redelivered event is never applied twice.
 */
@Injectable()
export class ProjectDispatchFactHandler {
  private readonly logger = new Logger(ProjectDispatchFactHandler.name);

  constructor(@Inject(RequestsConfig) private readonly config: RequestsConfig) {}

  /** Applies `fact` (if any) and records the event on the ticket's timeline. */
  async execute(
    manager: EntityManager,
    ticketId: string,
    envelope: EventEnvelope<object>,
    fact?: DispatchFact,
  ): Promise<void> {
    const repository = new TicketRepository(manager);
    const ticket = await repository.lockById(ticketId);
    if (!ticket) {
      // Events are keyed by our own ticket ids, so this is a ticket of another deployment or a test topic.
      this.logger.warn(`${envelope.type} ${envelope.eventId} names unknown ticket ${ticketId}; ignored`);
      return;
    }
    const outcome = fact ? ticket.apply(fact) : 'not-applicable';
    if (outcome === 'applied' && fact) {
      if (fact.kind === 'completed') {
        const dueAt = new Date(fact.occurredAt.getTime() + this.config.autoConfirmAfterMs);
        ticket.awaitConfirmationUntil(dueAt);
        await scheduleTimer(manager, {
          kind: autoConfirmTimerKind,
          key: ticketId,
          dueAt,
          payload: { assignmentId: fact.assignmentId },
        });
      }
    }
    // Saved whatever the outcome: a return that changed no status still ends its assignment for good.
    if (fact) await repository.save(ticket, new Date(envelope.occurredAt));
    await repository.record(timelineEntryOf(envelope, outcome, ticketId));
  }
}
