// Offers and assignments in PostgreSQL, plus the monthly service minutes used for fairness. Callers
// lock the ticket's case before changing an assignment, so saves here never race each other.
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@loop/messaging';
import { EntityManager } from 'typeorm';
import {
  Assignment,
  AssignmentState,
  AssignmentStatus,
  liveAssignmentStatuses,
} from '../domain/assignment.aggregate';

/** A row of assignment as the pg driver returns it. */
interface AssignmentRow {
  id: string;
  ticket_id: string;
  community_id: string;
  grid_id: string;
  assignee_kind: 'member' | 'property_company';
  assignee_id: string;
  status: AssignmentStatus;
  mode: 'manual' | 'auto';
  dispatched_by_role: string;
  dispatched_by_id: string;
  attempt: number;
  offered_at: Date;
  offer_expires_at: Date;
  accepted_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  reason_code: string | null;
  reason_text: string | null;
  note: string | null;
  minutes_spent: number | null;
  version: number;
}

/** Stores offers and assignments. */
@Injectable()
export class AssignmentRepository {
  /** Inserts a new offer. */
  async insert(manager: EntityManager, assignment: Assignment): Promise<void> {
    const s = assignment.snapshot();
    await manager.query(
      `INSERT INTO assignment (id, ticket_id, community_id, grid_id, assignee_kind, assignee_id, status, mode,
         dispatched_by_role, dispatched_by_id, attempt, offered_at, offer_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        s.id,
        s.ticketId,
        s.communityId,
        s.gridId,
        s.assignee.kind,
        s.assignee.id,
        s.status,
        s.mode,
        s.dispatchedBy.role,
        s.dispatchedBy.id,
        s.attempt,
        s.offeredAt,
        s.offerExpiresAt,
      ],
    );
  }

  /** The assignment, or undefined. */
  async find(manager: EntityManager, id: string): Promise<Assignment | undefined> {
    const rows: AssignmentRow[] = await manager.query(`SELECT * FROM assignment WHERE id = $1`, [id]);
    return rows[0] ? Assignment.restore(toState(rows[0])) : undefined;
  }

  /** Saves the assignment's new state and records the events of the commands applied to it. */
  async save(unit: UnitOfWork, assignment: Assignment): Promise<void> {
    const s = assignment.snapshot();
    await unit.manager.query(
      `UPDATE assignment SET status = $2, accepted_at = $3, started_at = $4, completed_at = $5, closed_at = $6,
         reason_code = $7, reason_text = $8, note = $9, minutes_spent = $10, version = version + 1
       WHERE id = $1`,
      [
        s.id,
        s.status,
        s.acceptedAt,
        s.startedAt,
        s.completedAt,
        s.closedAt,
        s.reasonCode,
        s.reasonText,
        s.note,
        s.minutesSpent,
      ],
    );
    unit.recordAll(assignment.events.take());
  }

  /** The assignee's offers or assignments in the given statuses, oldest first. */
  async ofAssignee(
    manager: EntityManager,
    assigneeId: string,
    statuses: readonly AssignmentStatus[],
  ): Promise<AssignmentState[]> {
    const rows: AssignmentRow[] = await manager.query(
      `SELECT * FROM assignment WHERE assignee_id = $1 AND status = ANY($2) ORDER BY offered_at, id LIMIT 200`,
      [assigneeId, statuses],
    );
    return rows.map(toState);
  }

  /** The assignments with these ids (in no particular order). */
  async findMany(manager: EntityManager, ids: readonly string[]): Promise<AssignmentState[]> {
    if (ids.length === 0) return [];
    const rows: AssignmentRow[] = await manager.query(`SELECT * FROM assignment WHERE id = ANY($1)`, [ids]);
    return rows.map(toState);
  }

  /** Every offer of a ticket, in order. */
  async ofTicket(manager: EntityManager, ticketId: string): Promise<AssignmentState[]> {
    const rows: AssignmentRow[] = await manager.query(
      `SELECT * FROM assignment WHERE ticket_id = $1 ORDER BY attempt, offered_at`,
      [ticketId],
    );
    return rows.map(toState);
  }

  /** How many live offers and assignments each of the assignees holds. */
  async openLoadOf(manager: EntityManager, assigneeIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ assignee_id: string; count: string }> = await manager.query(
      `SELECT assignee_id, count(*) AS count FROM assignment WHERE assignee_id = ANY($1) AND status = ANY($2)
       GROUP BY assignee_id`,
      [assigneeIds, liveAssignmentStatuses],
    );
    return new Map(rows.map((row) => [row.assignee_id, Number(row.count)]));
  }

  /** Adds completed minutes to the member's month (fairness in ranking). */
  async addServiceMinutes(
    manager: EntityManager,
    memberId: string,
    month: string,
    minutes: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO member_service_minutes (member_id, month, minutes) VALUES ($1, $2, $3)
       ON CONFLICT (member_id, month) DO UPDATE SET minutes = member_service_minutes.minutes + EXCLUDED.minutes`,
      [memberId, month, minutes],
    );
  }

  /** Service minutes of each member in the month (`YYYY-MM`). */
  async serviceMinutesOf(
    manager: EntityManager,
    memberIds: readonly string[],
    month: string,
  ): Promise<Map<string, number>> {
    const rows: Array<{ member_id: string; minutes: number }> = await manager.query(
      `SELECT member_id, minutes FROM member_service_minutes WHERE member_id = ANY($1) AND month = $2`,
      [memberIds, month],
    );
    return new Map(rows.map((row) => [row.member_id, row.minutes]));
  }
}

function toState(row: AssignmentRow): AssignmentState {
  const date = (value: Date | null) => (value ? new Date(value) : null);
  return {
    id: row.id,
    ticketId: row.ticket_id,
    communityId: row.community_id,
    gridId: row.grid_id,
    assignee: { kind: row.assignee_kind, id: row.assignee_id },
    status: row.status,
    mode: row.mode,
    dispatchedBy: { role: row.dispatched_by_role, id: row.dispatched_by_id },
    attempt: row.attempt,
    offeredAt: new Date(row.offered_at),
    offerExpiresAt: new Date(row.offer_expires_at),
    acceptedAt: date(row.accepted_at),
    startedAt: date(row.started_at),
    completedAt: date(row.completed_at),
    closedAt: date(row.closed_at),
    reasonCode: row.reason_code,
    reasonText: row.reason_text,
    note: row.note,
    minutesSpent: row.minutes_spent,
    version: row.version,
  };
}
