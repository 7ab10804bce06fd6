import { IsBoolean, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/ticket.merged.v1.json';

/** An open ticket was merged into an older open ticket about the same problem (its master). */
@Describe(
  'An open ticket was merged, as a duplicate report of the same problem, into an older open ticket (its master); the duplicate stops its own dispatch and follows the master until it is unmerged.',
)
export class TicketMergedV1 {
  @Describe('Id of the duplicate ticket (the event is keyed by it).')
  @IsUUID()
  ticketId: string;

  @Describe('Number of the duplicate ticket, as its resident knows it.')
  @IsString()
  @MaxLength(32)
  ticketNumber: string;

  @Describe('Id of the master ticket whose loop the duplicate follows.')
  @IsUUID()
  masterTicketId: string;

  @Describe('Number of the master ticket.')
  @IsString()
  @MaxLength(32)
  masterTicketNumber: string;

  @Describe(
    "True when the community's auto-merge merged an exact match (same place, category and window) without staff; the actor is then system.",
  )
  @IsBoolean()
  auto: boolean;

  @Describe(
    'Text similarity of the two tickets (0–1, character bigrams of title and description), when computed.',
  )
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  similarity?: number;

  @Describe('Why staff merged them, at most 200 characters; must not contain names or phone numbers.')
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @Describe('When the ticket was merged.')
  @IsUtcTimestamp()
  mergedAt: string;
}

/** `ticket.merged` v1. */
export const ticketMergedV1 = defineEvent({
  type: 'ticket.merged',
  version: 1,
  topic: Topics.requestsTicket,
  keyField: 'ticketId',
  payloadClass: TicketMergedV1,
  producer: 'requests',
  consumers: ['dispatch', 'notifications'],
  description:
    "A duplicate report was merged into its master; dispatch withdraws the duplicate's offer or assignment as for a cancellation, notifications tell its resident what the master's resident hears.",
  fixture,
});
