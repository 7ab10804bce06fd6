import { Inject, Injectable } from '@nestjs/common';
import { buildEnvelope, TicketReopenReason, ticketReopenedV1 } from '@loop/contracts';
import { cancelTimer, CLOCK, Clock, runTransaction } from '@loop/platform';
import { DataSource } from 'typeorm';
import { RequestsConfig } from '../../config/requests.config';
import { DuplicateFollowers } from '../../duplicate/application/duplicate-followers';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import { TicketActionForbiddenError, TicketNotFoundError } from '../domain/ticket.errors';
import { canView, speaksForResident, Viewer } from '../domain/ticket-visibility.policy';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import { actorRoleOf } from './cancel-ticket.handler';
import { actionEventIds, envelopeContext } from './envelope-context';
import type { CommandOutcome } from './idempotent-requests';
import { TicketEventRecorder } from './ticket-event-recorder';
import { ticketDecisions } from './ticket-metrics';

/** Why the resident is not satisfied. */
export interface ReopenTicketCommand {
  reasonCode: TicketReopenReason;
  reasonText: string;
}

/** Sends a resolved or closed ticket back into dispatch, within the reopening window. */
@Injectable()
export class ReopenTicketHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: TicketEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(RequestsConfig) private readonly config: RequestsConfig,
    private readonly followers: DuplicateFollowers,
  ) {}

  /**
   * Reopens the ticket, stops the auto-confirmation timer and publishes ticket.reopened; with the event
   * id reserved under an Idempotency-Key, says instead when an earlier attempt under the key did.
   */
  async execute(
    caller: Viewer,
    ticketId: string,
    command: ReopenTicketCommand,
    reservedEventId?: string,
  ): Promise<CommandOutcome> {
    const outcome = await runTransaction(this.dataSource, async (manager): Promise<CommandOutcome> => {
      // The auto-confirmation timer is taken before the ticket, in the same order as the timer poller
      // (timer, then ticket), so a confirmation racing the timer waits instead of deadlocking; a refused
      // action rolls the deletion back.
      await cancelTimer(manager, autoConfirmTimerKind, ticketId);
      const repository = new TicketRepository(manager);
      const ticket = await repository.lockById(ticketId);
      if (!ticket || !canView(caller, ticket.state)) throw new TicketNotFoundError(ticketId);
      if (!speaksForResident(caller, ticket.state)) throw new TicketActionForbiddenError('reopen');
      if (reservedEventId && (await repository.hasRecorded(reservedEventId))) return 'done-before';
      const now = this.clock.now();
      const { reopenedFrom, assignmentId } = ticket.reopen(now, this.config.reopenWindowMs);
      await repository.save(ticket, now);
      const envelope = buildEnvelope(
        ticketReopenedV1,
        {
          ticketId,
          assignmentId,
          reopenedFrom,
          reasonCode: command.reasonCode,
          reasonText: command.reasonText,
          reopenCount: ticket.state.reopenCount,
          reopenedAt: now.toISOString(),
        },
        envelopeContext(
          { role: actorRoleOf(caller, ticket.state), id: caller.id },
          now,
          actionEventIds(reservedEventId, this.ids),
        ),
      );
      await this.events.publish(manager, envelope);
      // Duplicates waiting for confirmation go back into the loop with their master.
      await this.followers.follow(manager, ticket, now, envelope);
      return 'done';
    });
    if (outcome === 'done') ticketDecisions().inc({ kind: 'reopened' });
    return outcome;
  }
}
