import { Inject, Injectable } from '@nestjs/common';
import { buildEnvelope, ticketConfirmedV1 } from '@loop/contracts';
import { cancelTimer, CLOCK, Clock, runTransaction } from '@loop/platform';
import { DataSource } from 'typeorm';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import { TicketActionForbiddenError, TicketNotFoundError } from '../domain/ticket.errors';
import { canView, speaksForResident, Viewer } from '../domain/ticket-visibility.policy';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import { actorRoleOf } from './cancel-ticket.handler';
import { envelopeContext } from './envelope-context';
import { TicketEventRecorder } from './ticket-event-recorder';
import { ticketDecisions } from './ticket-metrics';

/** The resident's verdict on the work. */
export interface ConfirmTicketCommand {
  rating: number;
  comment?: string;
}

/** Closes a resolved ticket with the resident's rating; the member's hours are then credited. */
@Injectable()
export class ConfirmTicketHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: TicketEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** Confirms the ticket, stops the auto-confirmation timer and publishes ticket.confirmed. */
  async execute(caller: Viewer, ticketId: string, command: ConfirmTicketCommand): Promise<void> {
    await runTransaction(this.dataSource, async (manager) => {
      // The auto-confirmation timer is taken before the ticket, in the same order as the timer poller
      // (timer, then ticket), so a confirmation racing the timer waits instead of deadlocking; a refused
      // action rolls the deletion back.
      await cancelTimer(manager, autoConfirmTimerKind, ticketId);
      const repository = new TicketRepository(manager);
      const ticket = await repository.lockById(ticketId);
      if (!ticket || !canView(caller, ticket.state)) throw new TicketNotFoundError(ticketId);
      if (!speaksForResident(caller, ticket.state)) throw new TicketActionForbiddenError('confirm');
      const now = this.clock.now();
      const assignmentId = ticket.confirm(command.rating, command.comment ?? null, now);
      await repository.save(ticket, now);
      await this.events.publish(
        manager,
        buildEnvelope(
          ticketConfirmedV1,
          { ticketId, assignmentId, rating: command.rating, auto: false, confirmedAt: now.toISOString() },
          envelopeContext({ role: actorRoleOf(caller, ticket.state), id: caller.id }, now, this.ids),
        ),
      );
    });
    ticketDecisions().inc({ kind: 'confirmed' });
  }
}
