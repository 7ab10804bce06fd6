import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/ticket.reopened.v1.json';

/** Why a resident reopened a ticket. */
export const ticketReopenReasons = ['not_fixed', 'recurred', 'unsatisfied', 'other'] as const;
/** Why a resident reopened a ticket. */
export type TicketReopenReason = (typeof ticketReopenReasons)[number];

/** The state a ticket was reopened from. */
export const reopenableTicketStates = ['resolved', 'closed'] as const;
/** The state a ticket was reopened from: resolved (member done) or closed (confirmed). */
export type ReopenableTicketState = (typeof reopenableTicketStates)[number];

/** A resolved or closed ticket went back into dispatch. */
@Describe('A resolved or closed ticket went back into dispatch.')
export class TicketReopenedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('The assignment whose work did not hold; hours credited for it are reversed.')
  @IsUUID()
  assignmentId: string;

  @Describe('resolved when reopened before confirmation, closed when reopened after it.')
  @IsIn(reopenableTicketStates)
  reopenedFrom: ReopenableTicketState;

  @Describe('not_fixed, recurred, unsatisfied or other.')
  @IsIn(ticketReopenReasons)
  reasonCode: TicketReopenReason;

  @Describe('Free-text explanation, at most 200 characters; must not contain names or phone numbers.')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reasonText?: string;

  @Describe('How many times the ticket has been reopened, this time included.')
  @IsInt()
  @Min(1)
  reopenCount: number;

  @Describe('When the ticket was reopened.')
  @IsUtcTimestamp()
  reopenedAt: string;
}

/** `ticket.reopened` v1. */
export const ticketReopenedV1 = defineEvent({
  type: 'ticket.reopened',
  version: 1,
  topic: Topics.requestsTicket,
  keyField: 'ticketId',
  payloadClass: TicketReopenedV1,
  producer: 'requests',
  consumers: ['dispatch', 'volunteer-hours', 'notifications'],
  description:
    'The resident reopened a resolved or closed ticket; dispatch dispatches it again and any hours credited for the failed work are reversed.',
  fixture,
});
