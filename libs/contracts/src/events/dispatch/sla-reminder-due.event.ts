import { IsIn, IsUUID } from 'class-validator';
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

/** An SLA deadline is near: the person who owns the next step should be reminded. */
@Describe('An SLA deadline is near: the person who owns the next step should be reminded.')
export class SlaReminderDueV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the offer or assignment the deadline belongs to.')
  @IsUUID()
  assignmentId: string;

  @Describe('accept for the acceptance deadline, complete for the completion deadline.')
  @IsIn(slaDeadlineKinds)
  deadlineKind: SlaDeadlineKind;

  @Describe('The deadline itself.')
  @IsUtcTimestamp()
  deadlineAt: string;

  @Describe('Who to remind: the assignee, or the staff member who dispatched.')
  @NestedObject(() => ActorRef)
  recipient: ActorRef;

  @Describe('When the reminder timer fired.')
  @IsUtcTimestamp()
  dueAt: string;
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
    'A durable SLA timer fired ahead of a deadline; notifications reminds whoever owns the next step.',
  fixture,
});
