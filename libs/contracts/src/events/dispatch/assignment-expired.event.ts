import { IsUUID } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { AssigneeRef } from '../shared/assignee-ref';
import fixture from './fixtures/assignment.expired.v1.json';

/** An offer lapsed unanswered at its acceptance deadline. */
@Describe('An offer lapsed unanswered at its acceptance deadline.')
export class AssignmentExpiredV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the lapsed offer.')
  @IsUUID()
  assignmentId: string;

  @Describe('The member or property company that did not answer.')
  @NestedObject(() => AssigneeRef)
  assignee: AssigneeRef;

  @Describe('The acceptance deadline that passed.')
  @IsUtcTimestamp()
  offerExpiresAt: string;

  @Describe('When the timer fired and the offer was withdrawn.')
  @IsUtcTimestamp()
  expiredAt: string;
}

/** `assignment.expired` v1. */
export const assignmentExpiredV1 = defineEvent({
  type: 'assignment.expired',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: AssignmentExpiredV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description:
    'Nobody accepted the offer before its deadline; the SLA timer withdrew it and dispatch re-offers or escalates.',
  fixture,
});
