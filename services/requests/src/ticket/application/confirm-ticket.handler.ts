import { Injectable } from '@nestjs/common';
import { UnitsOfWork } from '@loop/messaging';
import { cancelTimer } from '@loop/platform';
import { DuplicateFollowers } from '../../duplicate/application/duplicate-followers';
import {
  OwnFilingVerdictError,
  TicketActionForbiddenError,
  TicketNotFoundError,
} from '../domain/ticket.errors';
import { canView, mayGiveVerdict, VerdictSource, Viewer } from '../domain/ticket-visibility.policy';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import { callerActor, callerCause } from './cancel-ticket.handler';
import type { CommandOutcome } from './idempotent-requests';
import { ticketDecisions } from './ticket-metrics';
import { TicketStore } from './ticket-store';

/** The resident's verdict on the work, given in the app or to staff calling back. */
export interface ConfirmTicketCommand {
  rating: number;
  comment?: string;
  /** `resident` when the resident confirms, `callback` when staff record what the resident said (回访). */
  source: VerdictSource;
}

/**
 * Closes a resolved ticket with the resident's rating — their own, or taken by staff on a callback —
 * and the member's hours are then credited. Whoever filed the ticket never gives the verdict.
 */
@Injectable()
export class ConfirmTicketHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly followers: DuplicateFollowers,
  ) {}

  /**
   * Confirms the ticket, stops the auto-confirmation timer and publishes ticket.confirmed; with the
   * event id reserved under an Idempotency-Key, says instead when an earlier attempt under the key did.
   */
  async execute(
    caller: Viewer,
    ticketId: string,
    command: ConfirmTicketCommand,
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
      if (!mayGiveVerdict(caller, ticket.state, command.source)) {
        if (ticket.state.filedBy.id === caller.id) throw new OwnFilingVerdictError();
        throw new TicketActionForbiddenError(
          command.source === 'callback' ? 'record a callback on' : 'confirm',
        );
      }
      if (reservedEventId && (await tickets.hasRecorded(reservedEventId))) return 'done-before';
      ticket.confirm(command.rating, command.comment ?? null, unit.now, command.source);
      await tickets.save(ticket, { actor: callerActor(caller, ticket.state), eventId: reservedEventId });
      // The master's closure closes its duplicates still waiting for their residents.
      await this.followers.follow(unit, ticket, unit.now);
      return 'done';
    });
    if (outcome === 'done') ticketDecisions().inc({ kind: 'confirmed' });
    return outcome;
  }
}
