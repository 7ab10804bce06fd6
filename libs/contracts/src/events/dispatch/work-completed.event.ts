import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { AssigneeRef } from '../shared/assignee-ref';
import fixture from './fixtures/work.completed.v1.json';

/** The assignee reported the work done, with the time spent; the ticket is resolved. */
@Describe(
  'The assignee reported the work done, with the time spent; the ticket is resolved until the resident confirms.',
)
export class WorkCompletedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the assignment.')
  @IsUUID()
  assignmentId: string;

  @Describe('The member or property company that did the work; only members earn service hours.')
  @NestedObject(() => AssigneeRef)
  assignee: AssigneeRef;

  @Describe('Minutes spent on the work, 1 to 1440; credited as service hours once the ticket is confirmed.')
  @IsInt()
  @Min(1)
  @Max(1440)
  minutesSpent: number;

  @Describe('What was done, at most 500 characters; must not contain names or phone numbers.')
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @Describe('When the work was reported done.')
  @IsUtcTimestamp()
  completedAt: string;
}

/** `work.completed` v1. */
export const workCompletedV1 = defineEvent({
  type: 'work.completed',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: WorkCompletedV1,
  producer: 'dispatch',
  consumers: ['requests', 'volunteer-hours', 'notifications'],
  description:
    'The assignee finished the work; the resident is asked to confirm, and the minutes wait for confirmation to be credited.',
  fixture,
});
