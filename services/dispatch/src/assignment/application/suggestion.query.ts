import { Injectable } from '@nestjs/common';
import { ticketCategory } from '@loop/contracts';
import { DataSource } from 'typeorm';
import { DispatchCaseNotFoundError, OutsideYourScopeError } from '../domain/assignment.errors';
import { RankedCandidate } from '../domain/candidate-ranking';
import { mayManageCase, ScopeActor } from '../domain/dispatch-scope.policy';
import { DispatchCaseRepository } from '../infrastructure/dispatch-case.typeorm-repository';
import { AssignmentDirectory } from './assignment-directory';
import { OfferWorkflow } from './offer-workflow';

/** Ranked candidates for a ticket, and the property company that may take it instead. */
export interface Suggestion {
  ticketId: string;
  candidates: RankedCandidate[];
  propertyCompany: { id: string } | null;
}

/** What staff see before dispatching by hand. */
@Injectable()
export class SuggestionQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: DispatchCaseRepository,
    private readonly directory: AssignmentDirectory,
    private readonly workflow: OfferWorkflow,
  ) {}

  /** The suggestion for the ticket, for someone who may dispatch it. */
  async suggest(actor: ScopeActor, ticketId: string): Promise<Suggestion> {
    const manager = this.dataSource.manager;
    const dispatchCase = await this.cases.find(manager, ticketId);
    if (!dispatchCase) throw new DispatchCaseNotFoundError(ticketId);
    const s = dispatchCase.snapshot();
    if (!mayManageCase(actor, s)) throw new OutsideYourScopeError();
    const propertyCompany = ticketCategory(s.categoryCode)?.propertyCompanyAssignable
      ? await this.directory.propertyCompanyFor(s.compoundId)
      : null;
    return { ticketId, candidates: await this.workflow.rank(manager, dispatchCase), propertyCompany };
  }
}
