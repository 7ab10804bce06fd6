import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@loop/platform';
import { DataSource } from 'typeorm';
import { RequestsConfig } from '../../config/requests.config';
import { TicketReader } from '../../ticket/application/ticket-reader.port';
import { TicketNotFoundError } from '../../ticket/domain/ticket.errors';
import { actsForCommunity, canViewAsCommunity, Viewer } from '../../ticket/domain/ticket-visibility.policy';
import { DuplicateActionForbiddenError } from '../domain/duplicate.errors';
import {
  DuplicateRepository,
  DuplicateSettings,
  DuplicateSettingsRepository,
  ProposalView,
} from '../infrastructure/duplicate.typeorm-repository';

/** A ticket's place among duplicate reports: its master, its merged duplicates, the proposals naming it. */
export interface TicketDuplicates {
  ticketId: string;
  mergedInto: { ticketId: string; ticketNumber: string } | null;
  duplicates: Array<{ ticketId: string; ticketNumber: string; status: string; submittedAt: Date }>;
  proposals: ProposalView[];
}

/** Reads proposals and settings for the community's staff; writes the settings. */
@Injectable()
export class DuplicateQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketReader,
    @Inject(RequestsConfig) private readonly config: RequestsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Open proposals in the caller's communities (any community for an admin), newest first. */
  async openProposals(
    caller: Viewer,
    communityId: string | undefined,
    limit: number,
  ): Promise<ProposalView[]> {
    const admin = caller.roles.includes('admin');
    if (communityId && !admin && !caller.communityIds.includes(communityId))
      throw new DuplicateActionForbiddenError();
    const scope = communityId ? [communityId] : admin ? null : [...caller.communityIds];
    return new DuplicateRepository(this.dataSource.manager).openProposals(scope, limit);
  }

  /** The ticket's master, duplicates and proposals, for staff, secretaries and officials of its community. */
  async ofTicket(caller: Viewer, ticketId: string): Promise<TicketDuplicates> {
    const manager = this.dataSource.manager;
    const ticket = await this.tickets.byId(manager, ticketId);
    if (!ticket || !canViewAsCommunity(caller, ticket)) throw new TicketNotFoundError(ticketId);
    const repository = new DuplicateRepository(manager);
    const masters: Array<{ id: string; number: string }> = ticket.mergedInto
      ? await manager.query(`SELECT id, number FROM ticket WHERE id = $1`, [ticket.mergedInto])
      : [];
    const master = masters[0];
    return {
      ticketId,
      mergedInto: master ? { ticketId: master.id, ticketNumber: master.number } : null,
      duplicates: await repository.mergedInto(ticketId),
      proposals: await repository.proposalsNaming(ticketId),
    };
  }

  /** The community's duplicate settings (the defaults until staff set them). */
  async settings(caller: Viewer, communityId: string): Promise<DuplicateSettings> {
    this.requireCommunity(caller, communityId);
    return new DuplicateSettingsRepository(this.dataSource.manager).of(communityId, {
      windowHours: this.config.duplicateWindowHours,
    });
  }

  /** Sets the community's window and auto-merge switch. */
  async putSettings(
    caller: Viewer,
    communityId: string,
    settings: { windowHours: number; autoMerge: boolean },
  ): Promise<DuplicateSettings> {
    this.requireCommunity(caller, communityId);
    const repository = new DuplicateSettingsRepository(this.dataSource.manager);
    await repository.put({ communityId, ...settings }, caller.id, this.clock.now());
    return repository.of(communityId, { windowHours: this.config.duplicateWindowHours });
  }

  private requireCommunity(caller: Viewer, communityId: string): void {
    const scoped = { residentId: null, filedBy: { id: '' }, location: { communityId, gridId: '' } };
    if (!actsForCommunity(caller, scoped)) throw new DuplicateActionForbiddenError();
  }
}
