import { IsUUID } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsAccountId, IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/activity.signed_up.v1.json';

/** A member signed up for a volunteer activity. */
@Describe('A party member signed up for a volunteer activity.')
export class ActivitySignedUpV1 {
  @Describe('Id of the activity.')
  @IsUUID()
  activityId: string;

  @Describe('Account id of the party member.')
  @IsAccountId()
  memberId: string;

  @Describe('When the member signed up.')
  @IsUtcTimestamp()
  signedUpAt: string;
}

/** `activity.signed_up` v1. */
export const activitySignedUpV1 = defineEvent({
  type: 'activity.signed_up',
  version: 1,
  topic: Topics.hoursActivity,
  keyField: 'activityId',
  payloadClass: ActivitySignedUpV1,
  producer: 'volunteer-hours',
  consumers: ['notifications'],
  description: 'A member signed up for an activity; they get a confirmation and a reminder before it starts.',
  fixture,
});
