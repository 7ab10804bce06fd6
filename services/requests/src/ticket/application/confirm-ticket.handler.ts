import { Inject, Injectable } from '@nestjs/common';
import { buildEnvelope, ticketConfirmedV1 } from '@loop/contracts';
import { cancelTimer, CLOCK, Clock, runTransaction } from '@loop/platform';
import { DataSource } from 'typeorm';
import { DuplicateFollowers } from '../../duplicate/application/duplicate-followers';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import {
  OwnFilingVerdictError,
  TicketActionForbiddenError,
  TicketNotFoundError,
} from '../domain/ticket.errors';
import { canView, mayGiveVerdict, VerdictSource, Viewer } from '../domain/ticket-visibility.policy';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';
import { autoConfirmTimerKind } from './auto-confirm.timer-handler';
import { actorRoleOf } from './cancel-ticket.handler';
import { actionEventIds, envelopeContext } from './envelope-context';
import type { CommandOutcome } from './idempotent-requests';
import { TicketEventRecorder } from './ticket-event-recorder';
import { ticketDecisions } from './ticket-metrics';

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
    private readonly dataSource: DataSource,
    private readonly events: TicketEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
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
    const outcome = await runTransaction(this.dataSource, async (manager): Promise<CommandOutcome> => {
      // The auto-confirmation timer is taken before the ticket, in the same order as the timer poller
      // (timer, then ticket), so a confirmation racing the timer waits instead of deadlocking; a refused
      // action rolls the deletion back.
      await cancelTimer(manager, autoConfirmTimerKind, ticketId);
      const repository = new TicketRepository(manager);
      const ticket = await repository.lockById(ticketId);
      if (!ticket || !canView(caller, ticket.state)) throw new TicketNotFoundError(ticketId);
      if (!mayGiveVerdict(caller, ticket.state, command.source)) {
        if (ticket.state.filedBy.id === caller.id) throw new OwnFilingVerdictError();
        throw new TicketActionForbiddenError(
          command.source === 'callback' ? 'record a callback on' : 'confirm',
        );
      }
      if (reservedEventId && (await repository.hasRecorded(reservedEventId))) return 'done-before';
      const now = this.clock.now();
      const assignmentId = ticket.confirm(command.rating, command.comment ?? null, now);
      await repository.save(ticket, now);
      await this.events.publish(
        manager,
        buildEnvelope(
          ticketConfirmedV1,
          {
            ticketId,
            assignmentId,
            rating: command.rating,
            auto: false,
            confirmedBy: command.source,
            // A merged duplicate's verdict is its resident's own; only the master's credits hours.
            ...(ticket.mergedInto ? { duplicateOf: ticket.mergedInto } : {}),
            confirmedAt: now.toISOString(),
          },
          envelopeContext(
            { role: actorRoleOf(caller, ticket.state), id: caller.id },
            now,
            actionEventIds(reservedEventId, this.ids),
          ),
        ),
      );
      // The master's closure closes its duplicates still waiting for their residents.
      await this.followers.follow(manager, ticket, now);
      return 'done';
    });
    if (outcome === 'done') ticketDecisions().inc({ kind: 'confirmed' });
    return outcome;
  }
}
