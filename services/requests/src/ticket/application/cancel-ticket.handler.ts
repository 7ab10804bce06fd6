import { Inject, Injectable } from '@nestjs/common';
import { buildEnvelope, TicketCancellationReason, ticketCancelledV1 } from '@loop/contracts';
import { cancelTimer, CLOCK, Clock, runTransaction } from '@loop/platform';
import { DataSource } from 'typeorm';
import { DuplicateFollowers } from '../../duplicate/application/duplicate-followers';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import {
  MasterHasDuplicatesError,
  TicketActionForbiddenError,
  TicketNotFoundError,
} from '../domain/ticket.errors';
import { actsForCommunity, canView, speaksForResident, Viewer } from '../domain/ticket-visibility.policy';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import { actionEventIds, envelopeContext } from './envelope-context';
import type { CommandOutcome } from './idempotent-requests';
import { TicketEventRecorder } from './ticket-event-recorder';
import { ticketDecisions } from './ticket-metrics';

/** Why the caller cancels. */
export interface CancelTicketCommand {
  reasonCode: TicketCancellationReason;
  reasonText?: string;
}

/** Cancels an open, unresolved ticket for its resident (or its filer, or the community's staff). */
@Injectable()
export class CancelTicketHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: TicketEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
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
    const outcome = await runTransaction(this.dataSource, async (manager): Promise<CommandOutcome> => {
      // The auto-confirmation timer is taken before the ticket, in the same order as the timer poller
      // (timer, then ticket), so a confirmation racing the timer waits instead of deadlocking; a refused
      // action rolls the deletion back.
      await cancelTimer(manager, autoConfirmTimerKind, ticketId);
      const repository = new TicketRepository(manager);
      const ticket = await repository.lockById(ticketId);
      if (!ticket || !canView(caller, ticket.state)) throw new TicketNotFoundError(ticketId);
      const state = ticket.state;
      const mayCancel =
        speaksForResident(caller, state) || state.filedBy.id === caller.id || actsForCommunity(caller, state);
      if (!mayCancel) throw new TicketActionForbiddenError('cancel');
      if (reservedEventId && (await repository.hasRecorded(reservedEventId))) return 'done-before';
      // Other residents' reports of the same problem follow this ticket: they are unmerged first.
      const duplicates = await this.followers.count(manager, ticketId);
      if (duplicates > 0) throw new MasterHasDuplicatesError(duplicates);
      const now = this.clock.now();
      ticket.cancel(now);
      await repository.save(ticket, now);
      const actorRole = actorRoleOf(caller, state);
      await this.events.publish(
        manager,
        buildEnvelope(
          ticketCancelledV1,
          {
            ticketId,
            reasonCode: command.reasonCode,
            ...(command.reasonText ? { reasonText: command.reasonText } : {}),
            cancelledAt: now.toISOString(),
          },
          envelopeContext({ role: actorRole, id: caller.id }, now, actionEventIds(reservedEventId, this.ids)),
        ),
      );
      return 'done';
    });
    if (outcome === 'done') ticketDecisions().inc({ kind: 'cancelled' });
    return outcome;
  }
}

/** The role the caller acted in on this ticket, for the event's actor. */
export function actorRoleOf(
  caller: Viewer,
  ticket: { residentId: string | null; filedBy: { role: string; id: string } },
): string {
  if (caller.roles.includes('resident') && ticket.residentId === caller.id) return 'resident';
  if (ticket.filedBy.id === caller.id && caller.roles.includes(ticket.filedBy.role))
    return ticket.filedBy.role;
  const preferred = ['staff', 'secretary', 'grid_worker', 'official', 'admin', 'resident'];
  return preferred.find((role) => caller.roles.includes(role)) ?? caller.roles[0];
}
