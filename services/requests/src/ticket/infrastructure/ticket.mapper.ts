import { nextDeadline, TicketState } from '../domain/ticket.aggregate';
import type { TicketStatus } from '../domain/ticket-status';
import { TicketOrmEntity } from './ticket.orm-entity';

/** Domain state from a row. */
export function toTicketState(row: TicketOrmEntity): TicketState {
  const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
  return {
    id: row.id,
    number: row.number,
    residentId: row.residentId,
    filedBy: { role: row.filedByRole, id: row.filedById },
    source: row.source as TicketState['source'],
    categoryCode: row.categoryCode,
    urgency: row.urgency as TicketState['urgency'],
    title: row.title,
    description: row.description,
    location: dropUndefined({
      communityId: row.communityId,
      gridId: row.gridId,
      compoundId: optional(row.compoundId),
      buildingId: optional(row.buildingId),
      householdId: optional(row.householdId),
      address: optional(row.address),
      latitude: optional(row.latitude),
      longitude: optional(row.longitude),
    }),
    contact: row.contact,
    attachments: row.attachments,
    status: row.status as TicketStatus,
    statusChangedAt: row.statusChangedAt,
    escalationLevel: row.escalationLevel,
    assignment:
      row.assignmentId && row.assigneeKind && row.assigneeId
        ? { id: row.assignmentId, assignee: { kind: row.assigneeKind as 'member', id: row.assigneeId } }
        : null,
    retiredAssignmentIds: row.retiredAssignmentIds,
    acceptDueAt: row.acceptDueAt,
    completionDueAt: row.completionDueAt,
    autoConfirmDueAt: row.autoConfirmDueAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    cancelledAt: row.cancelledAt,
    rating: row.rating,
    confirmationComment: row.confirmationComment,
    autoConfirmed: row.autoConfirmed,
    reopenCount: row.reopenCount,
    submittedAt: row.submittedAt,
    mergedInto: row.mergedIntoTicketId ?? null,
  };
}

/** A row from domain state (the next deadline is derived, stored for searches). */
export function toTicketRow(state: TicketState, now: Date): TicketOrmEntity {
  const row = new TicketOrmEntity();
  Object.assign(row, {
    id: state.id,
    number: state.number,
    residentId: state.residentId,
    filedByRole: state.filedBy.role,
    filedById: state.filedBy.id,
    source: state.source,
    categoryCode: state.categoryCode,
    urgency: state.urgency,
    title: state.title,
    description: state.description,
    communityId: state.location.communityId,
    gridId: state.location.gridId,
    compoundId: state.location.compoundId ?? null,
    buildingId: state.location.buildingId ?? null,
    householdId: state.location.householdId ?? null,
    address: state.location.address ?? null,
    latitude: state.location.latitude ?? null,
    longitude: state.location.longitude ?? null,
    contact: state.contact,
    attachments: state.attachments,
    status: state.status,
    statusChangedAt: state.statusChangedAt,
    escalationLevel: state.escalationLevel,
    assignmentId: state.assignment?.id ?? null,
    assigneeKind: state.assignment?.assignee.kind ?? null,
    assigneeId: state.assignment?.assignee.id ?? null,
    retiredAssignmentIds: state.retiredAssignmentIds,
    acceptDueAt: state.acceptDueAt,
    completionDueAt: state.completionDueAt,
    autoConfirmDueAt: state.autoConfirmDueAt,
    nextDeadlineAt: nextDeadline(state),
    resolvedAt: state.resolvedAt,
    closedAt: state.closedAt,
    cancelledAt: state.cancelledAt,
    rating: state.rating,
    confirmationComment: state.confirmationComment,
    autoConfirmed: state.autoConfirmed,
    reopenCount: state.reopenCount,
    submittedAt: state.submittedAt,
    mergedIntoTicketId: state.mergedInto,
    updatedAt: now,
  } satisfies TicketOrmEntity);
  return row;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
