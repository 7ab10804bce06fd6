import { setTimeout as delay } from 'node:timers/promises';
import { Logger, LoggerService } from '@nestjs/common';
import { resolveTopicName, topicRegistry, topicSpecs } from '@loop/contracts';
import { exponentialBackoffMs, KafkaSecurity } from '@loop/platform';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventConsumer, EventConsumerTuning } from './consumer/event-consumer';
import { EventHandlerRegistration, HandlerTable } from './consumer/event-handler-registration';
import { createIdempotentProducer, createKafkaClient } from './kafka/kafka-client';
import { provisionTopics } from './kafka/topic-provisioning';
import { messagingMetrics, watchOutboxBacklog } from './metrics/messaging-metrics';
import { dedicatedConnectionsFor } from './outbox/dedicated-connection';
import { readOutboxBacklog } from './outbox/outbox-backlog';
import { OutboxRelay, OutboxRelayFaults, OutboxRelayTuning } from './outbox/outbox-relay';

/** Everything a service's event backbone needs to know; usually built from PlatformConfig. */
export interface MessagingOptions {
  /** The service (requests, dispatch, …): names the relay lock and the default consumer group. */
  service: string;
  /** KAFKA_BROKERS. */
  brokers: string[];
  /** KAFKA_CLIENT_ID. */
  clientId: string;
  /** KAFKA_TLS*, KAFKA_SASL_*: how the clients authenticate; absent for a plain local broker. */
  security?: KafkaSecurity;
  /** KAFKA_TOPIC_PREFIX (test isolation); empty in production. */
  topicPrefix?: string;
  /** KAFKA_GROUP_PREFIX (test isolation); empty in production. */
  groupPrefix?: string;
  /** Consumer group id without the prefix; defaults to the service name. */
  groupId?: string;
  /** Outbox relay tuning, or false for a service that publishes nothing. */
  relay?: (OutboxRelayTuning & { faults?: OutboxRelayFaults }) | false;
  /** Consumer tuning, or false for a replica that must not consume (e.g. a one-off command). */
  consumer?: EventConsumerTuning | false;
  /** Create missing topics and grow partitions at start-up (default true). */
  provisionTopics?: boolean;
  logger?: LoggerService;
  /** Lowest kafkajs log level passed to the logger (default WARN). */
  kafkaLogLevel?: logLevel;
}

/**
 * The event backbone of one service instance, without NestJS: the idempotent producer, topic
 * provisioning, the outbox relay and the consumer of the given handlers, started and stopped together.
 * MessagingModule wraps it; commands, benchmarks and tests may use it directly.
 */
export class MessagingRuntime {
  /** The kafkajs client, for callers that need an admin (commands, tests). */
  readonly kafka: Kafka;
  /** The relay, unless disabled. */
  readonly relay: OutboxRelay | undefined;
  /** The consumer, unless disabled or there are no handlers. */
  readonly consumer: EventConsumer | undefined;
  /** The full consumer group id, prefix included. */
  readonly groupId: string;
  private readonly producer: Producer;
  private readonly logger: LoggerService;
  private unwatchBacklog: (() => void) | undefined;
  private running = false;

  constructor(
    private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    handlers: readonly EventHandlerRegistration[],
  ) {
    this.logger = options.logger ?? new Logger(MessagingRuntime.name);
    this.kafka = createKafkaClient({
      brokers: options.brokers,
      clientId: options.clientId,
      logLevel: options.kafkaLogLevel,
      security: options.security,
    });
    this.producer = createIdempotentProducer(this.kafka);
    this.groupId = `${options.groupPrefix ?? ''}${options.groupId ?? options.service}`;
    const metrics = messagingMetrics();
    this.relay =
      options.relay === false
        ? undefined
        : new OutboxRelay({
            ...options.relay,
            service: options.service,
            connect: dedicatedConnectionsFor(dataSource, `${options.clientId}-outbox-relay`),
            producer: this.producer,
            resolveTopic: (topic) => resolveTopicName(topic, options.topicPrefix),
            metrics,
            logger: options.logger,
          });
    this.consumer =
      options.consumer === false || handlers.length === 0
        ? undefined
        : new EventConsumer({
            ...options.consumer,
            kafka: this.kafka,
            groupId: this.groupId,
            handlers: new HandlerTable(handlers),
            topicPrefix: options.topicPrefix,
            transaction: (work) => dataSource.transaction(work),
            deadLetterProducer: this.producer,
            metrics,
            logger: options.logger,
          });
  }

  /** Connects, provisions topics, starts the relay and joins the consumer group. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.producer.connect();
    if (this.options.provisionTopics !== false) await this.provisionTopicsPatiently();
    if (this.relay) {
      this.unwatchBacklog = watchOutboxBacklog(this.options.service, () =>
        readOutboxBacklog(this.dataSource),
      );
      this.relay.start();
    }
    await this.consumer?.start();
  }

  /**
   * Provisions the registry's topics, trying again for a while: a broker that has just restarted answers
   * metadata requests with errors (kafkajs even fails on a null answer) until its partitions have leaders.
   */
  private async provisionTopicsPatiently(attempts = 6): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
        await provisionTopics(admin, topicSpecs(topicRegistry, this.options.topicPrefix ?? ''), this.logger);
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        this.logger.warn(
          `Provisioning topics failed (attempt ${attempt} of ${attempts}); trying again: ${String(error)}`,
        );
        await delay(exponentialBackoffMs(attempt, { initialMs: 500, maxMs: 8_000 }));
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
  }

  /** Leaves the consumer group, stops the relay (releasing its lock) and disconnects the producer. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    // Consumer first: a message in progress may still dead-letter through the producer.
    await this.consumer?.stop();
    await this.relay?.stop();
    this.unwatchBacklog?.();
    await this.producer.disconnect();
  }
}
