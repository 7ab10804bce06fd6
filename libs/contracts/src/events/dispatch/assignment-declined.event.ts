import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { AssigneeRef } from '../shared/assignee-ref';
import fixture from './fixtures/assignment.declined.v1.json';

/** Why an assignee declined an offer. */
export const declineReasons = ['busy', 'not_nearby', 'lacks_skill', 'other'] as const;
/** Why an assignee declined an offer. */
export type DeclineReason = (typeof declineReasons)[number];

/** The assignee declined the offer; dispatch re-offers or escalates. */
@Describe('The assignee declined the offer; dispatch re-offers the work or escalates.')
export class AssignmentDeclinedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the declined offer.')
  @IsUUID()
  assignmentId: string;

  @Describe('The member or property company that declined.')
  @NestedObject(() => AssigneeRef)
  assignee: AssigneeRef;

  @Describe('busy, not_nearby, lacks_skill or other.')
  @IsIn(declineReasons)
  reasonCode: DeclineReason;

  @Describe('Free-text explanation, at most 200 characters; must not contain names or phone numbers.')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reasonText?: string;

  @Describe('When the offer was declined.')
  @IsUtcTimestamp()
  declinedAt: string;
}

/** `assignment.declined` v1. */
export const assignmentDeclinedV1 = defineEvent({
  type: 'assignment.declined',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: AssignmentDeclinedV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description: 'The offered member or property company declined; the ticket goes back to dispatch.',
  fixture,
});
