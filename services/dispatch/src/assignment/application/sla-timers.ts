// The durable timers of a ticket's deadlines. Each is one row keyed by (kind, key), set and cleared in
// the same transaction as the state change that makes it due or moot.
import { cancelTimer, scheduleTimer } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { reminderTimeFor } from '../domain/sla.policy';

/** Timer kinds of the assignment slice. */
export const SlaTimerKinds = {
  offerExpiry: 'dispatch.offer-expiry',
  acceptDeadline: 'dispatch.accept-deadline',
  acceptReminder: 'dispatch.accept-reminder',
  completionDeadline: 'dispatch.completion-deadline',
  completionReminder: 'dispatch.completion-reminder',
} as const;

/** Payload of a deadline or reminder timer. */
export interface DeadlineTimerPayload {
  ticketId: string;
  deadlineAt: string;
  correlationId?: string;
}

/** Arms the expiry of an offer. */
export async function armOfferExpiry(
  manager: EntityManager,
  assignmentId: string,
  ticketId: string,
  expiresAt: Date,
  correlationId?: string,
): Promise<void> {
  await scheduleTimer(manager, {
    kind: SlaTimerKinds.offerExpiry,
    key: assignmentId,
    dueAt: expiresAt,
    payload: { ticketId, correlationId },
  });
}

/** Clears the expiry of an offer that was answered or withdrawn. */
export async function disarmOfferExpiry(manager: EntityManager, assignmentId: string): Promise<void> {
  await cancelTimer(manager, SlaTimerKinds.offerExpiry, assignmentId);
}

/** Arms a deadline at `deadlineAt` and its reminder four fifths of the way from `start`. */
export async function armDeadline(
  manager: EntityManager,
  deadline: 'accept' | 'complete',
  ticketId: string,
  start: Date,
  deadlineAt: Date,
  now: Date,
  correlationId?: string,
): Promise<void> {
  const kinds =
    deadline === 'accept'
      ? [SlaTimerKinds.acceptDeadline, SlaTimerKinds.acceptReminder]
      : [SlaTimerKinds.completionDeadline, SlaTimerKinds.completionReminder];
  const payload: DeadlineTimerPayload = { ticketId, deadlineAt: deadlineAt.toISOString(), correlationId };
  await scheduleTimer(manager, { kind: kinds[0], key: ticketId, dueAt: deadlineAt, payload: { ...payload } });
  const reminderAt = reminderTimeFor(start, deadlineAt, now);
  if (reminderAt)
    await scheduleTimer(manager, {
      kind: kinds[1],
      key: ticketId,
      dueAt: reminderAt,
      payload: { ...payload },
    });
  else await cancelTimer(manager, kinds[1], ticketId);
}

/** Clears a deadline and its reminder (met, or no longer relevant). */
export async function disarmDeadline(
  manager: EntityManager,
  deadline: 'accept' | 'complete',
  ticketId: string,
): Promise<void> {
  if (deadline === 'accept') {
    await cancelTimer(manager, SlaTimerKinds.acceptDeadline, ticketId);
    await cancelTimer(manager, SlaTimerKinds.acceptReminder, ticketId);
  } else {
    await cancelTimer(manager, SlaTimerKinds.completionDeadline, ticketId);
    await cancelTimer(manager, SlaTimerKinds.completionReminder, ticketId);
  }
}
