import { Inject, Injectable } from '@nestjs/common';
import { TicketReopenReason } from '@loop/contracts';
import { UnitsOfWork } from '@loop/messaging';
import { cancelTimer } from '@loop/platform';
import { RequestsConfig } from '../../config/requests.config';
import { DuplicateFollowers } from '../../duplicate/application/duplicate-followers';
import { TicketActionForbiddenError, TicketNotFoundError } from '../domain/ticket.errors';
import { canView, speaksForResident, Viewer } from '../domain/ticket-visibility.policy';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import { callerActor, callerCause } from './cancel-ticket.handler';
import type { CommandOutcome } from './idempotent-requests';
import { ticketDecisions } from './ticket-metrics';
import { TicketStore } from './ticket-store';

/** Why the resident is not satisfied. */
export interface ReopenTicketCommand {
  reasonCode: TicketReopenReason;
  reasonText: string;
}

/** Sends a resolved or closed ticket back into dispatch, within the reopening window. */
@Injectable()
export class ReopenTicketHandler {
  constructor(
    private readonly units: UnitsOfWork,
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
    const outcome = await this.units.run(callerCause(caller), async (unit): Promise<CommandOutcome> => {
      // The auto-confirmation timer is taken before the ticket, in the same order as the timer poller
      // (timer, then ticket), so a confirmation racing the timer waits instead of deadlocking; a refused
      // action rolls the deletion back.
      await cancelTimer(unit.manager, autoConfirmTimerKind, ticketId);
      const tickets = new TicketStore(unit);
      const ticket = await tickets.lockById(ticketId);
      if (!ticket || !canView(caller, ticket.state)) throw new TicketNotFoundError(ticketId);
      if (!speaksForResident(caller, ticket.state)) throw new TicketActionForbiddenError('reopen');
      if (reservedEventId && (await tickets.hasRecorded(reservedEventId))) return 'done-before';
      ticket.reopen(unit.now, this.config.reopenWindowMs, command);
      const [reopened] = await tickets.save(ticket, {
        actor: callerActor(caller, ticket.state),
        eventId: reservedEventId,
      });
      // Duplicates waiting for confirmation go back into the loop with their master.
      await this.followers.follow(unit, ticket, unit.now, reopened);
      return 'done';
    });
    if (outcome === 'done') ticketDecisions().inc({ kind: 'reopened' });
    return outcome;
  }
}
