// Dispatch cases in PostgreSQL. Every command locks its case row first (SELECT … FOR UPDATE): two staff
// dispatching one ticket, or an accept racing the expiry timer, are serialised here, and the loser sees
// the winner's state. The version column guards against a save that was not preceded by a lock.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DispatchCases } from '../application/dispatch-cases.port';
import { DispatchCase, DispatchCaseState } from '../domain/dispatch-case.aggregate';

/** A row of dispatch_case as the pg driver returns it. */
interface DispatchCaseRow {
  ticket_id: string;
  ticket_number: string;
  community_id: string;
  grid_id: string;
  compound_id: string | null;
  household_id: string | null;
  resident_id: string | null;
  category_code: string;
  urgency: string;
  status: DispatchCaseState['status'];
  submitted_at: Date;
  accept_due_at: Date;
  complete_due_at: Date;
  accepted_at: Date | null;
  resolved_at: Date | null;
  attempts: number;
  returns: number;
  excluded_assignee_ids: string[];
  current_assignment_id: string | null;
  escalation_level: number;
  escalation_reason: DispatchCaseState['escalationReason'];
  escalated_to_role: string | null;
  escalated_to_id: string | null;
  escalated_at: Date | null;
  reopen_count: number;
  version: number;
}

/** Thrown when a case changed between load and save without a lock (a bug, not a race to report). */
export class StaleDispatchCaseError extends Error {
  constructor(ticketId: string) {
    super(`dispatch case ${ticketId} was changed concurrently`);
  }
}

/** Filters of the dispatch board. */
export interface BoardFilter {
  communityIds: readonly string[];
  statuses?: readonly string[];
  overdueAt?: Date;
  escalatedOnly?: boolean;
  escalationLevel?: number;
  gridId?: string;
  limit: number;
}

/** Stores and locks dispatch cases. */
@Injectable()
export class DispatchCaseRepository implements DispatchCases {
  /** Inserts a new case; false when the ticket already has one (a redelivered or repeated submission). */
  async insertIfAbsent(manager: EntityManager, dispatchCase: DispatchCase): Promise<boolean> {
    const s = dispatchCase.snapshot();
    const rows: unknown[] = await manager.query(
      `INSERT INTO dispatch_case (ticket_id, ticket_number, community_id, grid_id, compound_id, household_id,
         resident_id, category_code, urgency, status, submitted_at, accept_due_at, complete_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [
        s.ticketId,
        s.ticketNumber,
        s.communityId,
        s.gridId,
        s.compoundId,
        s.householdId,
        s.residentId,
        s.categoryCode,
        s.urgency,
        s.status,
        s.submittedAt,
        s.acceptDueAt,
        s.completeDueAt,
      ],
    );
    return rows.length > 0;
  }

  /** The case, locked until the transaction ends; undefined when the ticket has none. */
  async lock(manager: EntityManager, ticketId: string): Promise<DispatchCase | undefined> {
    const rows: DispatchCaseRow[] = await manager.query(
      `SELECT * FROM dispatch_case WHERE ticket_id = $1 FOR UPDATE`,
      [ticketId],
    );
    return rows[0] ? DispatchCase.restore(toState(rows[0])) : undefined;
  }

  /** The case without a lock, for reading. */
  async find(manager: EntityManager, ticketId: string): Promise<DispatchCase | undefined> {
    const rows: DispatchCaseRow[] = await manager.query(`SELECT * FROM dispatch_case WHERE ticket_id = $1`, [
      ticketId,
    ]);
    return rows[0] ? DispatchCase.restore(toState(rows[0])) : undefined;
  }

  /** Saves a case loaded in this transaction; its version must not have moved. */
  async save(manager: EntityManager, dispatchCase: DispatchCase): Promise<void> {
    const s = dispatchCase.snapshot();
    const rows: unknown = await manager.query(
      `UPDATE dispatch_case SET status = $3, accept_due_at = $4, complete_due_at = $5, accepted_at = $6,
         resolved_at = $7, attempts = $8, returns = $9, excluded_assignee_ids = $10, current_assignment_id = $11,
         escalation_level = $12, escalation_reason = $13, escalated_to_role = $14, escalated_to_id = $15,
         escalated_at = $16, reopen_count = $17, version = version + 1, updated_at = now()
       WHERE ticket_id = $1 AND version = $2 RETURNING version`,
      [
        s.ticketId,
        s.version,
        s.status,
        s.acceptDueAt,
        s.completeDueAt,
        s.acceptedAt,
        s.resolvedAt,
        s.attempts,
        s.returns,
        s.excludedAssigneeIds,
        s.currentAssignmentId,
        s.escalationLevel,
        s.escalationReason,
        s.escalatedToRole,
        s.escalatedToId,
        s.escalatedAt,
        s.reopenCount,
      ],
    );
    // UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const updated =
      Array.isArray(rows) && Array.isArray(rows[0]) ? (rows[0] as unknown[]) : (rows as unknown[]);
    if (updated.length === 0) throw new StaleDispatchCaseError(s.ticketId);
  }

  /** Cases for the dispatch board and the officials' list, newest deadline pressure first. */
  async board(manager: EntityManager, filter: BoardFilter): Promise<DispatchCaseState[]> {
    const conditions = ['community_id = ANY($1)'];
    const parameters: unknown[] = [filter.communityIds];
    const add = (condition: string, value: unknown) => {
      parameters.push(value);
      conditions.push(condition.replace('?', `$${parameters.length}`));
    };
    if (filter.statuses) add('status = ANY(?)', filter.statuses);
    if (filter.gridId) add('grid_id = ?', filter.gridId);
    if (filter.escalatedOnly) conditions.push('escalation_level > 0');
    if (filter.escalationLevel !== undefined) add('escalation_level = ?', filter.escalationLevel);
    if (filter.overdueAt) {
      parameters.push(filter.overdueAt);
      const at = `$${parameters.length}`;
      conditions.push(
        `((status IN ('awaiting_dispatch', 'offered') AND accept_due_at < ${at}) OR
          (status IN ('awaiting_dispatch', 'offered', 'accepted', 'in_progress') AND complete_due_at < ${at}))`,
      );
    }
    parameters.push(filter.limit);
    const rows: DispatchCaseRow[] = await manager.query(
      `SELECT * FROM dispatch_case WHERE ${conditions.join(' AND ')}
       ORDER BY accept_due_at, ticket_id LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toState);
  }

  /** Open cases per grid and status in the communities, for the board's summary. */
  async countsByGrid(
    manager: EntityManager,
    communityIds: readonly string[],
  ): Promise<Array<{ gridId: string; status: string; count: number }>> {
    const rows: Array<{ grid_id: string; status: string; count: string }> = await manager.query(
      `SELECT grid_id, status, count(*) AS count FROM dispatch_case
       WHERE community_id = ANY($1) AND status IN ('awaiting_dispatch', 'offered', 'accepted', 'in_progress')
       GROUP BY grid_id, status ORDER BY grid_id, status`,
      [communityIds],
    );
    return rows.map((row) => ({ gridId: row.grid_id, status: row.status, count: Number(row.count) }));
  }
}

function toState(row: DispatchCaseRow): DispatchCaseState {
  return {
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    communityId: row.community_id,
    gridId: row.grid_id,
    compoundId: row.compound_id,
    householdId: row.household_id,
    residentId: row.resident_id,
    categoryCode: row.category_code,
    urgency: row.urgency,
    status: row.status,
    submittedAt: new Date(row.submitted_at),
    acceptDueAt: new Date(row.accept_due_at),
    completeDueAt: new Date(row.complete_due_at),
    acceptedAt: row.accepted_at ? new Date(row.accepted_at) : null,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    attempts: row.attempts,
    returns: row.returns,
    excludedAssigneeIds: row.excluded_assignee_ids ?? [],
    currentAssignmentId: row.current_assignment_id,
    escalationLevel: row.escalation_level,
    escalationReason: row.escalation_reason,
    escalatedToRole: row.escalated_to_role,
    escalatedToId: row.escalated_to_id,
    escalatedAt: row.escalated_at ? new Date(row.escalated_at) : null,
    reopenCount: row.reopen_count,
    version: row.version,
  };
}
