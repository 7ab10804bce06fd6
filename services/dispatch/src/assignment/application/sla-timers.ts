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
  /** Recurring reminder (督办) of an unaccepted ticket past the top escalation level. */
  acceptSupervision: 'dispatch.accept-supervision',
  /** Recurring reminder (督办) of unfinished work past the top escalation level. */
  completionSupervision: 'dispatch.completion-supervision',
  /** Once, to staff, when a queued ticket nobody holds nears its accept deadline. */
  queueReminder: 'dispatch.queue-reminder',
} as const;

/** The supervision timer that takes over from a deadline once nobody is left to escalate to. */
export function supervisionKindOf(deadline: 'accept' | 'complete'): string {
  return deadline === 'accept' ? SlaTimerKinds.acceptSupervision : SlaTimerKinds.completionSupervision;
}

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

/**
 * Arms a deadline at `deadlineAt` and its reminder four fifths of the way from `start`. A fresh deadline
 * supersedes any supervision of the same kind.
 */
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
  await cancelTimer(manager, supervisionKindOf(deadline), ticketId);
}

/** Arms (or moves) the recurring supervision reminder of a breached deadline nobody is left to escalate. */
export async function armSupervision(
  manager: EntityManager,
  deadline: 'accept' | 'complete',
  ticketId: string,
  dueAt: Date,
  payload: DeadlineTimerPayload,
): Promise<void> {
  await scheduleTimer(manager, {
    kind: supervisionKindOf(deadline),
    key: ticketId,
    dueAt,
    payload: { ...payload },
  });
}

/**
 * Arms the one reminder to staff that a queued ticket nears its accept deadline; nothing when that moment
 * has already passed. It is not cleared by an offer or an acceptance: it checks the queue when it fires,
 * so a ticket that comes back to the queue before then is still covered.
 */
export async function armQueueReminder(
  manager: EntityManager,
  ticketId: string,
  remindAt: Date,
  deadlineAt: Date,
  now: Date,
  correlationId?: string,
): Promise<void> {
  if (remindAt.getTime() <= now.getTime() || remindAt.getTime() >= deadlineAt.getTime()) {
    await cancelTimer(manager, SlaTimerKinds.queueReminder, ticketId);
    return;
  }
  const payload: DeadlineTimerPayload = { ticketId, deadlineAt: deadlineAt.toISOString(), correlationId };
  await scheduleTimer(manager, {
    kind: SlaTimerKinds.queueReminder,
    key: ticketId,
    dueAt: remindAt,
    payload: { ...payload },
  });
}

/** Clears the queue reminder (the ticket was cancelled or closed). */
export async function disarmQueueReminder(manager: EntityManager, ticketId: string): Promise<void> {
  await cancelTimer(manager, SlaTimerKinds.queueReminder, ticketId);
}

/** Clears a deadline, its reminder and its supervision (met, or no longer relevant). */
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
  await cancelTimer(manager, supervisionKindOf(deadline), ticketId);
}
