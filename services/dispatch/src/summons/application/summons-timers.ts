// The durable arrival deadline of a summoned department: one timer row per summons, set when it is
// issued and cleared when the department checks in or is released — the same table and poller as the
// ticket's SLA timers (ADR 0023).
import { cancelTimer, scheduleTimer } from '@loop/platform';
import { EntityManager } from 'typeorm';

/** Timer kinds of the summons slice. */
export const SummonsTimerKinds = {
  /** The department must have checked in (报到) by then; keyed by summons id. */
  arrivalDeadline: 'dispatch.summons-arrival',
} as const;

/** Arms (or moves) the arrival deadline of a summons. */
export async function armArrivalDeadline(
  manager: EntityManager,
  summonsId: string,
  ticketId: string,
  dueAt: Date,
  correlationId?: string,
): Promise<void> {
  await scheduleTimer(manager, {
    kind: SummonsTimerKinds.arrivalDeadline,
    key: summonsId,
    dueAt,
    payload: { ticketId, correlationId },
  });
}

/** Clears the arrival deadline of a summons (checked in, or released). */
export async function disarmArrivalDeadline(manager: EntityManager, summonsId: string): Promise<void> {
  await cancelTimer(manager, SummonsTimerKinds.arrivalDeadline, summonsId);
}
