import { IsIn, IsUUID } from 'class-validator';
import { Describe, NestedObject, Nullable } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { ActorRef } from '../shared/actor-ref';
import fixture from './fixtures/ticket.escalated.v1.json';

/** Escalation levels: 1 community secretary, 2 town/street official, 3 county leader (三级包联). */
export const escalationLevels = [1, 2, 3] as const;
/** An escalation level: 1 community secretary, 2 town/street official, 3 county leader. */
export type EscalationLevel = (typeof escalationLevels)[number];

/** What breach caused an escalation. */
export const escalationReasons = ['accept_deadline', 'completion_deadline', 'no_candidates'] as const;
/** What breach caused an escalation. */
export type EscalationReason = (typeof escalationReasons)[number];

/** A deadline was breached or nobody could take the ticket; it was raised to the next level. */
@Describe(
  'A deadline was breached or nobody could take the ticket; it was raised to the next escalation level.',
)
export class TicketEscalatedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('The offer or assignment whose deadline was breached; null when there were no candidates.')
  @Nullable()
  @IsUUID()
  assignmentId: string | null;

  @Describe('1 community secretary (社区书记), 2 town/street official (街道/乡镇), 3 county leader (县级).')
  @IsIn(escalationLevels)
  level: EscalationLevel;

  @Describe('accept_deadline, completion_deadline or no_candidates.')
  @IsIn(escalationReasons)
  reason: EscalationReason;

  @Describe('The secretary or official who now answers for the ticket.')
  @NestedObject(() => ActorRef)
  escalatedTo: ActorRef;

  @Describe('When the ticket was escalated.')
  @IsUtcTimestamp()
  escalatedAt: string;
}

/** `ticket.escalated` v1. */
export const ticketEscalatedV1 = defineEvent({
  type: 'ticket.escalated',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: TicketEscalatedV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description:
    'An SLA deadline passed or no candidate was found; the ticket is flagged with an escalation level and stays in the loop.',
  fixture,
});
