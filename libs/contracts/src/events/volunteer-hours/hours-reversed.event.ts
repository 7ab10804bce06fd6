import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsAccountId, IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { CreditSource } from '../shared/credit-source';
import fixture from './fixtures/hours.reversed.v1.json';

/** Why credited minutes were taken back. */
export const hoursReversalReasons = ['ticket_reopened', 'correction'] as const;
/** Why credited minutes were taken back: the ticket was reopened, or staff corrected the ledger. */
export type HoursReversalReason = (typeof hoursReversalReasons)[number];

/** A credit was cancelled by a compensating ledger entry (the ledger is append-only). */
@Describe('A credit was cancelled by a compensating ledger entry; the ledger is append-only.')
export class HoursReversedV1 {
  @Describe('Id of the compensating ledger entry.')
  @IsUUID()
  entryId: string;

  @Describe('Id of the credit entry it cancels.')
  @IsUUID()
  reversesEntryId: string;

  @Describe('Account id of the party member.')
  @IsAccountId()
  memberId: string;

  @Describe('Minutes taken back: exactly the minutes of the reversed credit.')
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes: number;

  @Describe('The ticket or activity of the reversed credit.')
  @NestedObject(() => CreditSource)
  source: CreditSource;

  @Describe('ticket_reopened or correction.')
  @IsIn(hoursReversalReasons)
  reason: HoursReversalReason;

  @Describe('Event id of the fact that caused the reversal (e.g. ticket.reopened).')
  @IsUUID()
  causedByEventId: string;

  @Describe('When the compensating entry was written.')
  @IsUtcTimestamp()
  reversedAt: string;
}

/** `hours.reversed` v1. */
export const hoursReversedV1 = defineEvent({
  type: 'hours.reversed',
  version: 1,
  topic: Topics.hoursLedger,
  keyField: 'memberId',
  payloadClass: HoursReversedV1,
  producer: 'volunteer-hours',
  consumers: ['requests', 'notifications'],
  description:
    'A credit was reversed by a compensating entry, because the ticket was reopened or the ledger was corrected.',
  fixture,
});
