// The completion gate of the assignment slice, answered by the summonses: a ticket's work cannot be
// reported done while a summoned department has neither reported nor been released (ADR 0026).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompletionGate } from '../../assignment/application/completion-gate';
import { ensureNoSummonsOutstanding } from '../domain/summons.aggregate';
import { SummonsRepository } from '../infrastructure/summons.typeorm-repository';

/** Refuses completion while any summons of the ticket is outstanding. */
@Injectable()
export class SummonsCompletionGate extends CompletionGate {
  constructor(private readonly summonses: SummonsRepository) {
    super();
  }

  async ensureCompletable(manager: EntityManager, ticketId: string): Promise<void> {
    ensureNoSummonsOutstanding(ticketId, await this.summonses.ofTicket(manager, ticketId));
  }
}
