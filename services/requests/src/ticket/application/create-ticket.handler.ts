import { Inject, Injectable } from '@nestjs/common';
import { ticketCategory } from '@loop/contracts';
import { requestCause, UnitsOfWork } from '@loop/messaging';
import { CLOCK, Clock } from '@loop/platform';
import { DataSource } from 'typeorm';
import { AttachmentReader } from '../../attachment/application/attachment-reader.port';
import { AttachmentNotUploadedError } from '../../attachment/domain/attachment.errors';
import { RequestsConfig } from '../../config/requests.config';
import { DuplicateProposals } from '../../duplicate/application/duplicate-proposals';
import { PlaceLookup } from '../../place/application/place-lookup.port';
import { placeTicket } from '../../place/domain/ticket-place.policy';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';
import {
  AttachmentReference,
  ResidentContact,
  Ticket,
  TicketLocation,
  TicketState,
} from '../domain/ticket.aggregate';
import { CategoryNotAvailableError } from '../domain/ticket.errors';
import { decideFiling, FilingRequest } from '../domain/ticket-filing.policy';
import { numberingYear } from '../domain/ticket-number';
import type { Viewer } from '../domain/ticket-visibility.policy';
import { allocateTicketNumber } from '../infrastructure/ticket-number.allocator';
import { TicketRepository } from '../infrastructure/ticket.typeorm-repository';
import type { CommandOutcome } from './idempotent-requests';
import { ticketsSubmitted } from './ticket-metrics';
import { TicketStore } from './ticket-store';

/** What the caller submits. */
export interface CreateTicketCommand {
  residentId?: string | null;
  source?: FilingRequest['source'];
  categoryCode: string;
  urgency: TicketState['urgency'];
  title: string;
  description: string;
  location: TicketLocation;
  contact?: ResidentContact;
  attachments?: AttachmentReference[];
}

/** Submits a ticket: numbers it, stores it, starts its timeline and publishes ticket.submitted. */
@Injectable()
export class CreateTicketHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsOfWork,
    private readonly places: PlaceLookup,
    private readonly photos: AttachmentReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(RequestsConfig) private readonly config: RequestsConfig,
    private readonly duplicates: DuplicateProposals,
  ) {}

  /**
   * Creates the ticket under a new id, or under the id reserved for it by an Idempotency-Key; returns
   * its id, and whether this call created it or an earlier attempt under the same key had.
   */
  async execute(
    caller: Viewer,
    command: CreateTicketCommand,
    reservedId?: string,
  ): Promise<{ ticketId: string; outcome: CommandOutcome }> {
    if (!ticketCategory(command.categoryCode)?.active)
      throw new CategoryNotAvailableError(command.categoryCode);
    const filing = decideFiling(caller, {
      residentId: command.residentId,
      source: command.source,
      communityId: command.location.communityId,
      gridId: command.location.gridId,
    });
    // Checked against the directory before a number is taken, so a refused location leaves no gap.
    const residentFiling = filing.filedBy.role === 'resident' ? filing.filedBy.id : null;
    const known = await this.places.lookUp(this.dataSource.manager, command.location, residentFiling);
    const location: TicketLocation = {
      ...command.location,
      ...placeTicket(command.location, known, residentFiling),
    };
    const attachments = await this.uploaded(command.attachments ?? []);
    const ticketId = reservedId ?? this.ids();
    // An earlier attempt may have committed without hearing so; looked for before a number is taken,
    // so that finding it leaves no gap in the numbers.
    if (reservedId && (await new TicketRepository(this.dataSource.manager).exists(reservedId)))
      return { ticketId, outcome: 'done-before' };
    // Taken in its own statement before the transaction, so the counter row is locked only for that
    // statement; if the submission then fails, the number stays unused (ADR 0010).
    const number = await allocateTicketNumber(
      this.dataSource.manager,
      this.config.DISTRICT_CODE,
      numberingYear(this.clock.now()),
    );
    const cause = requestCause(filing.filedBy.role, filing.filedBy.id);
    const outcome = await this.units.run(cause, async (unit): Promise<CommandOutcome> => {
      const ticket = Ticket.submit({
        id: ticketId,
        number,
        residentId: filing.residentId,
        filedBy: filing.filedBy,
        source: filing.source,
        categoryCode: command.categoryCode,
        urgency: command.urgency,
        title: command.title,
        description: command.description,
        location,
        contact: command.contact ?? null,
        attachments,
        submittedAt: unit.now,
      });
      if (!(await new TicketStore(unit).add(ticket))) return 'done-before';
      // The same problem reported before in the same place: proposed to staff, or merged at once when
      // the community's auto-merge is on and the match is exact (ADR 0016).
      await this.duplicates.proposeFor(unit, ticket, true);
      return 'done';
    });
    if (outcome === 'done') ticketsSubmitted().inc({ source: filing.source, urgency: command.urgency });
    return { ticketId, outcome };
  }

  /** The photos as stored (type and size as uploaded); 422 for one that was never uploaded. */
  private async uploaded(named: readonly AttachmentReference[]): Promise<AttachmentReference[]> {
    const stored = new Map(
      (
        await this.photos.describe(
          this.dataSource.manager,
          named.map((photo) => photo.sha256),
        )
      ).map((photo) => [photo.sha256, photo]),
    );
    return named.map((photo) => {
      const found = stored.get(photo.sha256);
      if (!found) throw new AttachmentNotUploadedError(photo.sha256);
      return { name: photo.name, type: found.type, size: found.size, sha256: found.sha256 };
    });
  }
}
