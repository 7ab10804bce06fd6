// Public API of @loop/contracts: the events of the loop, their envelope, the topics they flow on, and
// the AsyncAPI catalogue built from them.
export * from './services';
export * from './roles';
export * from './audit/loop-audit-facts';
export * from './reports/monthly-report-facts';
export * from './reference/place-id';

export * from './schema/contract-metadata';
export * from './schema/contract-validators';
export * from './schema/validate-contract';
export * from './schema/json-schema';

export * from './topics/topic-registry';
export * from './topics/topic-specs';

export * from './events/event-definition';
export * from './events/shared/actor-ref';
export * from './events/shared/assignee-ref';
export * from './events/shared/place-labels';
export * from './events/shared/credit-source';
export * from './events/requests/ticket-submitted.event';
export * from './events/requests/ticket-cancelled.event';
export * from './events/requests/ticket-confirmed.event';
export * from './events/requests/ticket-reopened.event';
export * from './events/requests/ticket-merged.event';
export * from './events/requests/ticket-unmerged.event';
export * from './events/dispatch/ticket-dispatched.event';
export * from './events/dispatch/ticket-queued.event';
export * from './events/dispatch/assignment-accepted.event';
export * from './events/dispatch/assignment-declined.event';
export * from './events/dispatch/assignment-expired.event';
export * from './events/dispatch/assignment-handed-back.event';
export * from './events/dispatch/work-started.event';
export * from './events/dispatch/work-completed.event';
export * from './events/dispatch/ticket-escalated.event';
export * from './events/dispatch/sla-reminder-due.event';
export * from './events/dispatch/summons.events';
export * from './events/directory/directory-entry';
export * from './events/directory/community.events';
export * from './events/directory/compound.events';
export * from './events/directory/member.events';
export * from './events/directory/staff.events';
export * from './events/directory/official.events';
export * from './events/volunteer-hours/hours-credited.event';
export * from './events/volunteer-hours/hours-reversed.event';
export * from './events/volunteer-hours/activity-published.event';
export * from './events/volunteer-hours/activity-signed-up.event';
export * from './events/volunteer-hours/activity-checked-out.event';
export * from './events/notifications/notification-delivered.event';

export * from './catalogue/event-catalogue';

export * from './envelope/event-envelope';
export * from './envelope/event-headers';
export * from './envelope/build-envelope';
export * from './envelope/validate-envelope';
export * from './envelope/recorded-events';

export * from './asyncapi/asyncapi-document';
export * from './reference/ticket-categories';
