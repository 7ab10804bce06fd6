// Maps rows of `ticket` (snake_case, as node-postgres returns them) to ticket state and back.
import { AttachmentReference, nextDeadline, ResidentContact, TicketState } from '../domain/ticket.aggregate';
import type { TicketStatus } from '../domain/ticket-status';

/**
 * A row of `ticket` as node-postgres returns it: timestamptz as Date, smallint, integer and double
 * precision as number, jsonb parsed, uuid[] as string[].
 */
export interface TicketRow {
  id: string;
  number: string;
  resident_id: string | null;
  filed_by_role: string;
  filed_by_id: string;
  source: string;
  category_code: string;
  urgency: string;
  title: string;
  description: string;
  community_id: string;
  grid_id: string;
  compound_id: string | null;
  building_id: string | null;
  household_id: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  contact: ResidentContact | null;
  attachments: AttachmentReference[];
  status: string;
  status_changed_at: Date;
  escalation_level: number;
  assignment_id: string | null;
  assignee_kind: string | null;
  assignee_id: string | null;
  retired_assignment_ids: string[];
  accept_due_at: Date | null;
  completion_due_at: Date | null;
  auto_confirm_due_at: Date | null;
  next_deadline_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
  rating: number | null;
  confirmation_comment: string | null;
  auto_confirmed: boolean;
  reopen_count: number;
  submitted_at: Date;
  merged_into_ticket_id: string | null;
  has_duplicates: boolean;
  updated_at: Date;
}

// Every column with its SQL type, in the order of the select list and of `ticketValues`. Parameters are
// cast to it: node-postgres sends untyped text, and a JS array would otherwise go as a PostgreSQL array.
const columnTypes = {
  id: 'uuid',
  number: 'varchar',
  resident_id: 'varchar',
  filed_by_role: 'varchar',
  filed_by_id: 'varchar',
  source: 'varchar',
  category_code: 'varchar',
  urgency: 'varchar',
  title: 'varchar',
  description: 'text',
  community_id: 'uuid',
  grid_id: 'uuid',
  compound_id: 'uuid',
  building_id: 'uuid',
  household_id: 'uuid',
  address: 'varchar',
  latitude: 'double precision',
  longitude: 'double precision',
  contact: 'jsonb',
  attachments: 'jsonb',
  status: 'varchar',
  status_changed_at: 'timestamptz',
  escalation_level: 'smallint',
  assignment_id: 'uuid',
  assignee_kind: 'varchar',
  assignee_id: 'varchar',
  retired_assignment_ids: 'uuid[]',
  accept_due_at: 'timestamptz',
  completion_due_at: 'timestamptz',
  auto_confirm_due_at: 'timestamptz',
  next_deadline_at: 'timestamptz',
  resolved_at: 'timestamptz',
  closed_at: 'timestamptz',
  cancelled_at: 'timestamptz',
  rating: 'smallint',
  confirmation_comment: 'varchar',
  auto_confirmed: 'boolean',
  reopen_count: 'integer',
  submitted_at: 'timestamptz',
  merged_into_ticket_id: 'uuid',
  has_duplicates: 'boolean',
  updated_at: 'timestamptz',
} as const satisfies Record<keyof TicketRow, string>;

type TicketColumn = keyof typeof columnTypes;

const columnNames = Object.keys(columnTypes) as TicketColumn[];

/** The select list of a whole `ticket` row. */
export const ticketColumns = columnNames.join(', ');

/** The placeholders of `ticketValues`, `$1` to `$n`, each cast to its column's type. */
export const ticketPlaceholders = columnNames
  .map((column, index) => `$${index + 1}::${columnTypes[column]}`)
  .join(', ');

/** `column = $n` for every column but the id (`$1`), for an UPDATE with `ticketValues`. */
export const ticketAssignments = columnNames
  .flatMap((column, index) => (column === 'id' ? [] : [`${column} = $${index + 1}::${columnTypes[column]}`]))
  .join(', ');

/** A row's values in the order of `ticketColumns`, the id first; jsonb columns as JSON text. */
export function ticketValues(row: TicketRow): unknown[] {
  return columnNames.map((column) => {
    const value = row[column];
    return columnTypes[column] === 'jsonb' && value !== null ? JSON.stringify(value) : value;
  });
}

/** Domain state from a row. */
export function toTicketState(row: TicketRow): TicketState {
  const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
  return {
    id: row.id,
    number: row.number,
    residentId: row.resident_id,
    filedBy: { role: row.filed_by_role, id: row.filed_by_id },
    source: row.source as TicketState['source'],
    categoryCode: row.category_code,
    urgency: row.urgency as TicketState['urgency'],
    title: row.title,
    description: row.description,
    location: dropUndefined({
      communityId: row.community_id,
      gridId: row.grid_id,
      compoundId: optional(row.compound_id),
      buildingId: optional(row.building_id),
      householdId: optional(row.household_id),
      address: optional(row.address),
      latitude: optional(row.latitude),
      longitude: optional(row.longitude),
    }),
    contact: row.contact,
    attachments: row.attachments,
    status: row.status as TicketStatus,
    statusChangedAt: row.status_changed_at,
    escalationLevel: row.escalation_level,
    assignment:
      row.assignment_id && row.assignee_kind && row.assignee_id
        ? { id: row.assignment_id, assignee: { kind: row.assignee_kind as 'member', id: row.assignee_id } }
        : null,
    retiredAssignmentIds: row.retired_assignment_ids,
    acceptDueAt: row.accept_due_at,
    completionDueAt: row.completion_due_at,
    autoConfirmDueAt: row.auto_confirm_due_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    rating: row.rating,
    confirmationComment: row.confirmation_comment,
    autoConfirmed: row.auto_confirmed,
    reopenCount: row.reopen_count,
    submittedAt: row.submitted_at,
    mergedInto: row.merged_into_ticket_id ?? null,
    hasDuplicates: row.has_duplicates,
  };
}

/** A row from domain state (the next deadline is derived, stored for searches). */
export function toTicketRow(state: TicketState, now: Date): TicketRow {
  return {
    id: state.id,
    number: state.number,
    resident_id: state.residentId,
    filed_by_role: state.filedBy.role,
    filed_by_id: state.filedBy.id,
    source: state.source,
    category_code: state.categoryCode,
    urgency: state.urgency,
    title: state.title,
    description: state.description,
    community_id: state.location.communityId,
    grid_id: state.location.gridId,
    compound_id: state.location.compoundId ?? null,
    building_id: state.location.buildingId ?? null,
    household_id: state.location.householdId ?? null,
    address: state.location.address ?? null,
    latitude: state.location.latitude ?? null,
    longitude: state.location.longitude ?? null,
    contact: state.contact,
    attachments: state.attachments,
    status: state.status,
    status_changed_at: state.statusChangedAt,
    escalation_level: state.escalationLevel,
    assignment_id: state.assignment?.id ?? null,
    assignee_kind: state.assignment?.assignee.kind ?? null,
    assignee_id: state.assignment?.assignee.id ?? null,
    retired_assignment_ids: state.retiredAssignmentIds,
    accept_due_at: state.acceptDueAt,
    completion_due_at: state.completionDueAt,
    auto_confirm_due_at: state.autoConfirmDueAt,
    next_deadline_at: nextDeadline(state),
    resolved_at: state.resolvedAt,
    closed_at: state.closedAt,
    cancelled_at: state.cancelledAt,
    rating: state.rating,
    confirmation_comment: state.confirmationComment,
    auto_confirmed: state.autoConfirmed,
    reopen_count: state.reopenCount,
    submitted_at: state.submittedAt,
    merged_into_ticket_id: state.mergedInto,
    has_duplicates: state.hasDuplicates,
    updated_at: now,
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
