import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { ActorRef } from '../shared/actor-ref';
import fixture from './fixtures/notification.delivered.v1.json';
import fixtureV2 from './fixtures/notification.delivered.v2.json';

/** Where a notification reached its recipient. */
export const deliveryChannels = ['inbox', 'live_stream'] as const;
/** Where a notification reached its recipient: the inbox, or the live stream (SSE) of an open session. */
export type DeliveryChannel = (typeof deliveryChannels)[number];

/** One notification that reached a person: which, who, where. */
@Describe('One notification: who received it and where.')
export class NotificationDelivery {
  @Describe('Id of the notification.')
  @IsUUID()
  notificationId: string;

  @Describe('Who received it, in which role.')
  @NestedObject(() => ActorRef)
  recipient: ActorRef;

  @Describe('inbox, or live_stream when pushed to an open session.')
  @IsIn(deliveryChannels)
  channel: DeliveryChannel;
}

/** A notification reached a person. */
@Describe('A notification reached a person.')
export class NotificationDeliveredV1 extends NotificationDelivery {
  @Describe('Event id of the fact the notification is about.')
  @IsUUID()
  causedByEventId: string;

  @Describe('Type of that event, e.g. ticket.dispatched.')
  @Matches(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/)
  causedByEventType: string;

  @Describe("The ticket the notification concerns, if any; puts the delivery on the ticket's timeline.")
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @Describe('When it was delivered.')
  @IsUtcTimestamp()
  deliveredAt: string;
}

/** `notification.delivered` v1: one record per recipient. Read for records already on the topic; see ADR 0043. */
export const notificationDeliveredV1 = defineEvent({
  type: 'notification.delivered',
  version: 1,
  topic: Topics.notificationsDelivery,
  keyField: 'notificationId',
  payloadClass: NotificationDeliveredV1,
  producer: 'notifications',
  consumers: ['requests'],
  description:
    'Superseded by v2 (no longer published; read until the records on the topic expire): a notification reached its recipient; requests shows on the ticket timeline that the member or staff was told.',
  fixture,
});

/** The notifications one event caused reached their recipients: one fact per causing event. */
@Describe('The notifications one event caused reached their recipients: one fact for all of them.')
export class NotificationDeliveredV2 {
  @Describe('Event id of the fact the notifications are about.')
  @IsUUID()
  causedByEventId: string;

  @Describe('Type of that event, e.g. ticket.dispatched.')
  @Matches(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/)
  causedByEventType: string;

  @Describe("The ticket the notifications concern, if any; puts them on the ticket's timeline.")
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @Describe('Every notification of the event, one per recipient, 1 to 1,000.')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @NestedObject(() => NotificationDelivery, { each: true })
  deliveries: NotificationDelivery[];

  @Describe('When they were delivered.')
  @IsUtcTimestamp()
  deliveredAt: string;
}

/** `notification.delivered` v2. */
export const notificationDeliveredV2 = defineEvent({
  type: 'notification.delivered',
  version: 2,
  topic: Topics.notificationsDelivery,
  keyField: 'causedByEventId',
  payloadClass: NotificationDeliveredV2,
  producer: 'notifications',
  consumers: ['requests'],
  description:
    "The notifications one event caused reached their recipients, all in one fact; requests shows on the ticket's timeline who was told.",
  fixture: fixtureV2,
});
