import { Logger, LoggerService } from '@nestjs/common';
import { resolveTopicName } from '@loop/contracts';
import { Admin, Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';
import { MessagingMetrics, messagingMetrics } from '../metrics/messaging-metrics';
import { ConsumerLagMonitor } from './consumer-lag-monitor';
import { HandlerTable } from './event-handler-registration';
import { GroupCombiner } from './group-combiner';
import { byTopic, HandledOffsets, PartitionOffset } from './handled-offsets';
import { ConsumerStopping, MessageProcessor, PartitionControl, TransactionRunner } from './message-processor';
import { assertValidRetryPolicy, defaultRetryPolicy, RetryPolicy } from './retry.policy';

/** Tuning of an event consumer; every field has a production default. */
export interface EventConsumerTuning {
  /** Transient-fault retries before a message is dead-lettered (default: five attempts over ~3 s). */
  retryPolicy?: RetryPolicy;
  /**
   * Partitions handled in parallel by one instance; order within each is kept (default 6). Each runs
   * its own transactions, so this many pooled connections may be busy at once — about half of the
   * platform's pool of 10, the rest staying free for HTTP requests. Concurrent commits share WAL
   * flushes, which is where a consumer's time goes.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * The broker drops a member silent for this long and rebalances (default 8 s). It also bounds how
   * long a restarted instance waits to rejoin: the killed member it replaces holds its partitions
   * until its session expires. Handling between heartbeats must stay well inside it (a group of
   * messages is one transaction; waits for a retry heartbeat every second).
   */
  sessionTimeoutMs?: number;
  /** How often the member heartbeats (default 1 s). */
  heartbeatIntervalMs?: number;
  /**
   * Messages handled in one database transaction when a backlog has built up or several partitions
   * are fetched at once (default 50; 1 turns grouping off). One commit — one WAL flush — per group
   * instead of per message is what lets a consumer catch up; at low load, groups are single messages
   * anyway.
   */
  maxMessagesPerTransaction?: number;
  /**
   * Commit handled offsets at least this often (default 1 s)… (kafkajs' own auto-commit would commit
   * after every partition batch: one broker request per batch, most of them of a single message.)
   */
  commitIntervalMs?: number;
  /** …or after this many handled messages, whichever comes first (default 100). */
  commitThreshold?: number;
  /**
   * How long the broker may hold a fetch when there is nothing new (default 1 s). New records are
   * returned at once either way; this bounds how long a shutdown waits for the idle fetch in flight.
   */
  maxWaitTimeMs?: number;
  /** How often the group's lag is measured for the lag gauge; 0 turns it off (default 15 s). */
  lagIntervalMs?: number;
}

/** What an event consumer needs. */
export interface EventConsumerOptions extends EventConsumerTuning {
  kafka: Kafka;
  /** The full consumer group id (group prefix included); also the inbox's consumer name. */
  groupId: string;
  handlers: HandlerTable;
  /** KAFKA_TOPIC_PREFIX: topics are subscribed as `resolveTopicName(topic, prefix)`. */
  topicPrefix?: string;
  /** Runs a unit of work in a database transaction (`dataSource.transaction.bind(dataSource)`). */
  transaction: TransactionRunner;
  /** A connected idempotent producer for dead-letter records (see `createIdempotentProducer`). */
  deadLetterProducer: Producer;
  metrics?: MessagingMetrics;
  logger?: LoggerService;
}

/**
 * One consumer group member on kafkajs: subscribes to the topics of its handlers, hands every message
 * to the MessageProcessor in partition order, and commits an offset only after the message reached a
 * durable outcome (effect and inbox entry committed, or dead-letter record acknowledged).
 * See docs/adr/0004-kafka-consumers.md.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly admin: Admin;
  private readonly combiner: GroupCombiner;
  private readonly groupSize: number;
  private readonly topics: string[];
  private readonly logger: LoggerService;
  private readonly lagMonitor: ConsumerLagMonitor | undefined;
  private readonly offsets: HandledOffsets;
  private commitTimer: NodeJS.Timeout | undefined;
  private started = false;
  private joined = false;
  private crashed = false;

  constructor(private readonly options: EventConsumerOptions) {
    const retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
    assertValidRetryPolicy(retryPolicy);
    const metrics = options.metrics ?? messagingMetrics();
    this.logger = options.logger ?? new Logger(`EventConsumer:${options.groupId}`);
    this.topics = options.handlers.topics().map((topic) => resolveTopicName(topic, options.topicPrefix));
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 8_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 1_000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
      allowAutoTopicCreation: false,
    });
    this.offsets = new HandledOffsets(options.commitThreshold ?? 100);
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.joined = true;
      this.offsets.retain(payload.memberAssignment);
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) =>
      this.logger.error(
        `consumer ${options.groupId} crashed (restart: ${payload.restart}): ${payload.error.message}`,
      ),
    );
    this.admin = options.kafka.admin();
    const processor = new MessageProcessor({
      consumerGroup: options.groupId,
      handlers: options.handlers,
      transaction: options.transaction,
      deadLetters: async (record) => {
        const [sent] = await options.deadLetterProducer.send({
          topic: record.topic,
          acks: -1,
          messages: [record.message],
        });
        return { topic: sent.topicName, partition: sent.partition, offset: sent.baseOffset ?? '-1' };
      },
      retryPolicy,
      metrics,
      logger: this.logger,
      topicPrefix: options.topicPrefix,
    });
    this.groupSize = options.maxMessagesPerTransaction ?? 50;
    this.combiner = new GroupCombiner((groups) => processor.processGroups(groups), this.groupSize);
    const lagIntervalMs = options.lagIntervalMs ?? 15_000;
    this.lagMonitor =
      lagIntervalMs > 0
        ? new ConsumerLagMonitor(
            this.admin,
            options.groupId,
            this.topics,
            metrics.consumer.consumerLag,
            lagIntervalMs,
            this.logger,
          )
        : undefined;
  }

  /** The subscribed topics, prefix included. */
  get subscribedTopics(): readonly string[] {
    return this.topics;
  }

  /** Whether the member has joined its group at least once since start. */
  get hasJoined(): boolean {
    return this.joined;
  }

  /** Joined and not crashed beyond kafkajs' own restarts: what a readiness check should ask. */
  get isHealthy(): boolean {
    return this.joined && !this.crashed;
  }

  /** Connects, subscribes (a new group starts at the beginning of every topic) and starts consuming. */
  async start(): Promise<void> {
    if (this.started) return;
    if (this.topics.length === 0) {
      this.logger.warn(`consumer ${this.options.groupId} has no handlers; not starting`);
      return;
    }
    this.started = true;
    await this.admin.connect();
    await this.consumer.connect();
    // From the beginning: a new group (a new service, a rebuilt read model) must see every fact.
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      // Committed here after durable outcomes, every interval or threshold (see HandledOffsets).
      autoCommit: false,
      // Offsets are resolved and committed below, after each group reached its durable outcome.
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 6,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.commitTimer = setInterval(
      () => void this.commit((offsets) => this.consumer.commitOffsets(offsets)),
      this.options.commitIntervalMs ?? 1_000,
    );
    this.commitTimer.unref();
    this.lagMonitor?.start();
    this.logger.log(`consumer ${this.options.groupId} subscribed to ${this.topics.join(', ')}`);
  }

  /**
   * Leaves the group cleanly: commits what was handled, stops fetching, lets the message in progress
   * finish and commit, and sends LeaveGroup so the partitions move to the other members at once rather
   * than after the session timeout.
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.lagMonitor?.stop();
    clearInterval(this.commitTimer);
    await this.commit((offsets) => this.consumer.commitOffsets(offsets));
    await this.consumer.disconnect();
    await this.admin.disconnect();
    this.joined = false;
    this.logger.log(`consumer ${this.options.groupId} left its group`);
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    // Explicit offsets go to the group coordinator directly, even while the consumer stops.
    const viaBatch = (offsets: PartitionOffset[]) => commitOffsetsIfNecessary(byTopic(offsets));
    const control: PartitionControl = {
      waitAlive: async (ms) => {
        const until = Date.now() + ms;
        for (let left = ms; left > 0; left = until - Date.now()) {
          if (!isRunning() || isStale()) throw new ConsumerStopping();
          await delay(Math.min(left, 1_000));
          // Keeps the membership (and the partition) while a message waits for its retry.
          await heartbeat();
        }
      },
    };
    try {
      for (let start = 0; start < batch.messages.length; start += this.groupSize) {
        if (!isRunning() || isStale()) return;
        const group = batch.messages.slice(start, start + this.groupSize).map((message) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          headers: message.headers ?? {},
          timestamp: message.timestamp,
        }));
        const outcomes = await this.combiner.submit({ messages: group, control });
        const last = group[group.length - 1].offset;
        // kafkajs fetches on from the resolved offset; the commit follows below.
        resolveOffset(last);
        const due = this.offsets.handled(batch.topic, batch.partition, last, group.length);
        // A parked message is committed at once: handled again, it would be parked twice.
        if (due || outcomes.includes('dead-lettered')) await this.commit(viaBatch);
        await heartbeat();
      }
    } finally {
      // A stopping consumer (kafkajs no longer commits through the consumer then) commits through the
      // batch what it handled, before it leaves the group.
      if (!isRunning()) await this.commit(viaBatch);
    }
  }

  /** Commits the offsets handled since the last commit, in one request; keeps them for later if it fails. */
  private async commit(send: (offsets: PartitionOffset[]) => Promise<void>): Promise<void> {
    const offsets = this.offsets.take();
    if (offsets.length === 0) return;
    try {
      await send(offsets);
    } catch (error) {
      // Not fatal: the next owner of a partition redelivers from the last commit, and the inbox turns
      // what was already handled into duplicates.
      this.offsets.restore(offsets);
      this.logger.warn(
        `consumer ${this.options.groupId} could not commit its handled offsets: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
