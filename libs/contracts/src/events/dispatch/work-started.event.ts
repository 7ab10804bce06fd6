import { IsUUID } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { AssigneeRef } from '../shared/assignee-ref';
import fixture from './fixtures/work.started.v1.json';

/** The assignee started the work on site; the ticket is in progress. */
@Describe('The assignee started the work; the ticket is in progress.')
export class WorkStartedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the assignment.')
  @IsUUID()
  assignmentId: string;

  @Describe('The member or property company doing the work.')
  @NestedObject(() => AssigneeRef)
  assignee: AssigneeRef;

  @Describe('When the work started.')
  @IsUtcTimestamp()
  startedAt: string;
}

/** `work.started` v1. */
export const workStartedV1 = defineEvent({
  type: 'work.started',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: WorkStartedV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description: 'The assignee started the work; residents see the ticket as in progress.',
  fixture,
});
