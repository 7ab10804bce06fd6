// Public API of @loop/messaging: the transactional outbox and its relay, idempotent consumers with
// retries and dead letters, topic provisioning and the operations behind the messaging commands.

// outbox
export { OutboxWriter } from './outbox/outbox-writer';
export { OutboxRelay } from './outbox/outbox-relay';
export type { OutboxRelayOptions, OutboxRelayTuning, OutboxRelayFaults } from './outbox/outbox-relay';
export type { PendingOutboxRow } from './outbox/outbox-batch';
export {
  OutboxInboxMigration,
  messagingMigrations,
  outboxNotificationChannel,
} from './outbox/outbox-inbox.migration';
export { readOutboxBacklog } from './outbox/outbox-backlog';
export type { OutboxBacklog, SqlQueryable } from './outbox/outbox-backlog';
export { dedicatedConnectionsFor, dedicatedConnectionsFromUrl } from './outbox/dedicated-connection';
export type { DedicatedConnectionFactory } from './outbox/dedicated-connection';

// units of work: one transaction, instant, id source and cause per change, its events in the outbox
export { UnitOfWork } from './unit-of-work/unit-of-work';
export type { IdSource, RecordOptions } from './unit-of-work/unit-of-work';
export { UnitsOfWork, ID_SOURCE } from './unit-of-work/units-of-work';
export { OutboxBuffer } from './unit-of-work/outbox-buffer';
export { requestCause, systemCause, causeFollowing } from './unit-of-work/cause';
export type { Actor, Cause } from './unit-of-work/cause';

// inbox
export { claimInboxEntry, forgetHandledEvents } from './inbox/inbox';
export type { InboxEntry, MessagePosition } from './inbox/inbox';

// consumers
export { EventHandler, handledEventOf, EVENT_HANDLER_METADATA } from './consumer/event-handler.decorator';
export { HandlerTable } from './consumer/event-handler-registration';
export type {
  EventHandlerRegistration,
  EventHandlerFunction,
  HandlingContext,
} from './consumer/event-handler-registration';
export { RetriableError } from './consumer/retriable.error';
export { defaultRetryPolicy, retryDelayMs, mayRetry } from './consumer/retry.policy';
export type { RetryPolicy } from './consumer/retry.policy';
export { classifyFailure } from './consumer/failure-classification';
export type { FailureKind } from './consumer/failure-classification';
export { EventConsumer } from './consumer/event-consumer';
export type { EventConsumerOptions, EventConsumerTuning } from './consumer/event-consumer';
export { MessageProcessor, ConsumerStopping } from './consumer/message-processor';
export type { ProcessingOutcome } from './consumer/message-processor';
export { deadLetterRecord, replayRecord } from './consumer/dead-letter-record';
export type { DeadLetterCause, DeadLetterRecord } from './consumer/dead-letter-record';
export { headerText, headersAsText } from './consumer/consumed-message';
export type { ConsumedMessage } from './consumer/consumed-message';
export { measureConsumerLag } from './consumer/consumer-lag-monitor';
export type { PartitionLag } from './consumer/consumer-lag-monitor';

// dead-letter log
export { DeadLetterLogMigration } from './dead-letters/dead-letter-log.migration';
export { logDeadLetter, parkedEvents } from './dead-letters/dead-letter-log';
export type { DeadLetterLogEntry } from './dead-letters/dead-letter-log';

// kafka
export { createKafkaClient, createIdempotentProducer } from './kafka/kafka-client';
export type { KafkaConnectionOptions } from './kafka/kafka-client';
export { provisionTopics, waitForLeaders } from './kafka/topic-provisioning';
export type { TopicSpec, ProvisioningReport } from './kafka/topic-provisioning';

// metrics
export { messagingMetrics, watchOutboxBacklog } from './metrics/messaging-metrics';
export type { MessagingMetrics, OutboxMetrics } from './metrics/messaging-metrics';

// runtime and NestJS
export { MessagingRuntime } from './messaging-runtime';
export type { MessagingOptions } from './messaging-runtime';
export { MessagingModule, MessagingLifecycle, MESSAGING_OPTIONS } from './nest/messaging.module';
export type { MessagingModuleAsyncOptions } from './nest/messaging.module';
export { OutboxModule } from './nest/outbox.module';
export { messagingOptionsFrom, consumerGroupFrom } from './nest/messaging-options-from-config';

// operations (the messaging commands in tools/messaging)
export { replayDeadLetters } from './operations/replay-dead-letters';
export type { DeadLetterSelection, ReplayedRecord, ReplayOptions } from './operations/replay-dead-letters';
export { rebuildReadModel } from './operations/rebuild-read-model';
export type { ReadModelRebuild, ReadModelRebuildReport } from './operations/rebuild-read-model';
