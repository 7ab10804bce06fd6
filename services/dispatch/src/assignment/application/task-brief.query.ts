// What an assignee needs to decide on an offer and to find the place, as dispatch knows it: the ticket's
// number, category and urgency, the place as labels a person reads (community, grid, compound, building,
// household), who dispatched it and the deadlines. The ticket's own words — title, description, photos —
// and the resident's contact live in the requests service, which shows them to the same assignee
// (docs/adr/0007-assignee-view.md).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The place of a task as people name it; a part the ticket does not name is null. */
export interface TaskPlace {
  community: string | null;
  grid: string | null;
  compound: string | null;
  building: string | null;
  household: string | null;
}

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

interface TaskBriefRow {
  assignment_id: string;
  ticket_number: string;
  category_code: string;
  urgency: string;
  community_name: string | null;
  grid_name: string | null;
  compound_name: string | null;
  building_name: string | null;
  household_label: string | null;
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
      `SELECT a.id AS assignment_id, c.ticket_number, c.category_code, c.urgency,
              community.name AS community_name, grid.name AS grid_name, compound.name AS compound_name,
              building.name AS building_name, household.address_label AS household_label,
              a.dispatched_by_role, a.dispatched_by_id, c.accept_due_at, c.complete_due_at, c.escalation_level
         FROM assignment a
         JOIN dispatch_case c ON c.ticket_id = a.ticket_id
         LEFT JOIN directory_community community ON community.id = c.community_id
         LEFT JOIN directory_grid grid ON grid.id = c.grid_id
         LEFT JOIN directory_compound compound ON compound.id = c.compound_id
         LEFT JOIN directory_household household ON household.id = c.household_id
         LEFT JOIN directory_building building ON building.id = household.building_id
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
    place: {
      community: row.community_name,
      grid: row.grid_name,
      compound: row.compound_name,
      building: row.building_name,
      household: row.household_label,
    },
    dispatchedBy: { role: row.dispatched_by_role, id: row.dispatched_by_id },
    acceptDueAt: row.accept_due_at,
    completeDueAt: row.complete_due_at,
    escalationLevel: Number(row.escalation_level),
  };
}
