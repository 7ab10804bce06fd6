import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@loop/platform';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { TicketState } from '../domain/ticket.aggregate';
import { TicketNotFoundError } from '../domain/ticket.errors';
import type { TicketStatus } from '../domain/ticket-status';
import {
  ContactDisclosure,
  contactDisclosureFor,
  isAssigneeDisclosure,
} from '../domain/contact-disclosure.policy';
import { canView, canViewAsCommunity, Viewer } from '../domain/ticket-visibility.policy';
import { toTicketState } from '../infrastructure/ticket.mapper';
import { TicketOrmEntity } from '../infrastructure/ticket.orm-entity';
import { TimelineEntry } from '../infrastructure/ticket.typeorm-repository';
import { decodeCursor, encodeCursor } from './ticket-cursor';

/** One page of tickets and where the next begins. */
export interface TicketPage {
  items: TicketState[];
  nextCursor: string | null;
}

/** Filters of the staff and officials' search. */
export interface TicketSearch {
  status?: TicketStatus[];
  categoryCode?: string;
  communityId?: string;
  gridId?: string;
  urgency?: string;
  overdue?: boolean;
  escalated?: boolean;
  rating?: number;
  text?: string;
  cursor?: string;
  limit: number;
}

/** A ticket as one viewer may read it. */
export interface TicketReading {
  ticket: TicketState;
  timeline: TimelineEntry[];
  /** How much of the resident's contact this viewer reads. */
  contact: ContactDisclosure;
}

/** One read of a resident's full contact by the ticket's assignee. */
export interface ContactRead {
  readerId: string;
  readerRole: string;
  assignmentId: string | null;
  readAt: Date;
}

/** Reads tickets for the people allowed to see them. */
@Injectable()
export class TicketQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A ticket and its whole timeline, if the viewer may see it (404 otherwise), with how much of the
   * contact they read. An assignee's read of the full contact is recorded before it is answered.
   */
  async detail(viewer: Viewer, id: string): Promise<TicketReading> {
    const ticket = await this.visibleTicket(viewer, id);
    const contact = contactDisclosureFor(viewer, ticket);
    if (ticket.contact && isAssigneeDisclosure(viewer, ticket)) {
      await this.dataSource.query(
        `INSERT INTO ticket_contact_read (ticket_id, reader_id, reader_role, assignment_id, read_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          id,
          viewer.id,
          ticket.assignment?.assignee.kind ?? 'member',
          ticket.assignment?.id ?? null,
          this.clock.now(),
        ],
      );
    }
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT * FROM ticket_timeline_event WHERE ticket_id = $1 ORDER BY occurred_at, recorded_at, event_id`,
      [id],
    );
    const timeline = rows.map((entry) => ({
      eventId: entry.event_id as string,
      ticketId: id,
      type: entry.type as string,
      occurredAt: entry.occurred_at as Date,
      actor: { role: entry.actor_role as string, id: entry.actor_id as string },
      assignmentId: (entry.assignment_id as string | null) ?? null,
      details: entry.details as Record<string, unknown>,
      outcome: entry.outcome as string,
    }));
    return { ticket, timeline, contact };
  }

  /** Every read of the ticket's full contact by an assignee, oldest first (staff of its community, admin). */
  async contactReads(viewer: Viewer, id: string): Promise<ContactRead[]> {
    const ticket = await this.visibleTicket(viewer, id);
    if (!canViewAsCommunity(viewer, ticket)) throw new TicketNotFoundError(id);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT reader_id, reader_role, assignment_id, read_at FROM ticket_contact_read
        WHERE ticket_id = $1 ORDER BY read_at, id`,
      [id],
    );
    return rows.map((row) => ({
      readerId: row.reader_id as string,
      readerRole: row.reader_role as string,
      assignmentId: (row.assignment_id as string | null) ?? null,
      readAt: row.read_at as Date,
    }));
  }

  private async visibleTicket(viewer: Viewer, id: string): Promise<TicketState> {
    const row = await this.dataSource.getRepository(TicketOrmEntity).findOne({ where: { id } });
    if (!row) throw new TicketNotFoundError(id);
    const ticket = toTicketState(row);
    if (!canView(viewer, ticket)) throw new TicketNotFoundError(id);
    return ticket;
  }

  /** The resident's own tickets, newest first. */
  async mine(
    residentId: string,
    status: TicketStatus[] | undefined,
    cursor: string | undefined,
    limit: number,
  ): Promise<TicketPage> {
    const query = this.base().where('t.resident_id = :residentId', { residentId });
    if (status?.length) query.andWhere('t.status IN (:...status)', { status });
    return this.page(query, cursor, limit);
  }

  /** Tickets in the viewer's scope matching the filters, newest first. */
  async search(viewer: Viewer, filters: TicketSearch, now: Date): Promise<TicketPage> {
    const query = this.base();
    restrictToScope(query, viewer);
    if (filters.status?.length) query.andWhere('t.status IN (:...status)', { status: filters.status });
    if (filters.categoryCode)
      query.andWhere('t.category_code = :categoryCode', { categoryCode: filters.categoryCode });
    if (filters.communityId)
      query.andWhere('t.community_id = :communityId', { communityId: filters.communityId });
    if (filters.gridId) query.andWhere('t.grid_id = :gridId', { gridId: filters.gridId });
    if (filters.urgency) query.andWhere('t.urgency = :urgency', { urgency: filters.urgency });
    if (filters.rating !== undefined) query.andWhere('t.rating = :rating', { rating: filters.rating });
    if (filters.escalated !== undefined)
      query.andWhere(filters.escalated ? 't.escalation_level > 0' : 't.escalation_level = 0');
    if (filters.overdue !== undefined) {
      query.andWhere(
        filters.overdue
          ? `t.next_deadline_at < :now AND t.status NOT IN ('closed', 'cancelled')`
          : `(t.next_deadline_at IS NULL OR t.next_deadline_at >= :now OR t.status IN ('closed', 'cancelled'))`,
        { now },
      );
    }
    if (filters.text) {
      const pattern = `%${filters.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        '(t.title ILIKE :pattern OR t.description ILIKE :pattern OR t.number ILIKE :pattern OR t.address ILIKE :pattern)',
        { pattern },
      );
    }
    return this.page(query, filters.cursor, filters.limit);
  }

  private base(): SelectQueryBuilder<TicketOrmEntity> {
    return this.dataSource.getRepository(TicketOrmEntity).createQueryBuilder('t');
  }

  private async page(
    query: SelectQueryBuilder<TicketOrmEntity>,
    cursor: string | undefined,
    limit: number,
  ): Promise<TicketPage> {
    if (cursor) {
      const position = decodeCursor(cursor);
      query.andWhere('(t.submitted_at, t.id) < (:at, :id)', { at: position.submittedAt, id: position.id });
    }
    const rows = await query
      .orderBy('t.submitted_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit).map(toTicketState);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null,
    };
  }
}

// Staff, secretaries and officials read their communities; grid workers their grids and what they filed.
function restrictToScope(query: SelectQueryBuilder<TicketOrmEntity>, viewer: Viewer): void {
  if (viewer.roles.includes('admin')) return;
  const clauses: string[] = [];
  const readsCommunities = ['staff', 'secretary', 'official'].some((role) => viewer.roles.includes(role));
  if (readsCommunities && viewer.communityIds.length)
    clauses.push('t.community_id IN (:...scopeCommunities)');
  if (viewer.roles.includes('grid_worker')) {
    clauses.push('t.filed_by_id = :scopeFiler');
    if (viewer.gridIds.length) clauses.push('t.grid_id IN (:...scopeGrids)');
  }
  query.andWhere(clauses.length ? `(${clauses.join(' OR ')})` : 'false', {
    scopeCommunities: viewer.communityIds,
    scopeGrids: viewer.gridIds,
    scopeFiler: viewer.id,
  });
}
