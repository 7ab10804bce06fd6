import { Injectable } from '@nestjs/common';
import { ActorRole, TicketCancellationReason } from '@loop/contracts';
import { Actor, Cause, requestCause, UnitsOfWork } from '@loop/messaging';
import { cancelTimer } from '@loop/platform';
import { DuplicateFollowers } from '../../duplicate/application/duplicate-followers';
import {
  MasterHasDuplicatesError,
  TicketActionForbiddenError,
  TicketNotFoundError,
} from '../domain/ticket.errors';
import { actsForCommunity, canView, speaksForResident, Viewer } from '../domain/ticket-visibility.policy';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import type { CommandOutcome } from './idempotent-requests';
import { ticketDecisions } from './ticket-metrics';
import { TicketStore } from './ticket-store';

/** Why the caller cancels. */
export interface CancelTicketCommand {
  reasonCode: TicketCancellationReason;
  reasonText?: string;
}

/** Cancels an open, unresolved ticket for its resident (or its filer, or the community's staff). */
@Injectable()
export class CancelTicketHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly followers: DuplicateFollowers,
  ) {}

  /**
   * Cancels the ticket and publishes ticket.cancelled; with the event id reserved under an
   * Idempotency-Key, says instead when an earlier attempt under the key did.
   */
  async execute(
    caller: Viewer,
    ticketId: string,
    command: CancelTicketCommand,
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
      const state = ticket.state;
      const mayCancel =
        speaksForResident(caller, state) || state.filedBy.id === caller.id || actsForCommunity(caller, state);
      if (!mayCancel) throw new TicketActionForbiddenError('cancel');
      if (reservedEventId && (await tickets.hasRecorded(reservedEventId))) return 'done-before';
      // Other residents' reports of the same problem follow this ticket: they are unmerged first.
      const duplicates = await this.followers.count(unit, ticket);
      if (duplicates > 0) throw new MasterHasDuplicatesError(duplicates);
      ticket.cancel(unit.now, { reasonCode: command.reasonCode, reasonText: command.reasonText });
      await tickets.save(ticket, { actor: callerActor(caller, state), eventId: reservedEventId });
      return 'done';
    });
    if (outcome === 'done') ticketDecisions().inc({ kind: 'cancelled' });
    return outcome;
  }
}

/** The role the caller acted in on this ticket (or, with none, in general), for the event's actor. */
export function actorRoleOf(
  caller: Viewer,
  ticket?: { residentId: string | null; filedBy: { role: string; id: string } },
): string {
  if (ticket && caller.roles.includes('resident') && ticket.residentId === caller.id) return 'resident';
  if (ticket && ticket.filedBy.id === caller.id && caller.roles.includes(ticket.filedBy.role))
    return ticket.filedBy.role;
  const preferred = ['staff', 'secretary', 'grid_worker', 'official', 'admin', 'resident'];
  return preferred.find((role) => caller.roles.includes(role)) ?? caller.roles[0];
}

/** The caller as the actor of what they did to this ticket. */
export function callerActor(
  caller: Viewer,
  ticket: { residentId: string | null; filedBy: { role: string; id: string } },
): Actor {
  return { role: actorRoleOf(caller, ticket) as ActorRole, id: caller.id };
}

/**
 * The cause of a caller's command, in the role they usually act in; the role they acted in on a
 * particular ticket is given to its events (`callerActor`) once the ticket is loaded.
 */
export function callerCause(caller: Viewer): Cause {
  return requestCause(actorRoleOf(caller) as ActorRole, caller.id);
}
