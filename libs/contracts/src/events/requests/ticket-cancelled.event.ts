import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/ticket.cancelled.v1.json';

/** Why a ticket was cancelled. */
export const ticketCancellationReasons = [
  'withdrawn',
  'duplicate',
  'resolved_elsewhere',
  'filed_in_error',
  'other',
] as const;
/** Why a ticket was cancelled. */
export type TicketCancellationReason = (typeof ticketCancellationReasons)[number];

/** An open ticket was cancelled by the resident or by staff. */
@Describe('An open ticket was cancelled by the resident or by staff.')
export class TicketCancelledV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('withdrawn, duplicate, resolved_elsewhere, filed_in_error or other.')
  @IsIn(ticketCancellationReasons)
  reasonCode: TicketCancellationReason;

  @Describe('Free-text explanation, at most 200 characters; must not contain names or phone numbers.')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reasonText?: string;

  @Describe('When the ticket was cancelled.')
  @IsUtcTimestamp()
  cancelledAt: string;
}

/** `ticket.cancelled` v1. */
export const ticketCancelledV1 = defineEvent({
  type: 'ticket.cancelled',
  version: 1,
  topic: Topics.requestsTicket,
  keyField: 'ticketId',
  payloadClass: TicketCancelledV1,
  producer: 'requests',
  consumers: ['dispatch', 'notifications'],
  description:
    'An open ticket was cancelled; dispatch withdraws any offer or assignment and stops its timers.',
  fixture,
});
