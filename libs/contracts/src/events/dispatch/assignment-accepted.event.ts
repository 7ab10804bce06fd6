import { IsUUID } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { AssigneeRef } from '../shared/assignee-ref';
import fixture from './fixtures/assignment.accepted.v1.json';

/** The assignee accepted the offer; the ticket now has an owner (党员接单). */
@Describe('The assignee accepted the offer; the ticket now has an owner (党员接单).')
export class AssignmentAcceptedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the assignment.')
  @IsUUID()
  assignmentId: string;

  @Describe('The member or property company that accepted.')
  @NestedObject(() => AssigneeRef)
  assignee: AssigneeRef;

  @Describe('When the work must be completed.')
  @IsUtcTimestamp()
  completionDueAt: string;

  @Describe('When the offer was accepted.')
  @IsUtcTimestamp()
  acceptedAt: string;
}

/** `assignment.accepted` v1. */
export const assignmentAcceptedV1 = defineEvent({
  type: 'assignment.accepted',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: AssignmentAcceptedV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description: 'The offered member or property company accepted; exactly one acceptance wins per offer.',
  fixture,
});
