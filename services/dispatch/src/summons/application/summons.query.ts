// Reads of summonses: a ticket's, for the staff who follow it, and a department's open ones, for its
// unit admin's list.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DispatchCases } from '../../assignment/application/dispatch-cases.port';
import { DispatchCaseNotFoundError } from '../../assignment/domain/assignment.errors';
import { SummonsState } from '../domain/summons.aggregate';
import { OutsideSummonsScopeError } from '../domain/summons.errors';
import { mayReadSummonses, SummonsScopeActor } from '../domain/summons-scope.policy';
import { SummonedTicket, SummonsRepository } from '../infrastructure/summons.typeorm-repository';

/** An open summons of a department with the facts of its ticket a department needs to find it. */
export interface DepartmentSummons {
  summons: SummonsState;
  ticket: SummonedTicket;
}

/** The most open summonses a department's list shows. */
export const departmentListLimit = 200;

/** Summonses of a ticket and of a department. */
@Injectable()
export class SummonsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: DispatchCases,
    private readonly summonses: SummonsRepository,
  ) {}

  /** Every summons of the ticket, oldest first; for its community's staff, secretary, officials and the admin. */
  async ofTicket(ticketId: string, actor: SummonsScopeActor): Promise<SummonsState[]> {
    const manager = this.dataSource.manager;
    const dispatchCase = await this.cases.find(manager, ticketId);
    if (!dispatchCase) throw new DispatchCaseNotFoundError(ticketId);
    if (!mayReadSummonses(actor, dispatchCase.communityId)) throw new OutsideSummonsScopeError();
    return (await this.summonses.ofTicket(manager, ticketId)).map((summons) => summons.snapshot());
  }

  /** Every summons of the ticket, for a caller whose scope over the ticket was already checked. */
  async ofTicketInScope(ticketId: string): Promise<SummonsState[]> {
    return (await this.summonses.ofTicket(this.dataSource.manager, ticketId)).map((summons) =>
      summons.snapshot(),
    );
  }

  /**
   * The department's open summonses (not reported, not released), nearest arrival deadline first, with
   * their tickets' number, category and place.
   */
  async openOfDepartment(departmentId: string | undefined): Promise<DepartmentSummons[]> {
    if (!departmentId) return [];
    const open = await this.summonses.openOfDepartment(
      this.dataSource.manager,
      departmentId,
      departmentListLimit,
    );
    return open.map(({ summons, ticket }) => ({ summons: summons.snapshot(), ticket }));
  }
}
