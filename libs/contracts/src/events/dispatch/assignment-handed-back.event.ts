import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { AssigneeRef } from '../shared/assignee-ref';
import fixture from './fixtures/assignment.handed_back.v1.json';

/** Why an assignee handed accepted work back. */
export const handBackReasons = [
  'cannot_complete',
  'needs_other_skill',
  'resident_unreachable',
  'other',
] as const;
/** Why an assignee handed accepted work back. */
export type HandBackReason = (typeof handBackReasons)[number];

/** The assignee gave back work they had accepted; dispatch re-offers it. */
@Describe('The assignee gave back work they had accepted; dispatch re-offers it.')
export class AssignmentHandedBackV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the assignment handed back.')
  @IsUUID()
  assignmentId: string;

  @Describe('The member or property company that handed the work back.')
  @NestedObject(() => AssigneeRef)
  assignee: AssigneeRef;

  @Describe('cannot_complete, needs_other_skill, resident_unreachable or other.')
  @IsIn(handBackReasons)
  reasonCode: HandBackReason;

  @Describe('Free-text explanation, at most 200 characters; must not contain names or phone numbers.')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reasonText?: string;

  @Describe('When the work was handed back.')
  @IsUtcTimestamp()
  handedBackAt: string;
}

/** `assignment.handed_back` v1. */
export const assignmentHandedBackV1 = defineEvent({
  type: 'assignment.handed_back',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: AssignmentHandedBackV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description: 'The assignee handed back accepted work; the ticket returns to dispatch.',
  fixture,
});
