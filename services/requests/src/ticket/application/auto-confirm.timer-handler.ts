import { Injectable } from '@nestjs/common';
import { systemCause, UnitOfWork, UnitsOfWork } from '@loop/messaging';
import { DueTimer, TimerHandler } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { DuplicateFollowers } from '../../duplicate/application/duplicate-followers';
import { ticketDecisions } from './ticket-metrics';
import { TicketStore } from './ticket-store';

/** Timer kind of the auto-confirmation of a resolved ticket; the timer key is the ticket id. */
export const autoConfirmTimerKind = 'requests.auto-confirm';

/** The actor of automatic confirmations. */
export const autoConfirmActor = { role: 'system', id: 'auto-confirm' } as const;

/** Closes a resolved ticket its resident did not confirm within AUTO_CONFIRM_AFTER. */
@Injectable()
export class AutoConfirmTimerHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly followers: DuplicateFollowers,
  ) {}

  /** Runs in the transaction that deletes the timer: the confirmation and its event commit with it. */
  @TimerHandler(autoConfirmTimerKind)
  async onAutoConfirmDue(timer: DueTimer, manager: EntityManager): Promise<void> {
    const confirmed = await this.units.within(manager, systemCause(autoConfirmActor.id), (unit) =>
      this.autoConfirm(unit, timer),
    );
    // Counted before the commit: a rolled-back firing is retried and counted again, which is rare.
    if (confirmed) ticketDecisions().inc({ kind: 'auto_confirmed' });
  }

  private async autoConfirm(unit: UnitOfWork, timer: DueTimer): Promise<boolean> {
    const tickets = new TicketStore(unit);
    const ticket = await tickets.lockById(timer.key);
    // An out-of-date timer (confirmed, reopened or re-resolved since) simply expires.
    if (!ticket?.autoConfirm(String(timer.payload.assignmentId), unit.now)) return false;
    await tickets.save(ticket);
    // The master's closure closes its duplicates still waiting for their residents.
    await this.followers.follow(unit, ticket, unit.now);
    return true;
  }
}
