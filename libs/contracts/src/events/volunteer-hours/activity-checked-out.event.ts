import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsAccountId, IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/activity.checked_out.v1.json';

/** A member checked out of an activity; the minutes attended are to be credited. */
@Describe('A party member checked out of a volunteer activity; the minutes attended are to be credited.')
export class ActivityCheckedOutV1 {
  @Describe('Id of the activity.')
  @IsUUID()
  activityId: string;

  @Describe('Account id of the party member.')
  @IsAccountId()
  memberId: string;

  @Describe('When the member checked in.')
  @IsUtcTimestamp()
  checkedInAt: string;

  @Describe('When the member checked out.')
  @IsUtcTimestamp()
  checkedOutAt: string;

  @Describe('Minutes attended, 1 to 1440, as approved by the organiser.')
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes: number;
}

/** `activity.checked_out` v1. */
export const activityCheckedOutV1 = defineEvent({
  type: 'activity.checked_out',
  version: 1,
  topic: Topics.hoursActivity,
  keyField: 'activityId',
  payloadClass: ActivityCheckedOutV1,
  producer: 'volunteer-hours',
  // volunteer-hours reads its own check-outs so that activity credits take the same idempotent,
  // causedByEventId-keyed path into the ledger as ticket credits.
  consumers: ['volunteer-hours', 'notifications'],
  description:
    'A member checked out of an activity; the ledger credits the minutes through the same path as ticket credits.',
  fixture,
});
