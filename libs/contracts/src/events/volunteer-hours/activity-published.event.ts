import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsCode, IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/activity.published.v1.json';

/** A community published a volunteer activity members can sign up for (志愿活动). */
@Describe('A community published a volunteer activity (志愿活动) that members can sign up for.')
export class ActivityPublishedV1 {
  @Describe('Id of the activity; its title and description are read over HTTP from volunteer-hours.')
  @IsUUID()
  activityId: string;

  @Describe('The organising community.')
  @IsUUID()
  communityId: string;

  @Describe('Kind of activity, e.g. elderly_care or environment.cleanup.')
  @IsCode()
  categoryCode: string;

  @Describe('When the activity starts.')
  @IsUtcTimestamp()
  startsAt: string;

  @Describe('When the activity ends.')
  @IsUtcTimestamp()
  endsAt: string;

  @Describe('How many members can sign up, 1 to 10000.')
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @Describe('When the activity was published.')
  @IsUtcTimestamp()
  publishedAt: string;
}

/** `activity.published` v1. */
export const activityPublishedV1 = defineEvent({
  type: 'activity.published',
  version: 1,
  topic: Topics.hoursActivity,
  keyField: 'activityId',
  payloadClass: ActivityPublishedV1,
  producer: 'volunteer-hours',
  consumers: ['notifications'],
  description: 'A volunteer activity was published; members of the community are told about it.',
  fixture,
});
