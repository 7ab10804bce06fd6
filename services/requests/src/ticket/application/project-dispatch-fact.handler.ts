import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@loop/contracts';
import { HandlingContext, UnitsOfWork } from '@loop/messaging';
import { scheduleTimer } from '@loop/platform';
import { RequestsConfig } from '../../config/requests.config';
import { DuplicateFollowers, masterClosedActor } from '../../duplicate/application/duplicate-followers';
import { DispatchFact } from '../domain/ticket.aggregate';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import { TicketStore, timelineEntryOf } from './ticket-store';

/**
 * Projects one consumed event onto its ticket: the timeline always gets it (with whether it changed the
 * ticket), the status only when the state machine accepts it. Runs in the inbox's transaction, so a
 * redelivered event is never applied twice.
 */
@Injectable()
export class ProjectDispatchFactHandler {
  private readonly logger = new Logger(ProjectDispatchFactHandler.name);

  constructor(
    @Inject(RequestsConfig) private readonly config: RequestsConfig,
    private readonly units: UnitsOfWork,
    private readonly followers: DuplicateFollowers,
  ) {}

  /** Applies `fact` (if any) and records the event on the ticket's timeline. */
  async execute(
    context: HandlingContext,
    ticketId: string,
    envelope: EventEnvelope<object>,
    fact?: DispatchFact,
  ): Promise<void> {
    if (!fact) return this.recordOnTimeline(new TicketRepository(context.manager), ticketId, envelope);
    // Only the duplicates' closures could publish here, and they name their own actor.
    const unit = this.units.following(envelope, context, masterClosedActor);
    const tickets = new TicketStore(unit);
    const ticket = await tickets.lockById(ticketId);
    if (!ticket) return this.ignoreUnknownTicket(ticketId, envelope);
    const outcome = ticket.apply(fact);
    const at = new Date(envelope.occurredAt);
    if (outcome === 'applied' && fact.kind === 'completed') {
      const dueAt = new Date(fact.occurredAt.getTime() + this.config.autoConfirmAfterMs);
      ticket.awaitConfirmationUntil(dueAt);
      await scheduleTimer(unit.manager, {
        kind: autoConfirmTimerKind,
        key: ticketId,
        dueAt,
        payload: { assignmentId: fact.assignmentId },
      });
    }
    // Saved whatever the outcome: a return that changed no status still ends its assignment for good.
    await tickets.save(ticket, { at });
    await tickets.record(timelineEntryOf(envelope, outcome, ticketId));
    // Duplicates merged into this ticket take the same step, and their residents' stories tell it.
    if (outcome === 'applied') await this.followers.follow(unit, ticket, at, envelope);
  }

  /**
   * An event with no fact (a delivery, credited or reversed hours) changes nothing but the timeline, so
   * it does not lock the ticket: these events arrive on other partitions than the ticket's own, and
   * locking would make parallel consumer batches wait for (and deadlock on) each other's tickets.
   */
  private async recordOnTimeline(
    repository: TicketRepository,
    ticketId: string,
    envelope: EventEnvelope<object>,
  ): Promise<void> {
    const recorded = await repository.recordIfTicketExists(
      timelineEntryOf(envelope, 'not-applicable', ticketId),
    );
    if (recorded === 'unknown-ticket') this.ignoreUnknownTicket(ticketId, envelope);
  }

  private ignoreUnknownTicket(ticketId: string, envelope: EventEnvelope<object>): void {
    // Events are keyed by our own ticket ids, so this is a ticket of another deployment or a test topic.
    this.logger.warn(`${envelope.type} ${envelope.eventId} names unknown ticket ${ticketId}; ignored`);
  }
}
