// Summonses in PostgreSQL. Commands on a ticket's summonses run under the ticket's dispatch-case lock
// (taken by the handler), so a check-in, a release and the member's completion are serialised; the
// version column guards a save that was not preceded by that lock.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CasePlaceRow,
  casePlaceColumns,
  casePlaceJoins,
  casePlaceOf,
  TaskPlace,
} from '../../shared/case-place.sql';
import { Summons, SummonsState, SummonsStatus } from '../domain/summons.aggregate';

/** A row of summons as the pg driver returns it. */
interface SummonsRow {
  id: string;
  ticket_id: string;
  community_id: string;
  department_id: string;
  department_label: string;
  admin_ids: string[];
  reason: string;
  urgency: string;
  status: SummonsStatus;
  issued_by_role: string;
  issued_by_id: string;
  issued_at: Date;
  arrive_due_at: Date;
  checked_in_at: Date | null;
  checked_in_by: string | null;
  report: string | null;
  reported_at: Date | null;
  release_reason: string | null;
  released_at: Date | null;
  escalation_level: number;
  escalated_to_role: string | null;
  escalated_to_id: string | null;
  escalated_at: Date | null;
  version: number;
}

/** The ticket a summons is for, as dispatch knows it: its number, category and place by name. */
export interface SummonedTicket {
  number: string;
  categoryCode: string;
  place: TaskPlace;
}

/** A row of summons joined with its ticket's dispatch case and the names of its place. */
interface SummonsTicketRow extends SummonsRow, CasePlaceRow {
  ticket_number: string;
  category_code: string;
}

/** Thrown when a summons changed between load and save without a lock (a bug, not a race to report). */
export class StaleSummonsError extends Error {
  constructor(summonsId: string) {
    super(`summons ${summonsId} was changed concurrently`);
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stores summonses and reads them by ticket and by department. */
@Injectable()
export class SummonsRepository {
  /** Inserts a new summons. */
  async insert(manager: EntityManager, summons: Summons): Promise<void> {
    const s = summons.snapshot();
    await manager.query(
      `INSERT INTO summons (id, ticket_id, community_id, department_id, department_label, admin_ids, reason,
         urgency, status, issued_by_role, issued_by_id, issued_at, arrive_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        s.id,
        s.ticketId,
        s.communityId,
        s.departmentId,
        s.departmentLabel,
        s.adminIds,
        s.reason,
        s.urgency,
        s.status,
        s.issuedBy.role,
        s.issuedBy.id,
        s.issuedAt,
        s.arriveDueAt,
      ],
    );
  }

  /** Saves a changed summons; the caller holds the ticket's lock. */
  async save(manager: EntityManager, summons: Summons): Promise<void> {
    const s = summons.snapshot();
    const [rows] = (await manager.query(
      `UPDATE summons SET status = $2, checked_in_at = $3, checked_in_by = $4, report = $5, reported_at = $6,
         release_reason = $7, released_at = $8, escalation_level = $9, escalated_to_role = $10,
         escalated_to_id = $11, escalated_at = $12, version = version + 1
       WHERE id = $1 AND version = $13 RETURNING id`,
      [
        s.id,
        s.status,
        s.checkedInAt,
        s.checkedInBy,
        s.report,
        s.reportedAt,
        s.releaseReason,
        s.releasedAt,
        s.escalationLevel,
        s.escalatedToRole,
        s.escalatedToId,
        s.escalatedAt,
        s.version,
      ],
    )) as [unknown[], number];
    if (rows.length === 0) throw new StaleSummonsError(s.id);
  }

  /** One summons, or undefined. */
  async find(manager: EntityManager, summonsId: string): Promise<Summons | undefined> {
    if (!uuidPattern.test(summonsId)) return undefined;
    const rows: SummonsRow[] = await manager.query('SELECT * FROM summons WHERE id = $1', [summonsId]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Every summons of a ticket, oldest first. */
  async ofTicket(manager: EntityManager, ticketId: string): Promise<Summons[]> {
    const rows: SummonsRow[] = await manager.query(
      'SELECT * FROM summons WHERE ticket_id = $1 ORDER BY issued_at, department_label, id',
      [ticketId],
    );
    return rows.map(fromRow);
  }

  /**
   * The outstanding summonses of a department (not reported, not released), nearest deadline first, each
   * with its ticket's facts; one query, since a summons is only ever issued on an existing dispatch case.
   */
  async openOfDepartment(
    manager: EntityManager,
    departmentId: string,
    limit: number,
  ): Promise<Array<{ summons: Summons; ticket: SummonedTicket }>> {
    if (!uuidPattern.test(departmentId)) return [];
    const rows: SummonsTicketRow[] = await manager.query(
      `SELECT s.*, c.ticket_number, c.category_code, ${casePlaceColumns}
         FROM summons s
         JOIN dispatch_case c ON c.ticket_id = s.ticket_id ${casePlaceJoins}
        WHERE s.department_id = $1 AND s.status IN ('issued', 'checked_in')
        ORDER BY s.arrive_due_at, s.id LIMIT $2`,
      [departmentId, limit],
    );
    return rows.map((row) => ({ summons: fromRow(row), ticket: ticketOf(row) }));
  }
}

function fromRow(row: SummonsRow): Summons {
  const state: SummonsState = {
    id: row.id,
    ticketId: row.ticket_id,
    communityId: row.community_id,
    departmentId: row.department_id,
    departmentLabel: row.department_label,
    adminIds: row.admin_ids ?? [],
    reason: row.reason,
    urgency: row.urgency,
    status: row.status,
    issuedBy: { role: row.issued_by_role, id: row.issued_by_id },
    issuedAt: new Date(row.issued_at),
    arriveDueAt: new Date(row.arrive_due_at),
    checkedInAt: row.checked_in_at ? new Date(row.checked_in_at) : null,
    checkedInBy: row.checked_in_by,
    report: row.report,
    reportedAt: row.reported_at ? new Date(row.reported_at) : null,
    releaseReason: row.release_reason,
    releasedAt: row.released_at ? new Date(row.released_at) : null,
    escalationLevel: Number(row.escalation_level),
    escalatedToRole: row.escalated_to_role,
    escalatedToId: row.escalated_to_id,
    escalatedAt: row.escalated_at ? new Date(row.escalated_at) : null,
    version: Number(row.version),
  };
  return Summons.restore(state);
}

function ticketOf(row: SummonsTicketRow): SummonedTicket {
  return {
    number: row.ticket_number,
    categoryCode: row.category_code,
    place: casePlaceOf(row),
  };
}
