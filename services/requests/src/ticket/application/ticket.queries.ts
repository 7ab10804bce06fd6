import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@loop/platform';
import { DataSource } from 'typeorm';
import { TicketState } from '../domain/ticket.aggregate';
import { TicketNotFoundError } from '../domain/ticket.errors';
import type { TicketStatus } from '../domain/ticket-status';
import {
  ContactDisclosure,
  contactDisclosureFor,
  isAssigneeDisclosure,
} from '../domain/contact-disclosure.policy';
import { canView, canViewAsCommunity, Viewer } from '../domain/ticket-visibility.policy';
import { TicketRow, ticketColumns, toTicketState } from '../infrastructure/ticket.mapper';
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

/** A timeline row as `json_agg` returns it: instants as ISO text. */
interface TimelineJson {
  event_id: string;
  type: string;
  occurred_at: string;
  actor_role: string;
  actor_id: string;
  assignment_id: string | null;
  details: Record<string, unknown>;
  outcome: string;
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
    // The ticket and its timeline in one round trip: every command on a ticket is answered with this.
    const rows: Array<TicketRow & { timeline: TimelineJson[] }> = await this.dataSource.query(
      `SELECT ${ticketColumns},
              COALESCE((SELECT json_agg(e ORDER BY e.occurred_at, e.recorded_at, e.event_id)
                          FROM ticket_timeline_event e WHERE e.ticket_id = ticket.id), '[]'::json) AS timeline
         FROM ticket WHERE id = $1`,
      [id],
    );
    const ticket = visibleTo(viewer, id, rows[0]);
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
    const timeline = rows[0].timeline.map((entry) => ({
      eventId: entry.event_id,
      ticketId: id,
      type: entry.type,
      occurredAt: new Date(entry.occurred_at),
      actor: { role: entry.actor_role, id: entry.actor_id },
      assignmentId: entry.assignment_id ?? null,
      details: entry.details,
      outcome: entry.outcome,
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
    const rows: TicketRow[] = await this.dataSource.query(
      `SELECT ${ticketColumns} FROM ticket WHERE id = $1`,
      [id],
    );
    return visibleTo(viewer, id, rows[0]);
  }

  /** The resident's own tickets, newest first. */
  async mine(
    residentId: string,
    status: TicketStatus[] | undefined,
    cursor: string | undefined,
    limit: number,
  ): Promise<TicketPage> {
    const where = new Conditions();
    where.add(`resident_id = ${where.parameter(residentId)}`);
    if (status?.length) where.add(`status = ANY(${where.parameter(status)}::varchar[])`);
    return this.page(where, cursor, limit);
  }

  /** Tickets in the viewer's scope matching the filters, newest first. */
  async search(viewer: Viewer, filters: TicketSearch, now: Date): Promise<TicketPage> {
    const where = new Conditions();
    restrictToScope(where, viewer);
    if (filters.status?.length) where.add(`status = ANY(${where.parameter(filters.status)}::varchar[])`);
    if (filters.categoryCode) where.add(`category_code = ${where.parameter(filters.categoryCode)}`);
    if (filters.communityId) where.add(`community_id = ${where.parameter(filters.communityId)}`);
    if (filters.gridId) where.add(`grid_id = ${where.parameter(filters.gridId)}`);
    if (filters.urgency) where.add(`urgency = ${where.parameter(filters.urgency)}`);
    if (filters.rating !== undefined) where.add(`rating = ${where.parameter(filters.rating)}`);
    if (filters.escalated !== undefined)
      where.add(filters.escalated ? 'escalation_level > 0' : 'escalation_level = 0');
    if (filters.overdue !== undefined) {
      const at = where.parameter(now);
      where.add(
        filters.overdue
          ? `next_deadline_at < ${at} AND status NOT IN ('closed', 'cancelled')`
          : `(next_deadline_at IS NULL OR next_deadline_at >= ${at} OR status IN ('closed', 'cancelled'))`,
      );
    }
    if (filters.text) {
      const pattern = where.parameter(`%${filters.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.add(
        `(title ILIKE ${pattern} OR description ILIKE ${pattern} OR number ILIKE ${pattern} OR address ILIKE ${pattern})`,
      );
    }
    return this.page(where, filters.cursor, filters.limit);
  }

  private async page(where: Conditions, cursor: string | undefined, limit: number): Promise<TicketPage> {
    if (cursor) {
      const position = decodeCursor(cursor);
      where.add(
        `(submitted_at, id) < (${where.parameter(position.submittedAt)}, ${where.parameter(position.id)})`,
      );
    }
    const rows: TicketRow[] = await this.dataSource.query(
      `SELECT ${ticketColumns} FROM ticket WHERE ${where.sql()}
       ORDER BY submitted_at DESC, id DESC LIMIT ${where.parameter(limit + 1)}`,
      where.parameters,
    );
    const items = rows.slice(0, limit).map(toTicketState);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null,
    };
  }
}

/** AND-ed conditions of a WHERE clause and their numbered parameters. */
class Conditions {
  readonly parameters: unknown[] = [];
  private readonly clauses: string[] = [];

  /** The placeholder (`$n`) of a new parameter. */
  parameter(value: unknown): string {
    return `$${this.parameters.push(value)}`;
  }

  add(clause: string): void {
    this.clauses.push(clause);
  }

  sql(): string {
    return this.clauses.length ? this.clauses.map((clause) => `(${clause})`).join(' AND ') : 'true';
  }
}

// Staff, secretaries and officials read their communities; grid workers their grids and what they filed.
function restrictToScope(where: Conditions, viewer: Viewer): void {
  if (viewer.roles.includes('admin')) return;
  const clauses: string[] = [];
  const readsCommunities = ['staff', 'secretary', 'official'].some((role) => viewer.roles.includes(role));
  if (readsCommunities && viewer.communityIds.length)
    clauses.push(`community_id = ANY(${where.parameter(viewer.communityIds)}::uuid[])`);
  if (viewer.roles.includes('grid_worker')) {
    clauses.push(`filed_by_id = ${where.parameter(viewer.id)}`);
    if (viewer.gridIds.length) clauses.push(`grid_id = ANY(${where.parameter(viewer.gridIds)}::uuid[])`);
  }
  where.add(clauses.length ? clauses.join(' OR ') : 'false');
}

/** The ticket of `row` if the viewer may see it; a ticket they may not see is as missing as none (404). */
function visibleTo(viewer: Viewer, id: string, row: TicketRow | undefined): TicketState {
  const ticket = row && toTicketState(row);
  if (!ticket || !canView(viewer, ticket)) throw new TicketNotFoundError(id);
  return ticket;
}
