// Every event of the loop, and the lookups producers, consumers and tooling use to find them.
import { ServiceName } from '../services';
import { TopicName, topicRegistry } from '../topics/topic-registry';
import { EventDefinition } from '../events/event-definition';
import { ticketSubmittedV1 } from '../events/requests/ticket-submitted.event';
import { ticketCancelledV1 } from '../events/requests/ticket-cancelled.event';
import { ticketConfirmedV1 } from '../events/requests/ticket-confirmed.event';
import { ticketReopenedV1 } from '../events/requests/ticket-reopened.event';
import { ticketMergedV1 } from '../events/requests/ticket-merged.event';
import { ticketUnmergedV1 } from '../events/requests/ticket-unmerged.event';
import { ticketDispatchedV1 } from '../events/dispatch/ticket-dispatched.event';
import { ticketQueuedV1 } from '../events/dispatch/ticket-queued.event';
import { assignmentAcceptedV1 } from '../events/dispatch/assignment-accepted.event';
import { assignmentDeclinedV1 } from '../events/dispatch/assignment-declined.event';
import { assignmentExpiredV1 } from '../events/dispatch/assignment-expired.event';
import { assignmentHandedBackV1 } from '../events/dispatch/assignment-handed-back.event';
import { workStartedV1 } from '../events/dispatch/work-started.event';
import { workCompletedV1 } from '../events/dispatch/work-completed.event';
import { ticketEscalatedV1 } from '../events/dispatch/ticket-escalated.event';
import { slaReminderDueV1 } from '../events/dispatch/sla-reminder-due.event';
import {
  summonsCheckedInV1,
  summonsIssuedV1,
  summonsOverdueV1,
  summonsReleasedV1,
  summonsReportedV1,
} from '../events/dispatch/summons.events';
import { communityRegisteredV1, communityUpdatedV1 } from '../events/directory/community.events';
import { compoundRegisteredV1, compoundUpdatedV1 } from '../events/directory/compound.events';
import { memberRegisteredV1, memberUpdatedV1 } from '../events/directory/member.events';
import { staffRegisteredV1, staffUpdatedV1 } from '../events/directory/staff.events';
import { officialRegisteredV1, officialUpdatedV1 } from '../events/directory/official.events';
import { hoursCreditedV1 } from '../events/volunteer-hours/hours-credited.event';
import { hoursReversedV1 } from '../events/volunteer-hours/hours-reversed.event';
import { activityPublishedV1 } from '../events/volunteer-hours/activity-published.event';
import { activitySignedUpV1 } from '../events/volunteer-hours/activity-signed-up.event';
import { activityCheckedOutV1 } from '../events/volunteer-hours/activity-checked-out.event';
import {
  notificationDeliveredV1,
  notificationDeliveredV2,
} from '../events/notifications/notification-delivered.event';

/** Every declared event, grouped by topic in registry order; the order of the published catalogue. */
export const eventCatalogue: readonly EventDefinition[] = [
  ticketSubmittedV1,
  ticketCancelledV1,
  ticketConfirmedV1,
  ticketReopenedV1,
  ticketMergedV1,
  ticketUnmergedV1,
  ticketQueuedV1,
  ticketDispatchedV1,
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  assignmentExpiredV1,
  assignmentHandedBackV1,
  workStartedV1,
  workCompletedV1,
  ticketEscalatedV1,
  slaReminderDueV1,
  summonsIssuedV1,
  summonsCheckedInV1,
  summonsReportedV1,
  summonsReleasedV1,
  summonsOverdueV1,
  communityRegisteredV1,
  communityUpdatedV1,
  compoundRegisteredV1,
  compoundUpdatedV1,
  memberRegisteredV1,
  memberUpdatedV1,
  staffRegisteredV1,
  staffUpdatedV1,
  officialRegisteredV1,
  officialUpdatedV1,
  hoursCreditedV1,
  hoursReversedV1,
  activityPublishedV1,
  activitySignedUpV1,
  activityCheckedOutV1,
  notificationDeliveredV1,
  notificationDeliveredV2,
];

const byTypeAndVersion = new Map(
  eventCatalogue.map((definition) => [`${definition.type}@${definition.version}`, definition]),
);

/** The declaration of an event type at a version, if declared. */
export function eventDefinition(type: string, version: number): EventDefinition | undefined {
  return byTypeAndVersion.get(`${type}@${version}`);
}

/** The versions declared for an event type, ascending; empty when the type is unknown. */
export function eventVersions(type: string): number[] {
  return eventCatalogue
    .filter((definition) => definition.type === type)
    .map((definition) => definition.version)
    .sort((a, b) => a - b);
}

/** The events published to a topic (unprefixed name). */
export function eventsOnTopic(topic: TopicName | string): EventDefinition[] {
  return eventCatalogue.filter((definition) => definition.topic === topic);
}

/** The events a service consumes. */
export function eventsConsumedBy(service: ServiceName): EventDefinition[] {
  return eventCatalogue.filter((definition) => definition.consumers.includes(service));
}

/** The events a service produces. */
export function eventsProducedBy(service: ServiceName): EventDefinition[] {
  return eventCatalogue.filter((definition) => definition.producer === service);
}

/** The topics a service must subscribe to, in registry order (unprefixed names). */
export function topicsConsumedBy(service: ServiceName): TopicName[] {
  const consumed = new Set(eventsConsumedBy(service).map((definition) => definition.topic));
  return topicRegistry.map((topic) => topic.name).filter((name) => consumed.has(name));
}
