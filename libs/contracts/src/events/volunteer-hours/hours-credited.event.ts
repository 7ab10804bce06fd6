import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsAccountId, IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { CreditSource } from '../shared/credit-source';
import fixture from './fixtures/hours.credited.v1.json';

/** Service minutes were written to a member's ledger (服务时长). */
@Describe("Service minutes were written to a member's ledger (服务时长).")
export class HoursCreditedV1 {
  @Describe('Id of the ledger entry.')
  @IsUUID()
  entryId: string;

  @Describe('Account id of the party member credited.')
  @IsAccountId()
  memberId: string;

  @Describe('Minutes credited, 1 to 1440.')
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes: number;

  @Describe('The ticket or activity the minutes were earned on.')
  @NestedObject(() => CreditSource)
  source: CreditSource;

  @Describe(
    'Event id of the fact that earned the credit (ticket.confirmed or activity.checked_out); one credit per cause.',
  )
  @IsUUID()
  causedByEventId: string;

  @Describe('When the entry was written.')
  @IsUtcTimestamp()
  creditedAt: string;
}

/** `hours.credited` v1. */
export const hoursCreditedV1 = defineEvent({
  type: 'hours.credited',
  version: 1,
  topic: Topics.hoursLedger,
  keyField: 'memberId',
  payloadClass: HoursCreditedV1,
  producer: 'volunteer-hours',
  consumers: ['requests', 'notifications'],
  description:
    'A member was credited service minutes for a confirmed ticket or a volunteer activity; the ticket timeline shows it.',
  fixture,
});
