// What an assignee needs to decide on an offer and to find the place, as dispatch knows it: the ticket's
// number, category and urgency, the place as labels a person reads (community, grid, compound, building,
// household), who dispatched it and the deadlines. The ticket's own words — title, description, photos —
// and the resident's contact live in the requests service, which shows them to the same assignee
// (docs/adr/0007-assignee-view.md).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CasePlaceRow,
  casePlaceColumns,
  casePlaceJoins,
  casePlaceOf,
  TaskPlace,
} from '../../shared/case-place.sql';

export type { TaskPlace } from '../../shared/case-place.sql';

/** The brief of one offer or assignment. */
export interface TaskBrief {
  assignmentId: string;
  ticketNumber: string;
  categoryCode: string;
  urgency: string;
  place: TaskPlace;
  dispatchedBy: { role: string; id: string };
  acceptDueAt: Date;
  completeDueAt: Date;
  escalationLevel: number;
}

interface TaskBriefRow extends CasePlaceRow {
  assignment_id: string;
  ticket_number: string;
  category_code: string;
  urgency: string;
  dispatched_by_role: string;
  dispatched_by_id: string;
  accept_due_at: Date;
  complete_due_at: Date;
  escalation_level: number;
}

/** Briefs of offers and assignments, in one query for a whole list. */
@Injectable()
export class TaskBriefQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The briefs of `assignmentIds`, by assignment id. */
  async of(assignmentIds: readonly string[]): Promise<Map<string, TaskBrief>> {
    if (assignmentIds.length === 0) return new Map();
    const rows: TaskBriefRow[] = await this.dataSource.query(
      `SELECT a.id AS assignment_id, c.ticket_number, c.category_code, c.urgency, ${casePlaceColumns},
              a.dispatched_by_role, a.dispatched_by_id, c.accept_due_at, c.complete_due_at, c.escalation_level
         FROM assignment a
         JOIN dispatch_case c ON c.ticket_id = a.ticket_id ${casePlaceJoins}
        WHERE a.id = ANY($1::uuid[])`,
      [assignmentIds],
    );
    return new Map(rows.map((row) => [row.assignment_id, toBrief(row)]));
  }
}

function toBrief(row: TaskBriefRow): TaskBrief {
  return {
    assignmentId: row.assignment_id,
    ticketNumber: row.ticket_number,
    categoryCode: row.category_code,
    urgency: row.urgency,
    place: casePlaceOf(row),
    dispatchedBy: { role: row.dispatched_by_role, id: row.dispatched_by_id },
    acceptDueAt: row.accept_due_at,
    completeDueAt: row.complete_due_at,
    escalationLevel: Number(row.escalation_level),
  };
}
