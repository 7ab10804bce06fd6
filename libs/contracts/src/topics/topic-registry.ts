// Every Kafka topic of the loop, declared once. Topics are provisioned from this registry (never by the
// broker's auto-creation, which would silently pick default partitions and retention).
import { ServiceName } from '../services';

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function deadLetterTopicName(topic: string): string {
  return `${topic}.dlq`;
}

/** Names of the loop's topics: owner, stream, version. */
export const Topics = {
  /** The ticket stream published by requests (群众点单). */
  requestsTicket: 'requests.ticket.v1',
  /** Offers, assignments, work and escalations published by dispatch (社区派单, 党员接单), keyed by ticket. */
  dispatchAssignment: 'dispatch.assignment.v1',
  /** The directory (communities, members, staff, officials) published by dispatch; compacted. */
  dispatchDirectory: 'dispatch.directory.v1',
  /** The service-hours ledger published by volunteer-hours, keyed by member. */
  hoursLedger: 'hours.ledger.v1',
  /** Volunteer activities and sign-ups published by volunteer-hours, keyed by activity. */
  hoursActivity: 'hours.activity.v1',
  /** Delivery receipts published by notifications. */
  notificationsDelivery: 'notifications.delivery.v1',
} as const;

/** The name of one of the loop's topics (without a test prefix). */
export type TopicName = (typeof Topics)[keyof typeof Topics];

/** How a topic discards old records. */
export type CleanupPolicy = 'delete' | 'compact';

/** A topic's dead-letter twin, where consumers park what they cannot handle. */
export interface DeadLetterTopicDefinition {
  /** `<topic>.dlq`. */
  readonly name: string;
  /** Partition count of the dead-letter topic. */
  readonly partitions: number;
  /** How long parked records are kept, in milliseconds. */
  readonly retentionMs: number;
}

/** One topic of the loop and everything needed to create it. */
export interface TopicDefinition {
  /** Topic name, e.g. `requests.ticket.v1`. */
  readonly name: TopicName;
  /** The only service that publishes to the topic. */
  readonly owner: ServiceName;
  /** What flows on the topic and how it is keyed. */
  readonly description: string;
  /** Partition count; see the comment on {@link loopPartitions}. */
  readonly partitions: number;
  /** `delete` for event streams, `compact` for latest-state-per-key topics. */
  readonly cleanupPolicy: CleanupPolicy;
  /** Retention in milliseconds; -1 keeps records forever. */
  readonly retentionMs: number;
  /** Replicas that must acknowledge a write with acks=all, on a cluster with replication factor 3. */
  readonly minInSyncReplicas: number;
  /** Further topic-level settings, e.g. compaction lag. */
  readonly extraConfig: Readonly<Record<string, string>>;
  /** The topic's dead-letter topic. */
  readonly deadLetter: DeadLetterTopicDefinition;
}

/**
 * 12 partitions for every stream topic. A key (ticket, member, activity) always maps to one partition,
 * so adding partitions later would move keys and break per-ticket ordering while old records sit on the
 * old partition: the count must be right from the start. 12 divides evenly among 1, 2, 3, 4, 6 or 12
 * consumer replicas, and is far above the throughput a province needs (a 12345 hotline's tens of
 * thousands of tickets a day are a few events per second) while costing little on a single broker.
 */
export const loopPartitions = 12;

/** The directory is small (thousands of members) and read by rebuild-on-start consumers: 3 is plenty. */
const directoryPartitions = 3;

/** Keep loop facts: read models are rebuilt by replaying them (DESIGN §5). */
const keepForever = -1;

const day = 24 * 60 * 60 * 1000;

/**
 * Dead letters wait 30 days for ops to inspect and replay them: long enough to outlast a Spring
 * Festival holiday and a monthly review. One partition, because they are rare and a single ordered log
 * is the easiest to read and replay; replay goes back to the source topic where keys order again.
 */
function deadLetterOf(name: string): DeadLetterTopicDefinition {
  return { name: deadLetterTopicName(name), partitions: 1, retentionMs: 30 * day };
}

/** Two in-sync replicas: a write survives the loss of one broker of the usual three. */
const productionMinInSyncReplicas = 2;

/** Every topic of the loop. */
export const topicRegistry: readonly TopicDefinition[] = [
  {
    name: Topics.requestsTicket,
    owner: 'requests',
    description: 'Tickets raised, cancelled, confirmed and reopened (群众点单). Key: ticket id.',
    partitions: loopPartitions,
    cleanupPolicy: 'delete',
    retentionMs: keepForever,
    minInSyncReplicas: productionMinInSyncReplicas,
    extraConfig: {},
    deadLetter: deadLetterOf(Topics.requestsTicket),
  },
  {
    name: Topics.dispatchAssignment,
    owner: 'dispatch',
    description:
      "Dispatch, offers, acceptance, work and escalation of tickets (社区派单, 党员接单). Key: ticket id, so one ticket's events stay in order with each other.",
    partitions: loopPartitions,
    cleanupPolicy: 'delete',
    retentionMs: keepForever,
    minInSyncReplicas: productionMinInSyncReplicas,
    extraConfig: {},
    deadLetter: deadLetterOf(Topics.dispatchAssignment),
  },
  {
    name: Topics.dispatchDirectory,
    owner: 'dispatch',
    description:
      'Latest state of communities, compounds (with their households and registered residents), party members, community staff and officials. Compacted: every event carries the full current state of its entity. Key: entity id.',
    partitions: directoryPartitions,
    cleanupPolicy: 'compact',
    retentionMs: keepForever,
    minInSyncReplicas: productionMinInSyncReplicas,
    // Compaction keeps only the newest record per key; a lag of an hour keeps recent history readable
    // for debugging, and tombstones (if ever used) stay a day so slow consumers still see deletions.
    extraConfig: { 'min.compaction.lag.ms': String(60 * 60 * 1000), 'delete.retention.ms': String(day) },
    deadLetter: deadLetterOf(Topics.dispatchDirectory),
  },
  {
    name: Topics.hoursLedger,
    owner: 'volunteer-hours',
    description:
      "Service hours credited and reversed in the ledger. Key: member id, so a member's ledger stays in order.",
    partitions: loopPartitions,
    cleanupPolicy: 'delete',
    retentionMs: keepForever,
    minInSyncReplicas: productionMinInSyncReplicas,
    extraConfig: {},
    deadLetter: deadLetterOf(Topics.hoursLedger),
  },
  {
    name: Topics.hoursActivity,
    owner: 'volunteer-hours',
    description:
      'Volunteer activities (志愿活动) published, signed up for and checked out of. Key: activity id.',
    partitions: loopPartitions,
    cleanupPolicy: 'delete',
    retentionMs: keepForever,
    minInSyncReplicas: productionMinInSyncReplicas,
    extraConfig: {},
    deadLetter: deadLetterOf(Topics.hoursActivity),
  },
  {
    name: Topics.notificationsDelivery,
    owner: 'notifications',
    description:
      'Receipts of notifications delivered: one record per causing event naming every recipient. Key: causing event id (notification id on v1 records).',
    partitions: loopPartitions,
    cleanupPolicy: 'delete',
    // Receipts feed the timeline once; a week covers any consumer outage worth recovering from.
    retentionMs: 7 * day,
    minInSyncReplicas: productionMinInSyncReplicas,
    extraConfig: {},
    deadLetter: deadLetterOf(Topics.notificationsDelivery),
  },
];

/** The registered topic with this name, if any. */
export function topicDefinition(name: string): TopicDefinition | undefined {
  return topicRegistry.find((topic) => topic.name === name);
}
