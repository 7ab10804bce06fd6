import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { ActorRef } from '../shared/actor-ref';
import fixture from './fixtures/sla.reminder_due.v1.json';

/** Which deadline a reminder is about. */
export const slaDeadlineKinds = ['accept', 'complete'] as const;
/** Which deadline a reminder is about: accepting the offer or completing the work. */
export type SlaDeadlineKind = (typeof slaDeadlineKinds)[number];

/** Why a reminder is sent. */
export const slaReminderReasons = ['deadline_near', 'waiting_in_queue', 'supervision'] as const;
/**
 * Why a reminder is sent: a deadline is near for whoever holds the ticket (`deadline_near`), a queued
 * ticket nobody holds nears its accept deadline (`waiting_in_queue`, to the community's staff), or a
 * ticket past the top escalation level is still open (`supervision`, 督办, every window).
 */
export type SlaReminderReason = (typeof slaReminderReasons)[number];

/** An SLA deadline is near or overdue: the person who owns the next step should be reminded. */
@Describe('An SLA deadline is near or overdue: the person who owns the next step should be reminded.')
export class SlaReminderDueV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe(
    'Id of the offer or assignment the deadline belongs to; absent when nobody holds the ticket (waiting_in_queue, or supervision of a queued ticket).',
  )
  @IsOptional()
  @IsUUID()
  assignmentId?: string;

  @Describe('accept for the acceptance deadline, complete for the completion deadline.')
  @IsIn(slaDeadlineKinds)
  deadlineKind: SlaDeadlineKind;

  @Describe('The deadline itself.')
  @IsUtcTimestamp()
  deadlineAt: string;

  @Describe(
    'Who to remind: the assignee (deadline_near), a staff member of the community (waiting_in_queue), or the county leader and the community secretary (supervision).',
  )
  @NestedObject(() => ActorRef)
  recipient: ActorRef;

  @Describe('When the reminder timer fired.')
  @IsUtcTimestamp()
  dueAt: string;

  @Describe(
    'Why: deadline_near (the holder, before the deadline), waiting_in_queue (staff, a queued ticket nobody holds, once at 75% of the accept window) or supervision (督办: past the top escalation level, every window until accepted, resolved, cancelled or closed). Absent in events published before it was added: read deadline_near.',
  )
  @IsOptional()
  @IsIn(slaReminderReasons)
  reason?: SlaReminderReason;
}

/** `sla.reminder_due` v1. */
export const slaReminderDueV1 = defineEvent({
  type: 'sla.reminder_due',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: SlaReminderDueV1,
  producer: 'dispatch',
  consumers: ['notifications'],
  description:
    'A durable SLA timer fired ahead of a deadline, for a queued ticket nobody holds, or to supervise a ticket past the top escalation level; notifications reminds the recipient.',
  fixture,
});
