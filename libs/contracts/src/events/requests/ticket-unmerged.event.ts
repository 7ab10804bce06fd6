import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/ticket.unmerged.v1.json';

/** A merged duplicate was taken out of its master and returned to its own loop. */
@Describe(
  'A merged duplicate was taken out of its master and returned to its own loop: it waits for dispatch again, from scratch.',
)
export class TicketUnmergedV1 {
  @Describe('Id of the ticket returned to its own loop (the event is keyed by it).')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the master it had been merged into.')
  @IsUUID()
  masterTicketId: string;

  @Describe('Why staff unmerged it, 1–200 characters; must not contain names or phone numbers.')
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason: string;

  @Describe('When the ticket was unmerged.')
  @IsUtcTimestamp()
  unmergedAt: string;
}

/** `ticket.unmerged` v1. */
export const ticketUnmergedV1 = defineEvent({
  type: 'ticket.unmerged',
  version: 1,
  topic: Topics.requestsTicket,
  keyField: 'ticketId',
  payloadClass: TicketUnmergedV1,
  producer: 'requests',
  consumers: ['dispatch', 'notifications'],
  description:
    'A merged duplicate returned to its own loop; dispatch opens its case again against fresh deadlines, notifications stop copying the master to its resident.',
  fixture,
});
