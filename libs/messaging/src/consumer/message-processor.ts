import { LoggerService } from '@nestjs/common';
import {
  DeadLetterReason,
  EnvelopeValidation,
  EventEnvelope,
  EventHeaders,
  eventLabel,
  validateEnvelope,
} from '@loop/contracts';
import { correlationContext, CorrelationIds } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { logDeadLetter } from '../dead-letters/dead-letter-log';
import { claimInboxEntries, claimInboxEntry, InboxEntry, MessagePosition } from '../inbox/inbox';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { ConsumedMessage, headerText } from './consumed-message';
import { DeadLetterCause, deadLetterRecord, DeadLetterRecord } from './dead-letter-record';
import { EventHandlerRegistration, HandlerTable } from './event-handler-registration';
import { classifyFailure } from './failure-classification';
import { unexpectedProducer } from './producer-trust.policy';
import { mayRetry, retryDelayMs, RetryPolicy } from './retry.policy';
import { OutboxBuffer } from '../unit-of-work/outbox-buffer';

/**
 * How handling a message ended:
 * - `handled`: the handler's effects and the inbox entry committed;
 * - `duplicate`: the inbox already had the event; nothing was done again;
 * - `ignored`: a valid event this group has no handler for (other consumers of the topic want it);
 * - `dead-lettered`: parked on the dead-letter topic with the reason.
 */
export type ProcessingOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

/** Runs work in one database transaction (a TypeORM `DataSource.transaction`). */
export type TransactionRunner = <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;

/** Where a dead-letter record landed. */
export interface DeadLetterPosition {
  topic: string;
  partition: number;
  offset: string;
}

/** Produces a dead-letter record and resolves with its position once the broker acknowledged it. */
export type DeadLetterSink = (record: DeadLetterRecord) => Promise<DeadLetterPosition>;

/** What the processor may ask of the partition it runs on while it waits to retry. */
export interface PartitionControl {
  /**
   * Waits `ms` while keeping the group membership alive (heartbeats); rejects with ConsumerStopping
   * when the consumer stops or loses the partition meanwhile.
   */
  waitAlive(ms: number): Promise<void>;
}

/** The consumer stopped or lost the partition while a message waited for a retry; it is not committed. */
export class ConsumerStopping extends Error {
  constructor() {
    super('the consumer is stopping or lost the partition');
    this.name = 'ConsumerStopping';
  }
}

// While a dependency is away every attempt fails alike; one line in ten is enough to follow it.
const dependencyWaitLogEvery = 10;

/** Consecutive messages of one partition, in order, and the control of that partition. */
export interface PartitionGroup {
  messages: readonly ConsumedMessage[];
  control: PartitionControl;
}

/** A message of a group that has a handler, with its validated envelope. */
interface HandleableMessage {
  message: ConsumedMessage;
  envelope: EventEnvelope;
  handler: EventHandlerRegistration;
}

/** A message a handler may see, or why it is parked unseen. */
type Screening =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: DeadLetterReason; details: string[] };

/** What a processor needs. */
export interface MessageProcessorOptions {
  consumerGroup: string;
  handlers: HandlerTable;
  transaction: TransactionRunner;
  deadLetters: DeadLetterSink;
  retryPolicy: RetryPolicy;
  metrics: MessagingMetrics;
  logger: LoggerService;
  /** KAFKA_TOPIC_PREFIX, to find a consumed topic's owner in the contracts' registry. */
  topicPrefix?: string;
  /** Envelope and payload validation; the contracts' validateEnvelope unless a test needs otherwise. */
  validate?: (raw: unknown) => EnvelopeValidation;
  /** Source of jitter for retry delays. */
  random?: () => number;
  clock?: () => Date;
}

/**
 * Takes one message from validation to a durable outcome: validate the envelope and payload, find the
 * handler, run it in a transaction with the inbox entry, retry transient faults with backoff, and park
 * what cannot be handled on the dead-letter topic. When it returns, the offset may be committed; when
 * it throws, it must not be.
 */
export class MessageProcessor {
  private readonly validate: (raw: unknown) => EnvelopeValidation;
  private readonly random: () => number;
  private readonly clock: () => Date;

  constructor(private readonly options: MessageProcessorOptions) {
    this.validate = options.validate ?? ((raw) => validateEnvelope(raw));
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Handles `message` to a durable outcome (see the class comment). */
  async process(message: ConsumedMessage, control: PartitionControl): Promise<ProcessingOutcome> {
    // Ids from the headers first, so that even the lines about a value too broken to parse carry them.
    return correlationContext.run(idsFromHeaders(message), async () => {
      const started = performance.now();
      const validation = this.validate(message.value);
      const type = validation.ok
        ? validation.envelope.type
        : (headerText(message.headers, EventHeaders.eventType) ?? 'unknown');
      const screened = this.screen(message, validation);
      let outcome: ProcessingOutcome;
      try {
        outcome = screened.ok
          ? await this.dispatch(message, screened.envelope, control)
          : await this.park(message, { reason: screened.reason, details: screened.details, attempts: 0 });
      } catch (error) {
        if (!(error instanceof ConsumerStopping)) this.record(message, type, 'failed', started);
        throw error;
      }
      this.record(message, type, outcome, started);
      return outcome;
    });
  }

  /** Handles consecutive messages of one partition, in order, to durable outcomes (see processGroups). */
  async processGroup(
    messages: readonly ConsumedMessage[],
    control: PartitionControl,
  ): Promise<ProcessingOutcome[]> {
    const [outcomes] = this.processGroups([{ messages, control }]);
    return outcomes;
  }

  /**
   * Handles groups of messages, each of consecutive messages of one partition, to durable outcomes:
   * one promise per group, settling on its own. The handleable messages of every group share one
   * transaction (their inbox entries, claimed in one statement, and their effects commit together, so
   * a backlog, or several partitions fetched at once, pay one commit instead of one per message). If
   * anything in it fails, the transaction is rolled back and each group's messages are processed one
   * at a time, with the usual retries and dead letters — so one poisonous message is parked and the
   * others still commit. Groups are independent partitions: their order among each other is free.
   */
  processGroups(groups: readonly PartitionGroup[]): Promise<ProcessingOutcome[]>[] {
    const started = performance.now();
    const handleable: HandleableMessage[] = [];
    for (const { messages } of groups) {
      for (const message of messages) {
        const screened = this.screen(message, this.validate(message.value));
        if (!screened.ok) continue;
        const handler = this.options.handlers.find(screened.envelope.type, screened.envelope.version);
        if (handler) handleable.push({ message, envelope: screened.envelope, handler });
      }
    }
    if (handleable.length < 2) {
      return groups.map(({ messages, control }) => this.processEach(messages, control));
    }
    const shared = this.handleTogether(handleable);
    const messageCount = groups.reduce((sum, { messages }) => sum + messages.length, 0);
    return groups.map(async ({ messages, control }) => {
      const outcomes = await shared;
      if (!outcomes) return this.processEach(messages, control);
      // The shared time is shared out evenly: a start that far back gives each message its share.
      const shareStart = performance.now() - (performance.now() - started) / messageCount;
      const result: ProcessingOutcome[] = [];
      for (const message of messages) {
        const outcome = outcomes.get(message);
        if (outcome) {
          this.record(message, outcome.type, outcome.outcome, shareStart);
          result.push(outcome.outcome);
        } else {
          // Rejected or unhandled: parked or ignored on its own, after the shared transaction committed.
          result.push(await this.process(message, control));
        }
      }
      return result;
    });
  }

  /** Runs `handleable` in one transaction; the outcome of each, or undefined when it rolled back. */
  private async handleTogether(
    handleable: readonly HandleableMessage[],
  ): Promise<Map<ConsumedMessage, { type: string; outcome: ProcessingOutcome }> | undefined> {
    try {
      return await this.options.transaction(async (manager) => {
        const outbox = new OutboxBuffer();
        const firstTime = await claimInboxEntries(
          manager,
          handleable.map(({ message, envelope }) => this.inboxEntry(envelope, message)),
        );
        const outcomes = new Map<ConsumedMessage, { type: string; outcome: ProcessingOutcome }>();
        for (const { message, envelope, handler } of handleable) {
          // Claimed once even when the batch holds the event twice: the later copy is a duplicate.
          if (!firstTime.delete(envelope.eventId)) {
            outcomes.set(message, { type: envelope.type, outcome: 'duplicate' });
            continue;
          }
          const ids = { correlationId: envelope.correlationId, causationId: envelope.eventId };
          const position = { topic: message.topic, partition: message.partition, offset: message.offset };
          await correlationContext.run(ids, () =>
            handler.handle(envelope, { manager, outbox, position, attempt: 1 }),
          );
          outcomes.set(message, { type: envelope.type, outcome: 'handled' });
        }
        await outbox.flush(manager);
        return outcomes;
      });
    } catch (error) {
      // One message failed; which one, and whether it deserves a retry or the dead-letter topic, is
      // found out by handling them one at a time.
      this.options.logger.debug?.(
        `${handleable.length} messages failed together (${error instanceof Error ? error.message : String(error)}); handling them one by one`,
      );
      return undefined;
    }
  }

  /**
   * The envelope a handler may see, or why the message is parked before any handler does: it fails
   * validation, or it does not come from the owner of the topic it arrived on.
   */
  private screen(message: ConsumedMessage, validation: EnvelopeValidation): Screening {
    if (!validation.ok) return validation;
    const problems = unexpectedProducer(
      { topic: message.topic, headers: message.headers, ...validation },
      this.options.topicPrefix,
    );
    return problems.length > 0
      ? { ok: false, reason: 'unexpected_producer', details: problems }
      : { ok: true, envelope: validation.envelope };
  }

  private async processEach(
    messages: readonly ConsumedMessage[],
    control: PartitionControl,
  ): Promise<ProcessingOutcome[]> {
    const outcomes: ProcessingOutcome[] = [];
    for (const message of messages) outcomes.push(await this.process(message, control));
    return outcomes;
  }

  private async dispatch(
    message: ConsumedMessage,
    envelope: EventEnvelope,
    control: PartitionControl,
  ): Promise<ProcessingOutcome> {
    const handler = this.options.handlers.find(envelope.type, envelope.version);
    if (!handler) return 'ignored';
    // From here on the envelope is authoritative for the ids, whatever the headers said.
    return correlationContext.run(
      { correlationId: envelope.correlationId, causationId: envelope.eventId },
      () => this.handleWithRetries(message, envelope, handler, control),
    );
  }

  private async handleWithRetries(
    message: ConsumedMessage,
    envelope: EventEnvelope,
    handler: EventHandlerRegistration,
    control: PartitionControl,
  ): Promise<ProcessingOutcome> {
    const { retryPolicy, logger } = this.options;
    const position: MessagePosition = {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handleOnce(envelope, handler, position, attempt);
      } catch (error) {
        const kind = classifyFailure(error);
        const description = describe(error);
        if (kind === 'permanent') {
          logger.error(
            `${handler.name} failed on ${eventLabel(envelope)} ${envelope.eventId}: ${description}`,
            stackOf(error),
          );
          return this.park(message, { reason: 'handler_failed', details: [description], attempts: attempt });
        }
        if (kind === 'transient' && !mayRetry(retryPolicy, attempt)) {
          logger.error(
            `${handler.name} gave up on ${eventLabel(envelope)} ${envelope.eventId} after ${attempt} attempts: ${description}`,
          );
          return this.park(message, {
            reason: 'retries_exhausted',
            details: [description],
            attempts: attempt,
          });
        }
        // A dependency that is away is waited for as long as it takes (the partition holds still and
        // the member keeps heartbeating): the message is valid, and parking it would lose its effect.
        const delay = retryDelayMs(retryPolicy, attempt, this.random);
        if (kind === 'transient' || attempt === 1 || attempt % dependencyWaitLogEvery === 0) {
          logger.warn(
            `${handler.name} will retry ${eventLabel(envelope)} ${envelope.eventId} in ${delay} ms (attempt ${attempt}${kind === 'dependency' ? ', waiting for a dependency' : ''}): ${description}`,
          );
        }
        this.options.metrics.consumer.messagesHandled.inc({
          topic: message.topic,
          type: envelope.type,
          outcome: kind === 'dependency' ? 'waiting' : 'retried',
        });
        await control.waitAlive(delay);
      }
    }
  }

  private async handleOnce(
    envelope: EventEnvelope,
    handler: EventHandlerRegistration,
    position: MessagePosition,
    attempt: number,
  ): Promise<ProcessingOutcome> {
    return this.options.transaction((manager) =>
      this.claimAndHandle(manager, envelope, handler, position, attempt),
    );
  }

  private async claimAndHandle(
    manager: EntityManager,
    envelope: EventEnvelope,
    handler: EventHandlerRegistration,
    position: MessagePosition,
    attempt: number,
  ): Promise<ProcessingOutcome> {
    // The inbox entry goes first: a concurrent delivery of the same event blocks on it until this
    // transaction ends, then sees the event handled.
    const firstTime = await claimInboxEntry(manager, this.inboxEntry(envelope, position));
    if (!firstTime) return 'duplicate';
    const outbox = new OutboxBuffer();
    await handler.handle(envelope, { manager, outbox, position, attempt });
    await outbox.flush(manager);
    return 'handled';
  }

  private inboxEntry(envelope: EventEnvelope, position: MessagePosition): InboxEntry {
    return {
      consumerGroup: this.options.consumerGroup,
      eventId: envelope.eventId,
      eventType: envelope.type,
      eventVersion: envelope.version,
      position: { topic: position.topic, partition: position.partition, offset: position.offset },
    };
  }

  private async park(
    message: ConsumedMessage,
    cause: Omit<DeadLetterCause, 'consumerGroup' | 'failedAt'>,
  ): Promise<ProcessingOutcome> {
    const { consumerGroup, logger, metrics } = this.options;
    const failedAt = this.clock();
    const record = deadLetterRecord(message, { ...cause, consumerGroup, failedAt });
    const position = await this.options.deadLetters(record);
    metrics.deadLetters.inc({ group: consumerGroup, topic: message.topic, reason: cause.reason });
    logger.warn(
      `parked ${message.topic}[${message.partition}]@${message.offset} on ${position.topic}[${position.partition}]@${position.offset}: ${cause.reason} — ${cause.details.join('; ')}`,
    );
    await this.logParked(message, cause, position, failedAt);
    return 'dead-lettered';
  }

  // The dead-letter topic holds the record whatever happens here; the log only lets the service point
  // at it later. A database that is away now must not hold up the partition for an index entry.
  private async logParked(
    message: ConsumedMessage,
    cause: Omit<DeadLetterCause, 'consumerGroup' | 'failedAt'>,
    position: DeadLetterPosition,
    parkedAt: Date,
  ): Promise<void> {
    try {
      await this.options.transaction((manager) =>
        logDeadLetter(manager, {
          consumerGroup: this.options.consumerGroup,
          eventId: headerText(message.headers, EventHeaders.eventId),
          eventType: headerText(message.headers, EventHeaders.eventType),
          messageKey: message.key?.toString('utf8'),
          reason: cause.reason,
          details: cause.details,
          source: { topic: message.topic, partition: message.partition, offset: message.offset },
          deadLetter: position,
          parkedAt,
        }),
      );
    } catch (error) {
      this.options.logger.warn(
        `the dead-letter log missed ${position.topic}[${position.partition}]@${position.offset} (the record itself is parked): ${describe(error)}`,
      );
    }
  }

  private record(
    message: ConsumedMessage,
    type: string,
    outcome: ProcessingOutcome | 'failed',
    started: number,
  ): void {
    const { messagesHandled, handlingDuration } = this.options.metrics.consumer;
    const labels = { topic: message.topic, type, outcome };
    messagesHandled.inc(labels);
    handlingDuration.observe(labels, (performance.now() - started) / 1_000);
  }
}

function idsFromHeaders(message: ConsumedMessage): CorrelationIds {
  const eventId = headerText(message.headers, EventHeaders.eventId);
  return {
    // A record without ids still gets one, so its log lines can be found together.
    correlationId:
      headerText(message.headers, EventHeaders.correlationId) ??
      eventId ??
      `${message.topic}-${message.partition}-${message.offset}`,
    ...(eventId ? { causationId: eventId } : {}),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}
