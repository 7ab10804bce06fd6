import { Inject, Injectable } from '@nestjs/common';
import { buildEnvelope, ticketConfirmedV1 } from '@loop/contracts';
import { CLOCK, Clock, DueTimer, TimerHandler } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { DuplicateFollowers } from '../../duplicate/application/duplicate-followers';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';
import { envelopeContext } from './envelope-context';
import { TicketEventRecorder } from './ticket-event-recorder';
import { ticketDecisions } from './ticket-metrics';

/** Timer kind of the auto-confirmation of a resolved ticket; the timer key is the ticket id. */
export const autoConfirmTimerKind = 'requests.auto-confirm';

/** The actor of automatic confirmations. */
export const autoConfirmActor = { role: 'system', id: 'auto-confirm' } as const;

/** Closes a resolved ticket its resident did not confirm within AUTO_CONFIRM_AFTER. */
@Injectable()
export class AutoConfirmTimerHandler {
  constructor(
    private readonly events: TicketEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly followers: DuplicateFollowers,
  ) {}

  /** Runs in the transaction that deletes the timer: the confirmation and its event commit with it. */
  @TimerHandler(autoConfirmTimerKind)
  async onAutoConfirmDue(timer: DueTimer, manager: EntityManager): Promise<void> {
    const repository = new TicketRepository(manager);
    const ticket = await repository.lockById(timer.key);
    if (!ticket) return;
    const now = this.clock.now();
    const assignmentId = ticket.autoConfirm(String(timer.payload.assignmentId), now);
    // An out-of-date timer (confirmed, reopened or re-resolved since) simply expires.
    if (!assignmentId) return;
    await repository.save(ticket, now);
    await this.events.publish(
      manager,
      buildEnvelope(
        ticketConfirmedV1,
        {
          ticketId: timer.key,
          assignmentId,
          rating: null,
          auto: true,
          confirmedBy: 'auto',
          confirmedAt: now.toISOString(),
        },
        envelopeContext(autoConfirmActor, now, this.ids),
      ),
    );
    // The master's closure closes its duplicates still waiting for their residents.
    await this.followers.follow(manager, ticket, now);
    // Counted before the commit: a rolled-back firing is retried and counted again, which is rare.
    ticketDecisions().inc({ kind: 'auto_confirmed' });
  }
}
