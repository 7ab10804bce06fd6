// One test suite's private backbone: a fresh database with the outbox, the inbox and a test read model,
// topics under a unique prefix on the real broker, and helpers to add events and watch their effects.
import {
  buildEnvelope,
  EventEnvelope,
  resolveTopicName,
  ticketSubmittedV1,
  TicketSubmittedV1,
  topicRegistry,
  topicSpecs,
} from '@loop/contracts';
import {
  createTestDatabase,
  testKafkaBrokers,
  testNamespace,
  TestDatabase,
  TestNamespace,
  waitFor,
} from '@loop/testing';
import { Logger, LoggerService } from '@nestjs/common';
import { Admin, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  EventHandlerRegistration,
  HandlingContext,
  measureConsumerLag,
  messagingMigrations,
  MessagingOptions,
  MessagingRuntime,
  OutboxWriter,
  provisionTopics,
} from '../../../src';

/** The test read model: one row per applied effect, so a double application shows as two rows. */
export class HandledTicketsMigration implements MigrationInterface {
  readonly name = 'HandledTickets1700000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE handled_tickets (
        id bigserial PRIMARY KEY,
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        ticket_number text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE handled_tickets`);
  }
}

/** One applied effect, in the order effects were applied. */
export interface HandledTicket {
  consumer: string;
  eventId: string;
  ticketId: string;
  ticketNumber: string;
}

/** Fast group membership for tests: rebalances in well under a second instead of several. */
export const quickConsumer = {
  heartbeatIntervalMs: 300,
  sessionTimeoutMs: 6_000,
  lagIntervalMs: 0,
  commitIntervalMs: 200,
  maxWaitTimeMs: 100,
} as const;

/** A quick relay: short polling and takeover, no purge surprises. */
export const quickRelay = { pollIntervalMs: 200, leadershipRetryMs: 200, failureBackoffMs: 100 } as const;

const resident = { role: 'resident' as const, id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };

/** The test suite's backbone and its helpers. */
export class BackboneHarness {
  readonly outbox = new OutboxWriter();
  readonly kafka: Kafka;
  readonly admin: Admin;
  private readonly runtimes: MessagingRuntime[] = [];

  private constructor(
    readonly namespace: TestNamespace,
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
  ) {
    this.kafka = new Kafka({
      brokers: testKafkaBrokers(),
      clientId: namespace.clientId,
      logLevel: logLevel.NOTHING,
    });
    this.admin = this.kafka.admin();
  }

  /** A fresh database, migrated, and the suite's topics created. */
  static async create(suiteName: string): Promise<BackboneHarness> {
    const namespace = testNamespace(suiteName);
    const database = await createTestDatabase(suiteName);
    const dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [...messagingMigrations, HandledTicketsMigration],
      migrationsRun: true,
      extra: { max: 12 },
    }).initialize();
    const harness = new BackboneHarness(namespace, database, dataSource);
    await harness.admin.connect();
    await provisionTopics(harness.admin, topicSpecs(topicRegistry, namespace.topicPrefix), silentLogger);
    return harness;
  }

  /** The requests topic of this suite (12 partitions), where the test events flow. */
  get ticketTopic(): string {
    return resolveTopicName(ticketSubmittedV1.topic, this.namespace.topicPrefix);
  }

  /** A consumer group id of this suite. */
  group(name: string): string {
    return `${this.namespace.groupPrefix}${name}`;
  }

  /** A ticket.submitted envelope for `ticketId`, its ticket number carrying `step` so order is visible. */
  ticketSubmitted(
    ticketId: string = randomUUID(),
    step = 1,
    correlationId?: string,
  ): EventEnvelope<TicketSubmittedV1> {
    const payload = {
      ...(ticketSubmittedV1.fixture as unknown as TicketSubmittedV1),
      ticketId,
      ticketNumber: `STEP-${String(step).padStart(6, '0')}`,
    };
    return buildEnvelope(ticketSubmittedV1, payload, { actor: resident, correlationId });
  }

  /** Adds the envelopes to the outbox in one committed transaction. */
  async commit(envelopes: EventEnvelope | EventEnvelope[]): Promise<void> {
    await this.dataSource.transaction((manager) => this.outbox.add(manager, envelopes));
  }

  /** A handler that records every applied effect in handled_tickets under `consumer`. */
  recordingHandler(
    consumer: string,
    before?: (envelope: EventEnvelope<TicketSubmittedV1>, context: HandlingContext) => Promise<void>,
  ): EventHandlerRegistration<TicketSubmittedV1> {
    return {
      definition: ticketSubmittedV1,
      name: `${consumer}.onTicketSubmitted`,
      handle: async (envelope, context) => {
        await before?.(envelope, context);
        await context.manager.query(
          `INSERT INTO handled_tickets (consumer, event_id, ticket_id, ticket_number) VALUES ($1, $2, $3, $4)`,
          [consumer, envelope.eventId, envelope.payload.ticketId, envelope.payload.ticketNumber],
        );
      },
    };
  }

  /** A service replica's backbone on this suite's database, prefix and groups, started. */
  async startReplica(
    handlers: EventHandlerRegistration<TicketSubmittedV1>[],
    options: Partial<MessagingOptions> = {},
    dataSource: DataSource = this.dataSource,
  ): Promise<MessagingRuntime> {
    const runtime = new MessagingRuntime(
      {
        service: 'requests',
        brokers: testKafkaBrokers(),
        clientId: this.namespace.clientId,
        topicPrefix: this.namespace.topicPrefix,
        groupPrefix: this.namespace.groupPrefix,
        provisionTopics: false,
        relay: quickRelay,
        consumer: quickConsumer,
        logger: silentLogger,
        kafkaLogLevel: process.env.BACKBONE_TEST_LOGS ? logLevel.WARN : logLevel.NOTHING,
        ...options,
      },
      dataSource,
      handlers as EventHandlerRegistration[],
    );
    this.runtimes.push(runtime);
    await runtime.start();
    return runtime;
  }

  /** Effects applied so far, in application order. */
  async handled(consumer?: string): Promise<HandledTicket[]> {
    const rows = (await this.dataSource.query(
      `SELECT consumer, event_id AS "eventId", ticket_id AS "ticketId", ticket_number AS "ticketNumber"
         FROM handled_tickets ${consumer ? 'WHERE consumer = $1' : ''} ORDER BY id`,
      consumer ? [consumer] : [],
    )) as HandledTicket[];
    return rows;
  }

  /** Waits until every ticket's steps 1..steps were applied for `consumer`; returns that consumer's effects. */
  async waitForSteps(
    consumer: string,
    tickets: readonly string[],
    steps: number,
    timeoutMs = 30_000,
  ): Promise<HandledTicket[]> {
    return waitFor(
      async () => {
        const rows = await this.handled(consumer);
        const byTicket = stepsByTicket(rows);
        return tickets.every((ticketId) => new Set(byTicket.get(ticketId)).size >= steps) ? rows : undefined;
      },
      {
        timeoutMs,
        intervalMs: 100,
        description: `${steps} steps of ${tickets.length} tickets handled by ${consumer}`,
      },
    );
  }

  /** Waits until `count` effects were applied (for `consumer`, if given). */
  async waitForHandled(count: number, consumer?: string, timeoutMs = 20_000): Promise<HandledTicket[]> {
    return waitFor(
      async () => {
        const rows = await this.handled(consumer);
        return rows.length >= count ? rows : undefined;
      },
      { timeoutMs, intervalMs: 50, description: `${count} handled events` },
    );
  }

  /** Waits until a group has consumed and committed everything on its topics. */
  async waitForNoLag(
    groupId: string,
    topics: string[] = [this.ticketTopic],
    timeoutMs = 20_000,
  ): Promise<void> {
    await waitFor(
      async () => {
        const lags = await measureConsumerLag(this.admin, groupId, topics);
        return lags.every((partition) => partition.lag === 0);
      },
      { timeoutMs, intervalMs: 100, description: `no lag for ${groupId}` },
    );
  }

  /** Every record on `topic` from the beginning, read until `until` holds or the deadline passes. */
  async readTopic(
    topic: string,
    until: (messages: KafkaMessage[]) => boolean,
    timeoutMs = 15_000,
  ): Promise<KafkaMessage[]> {
    const groupId = `${this.namespace.groupPrefix}reader-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    const messages: KafkaMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ message }) => void messages.push(message),
      });
      await waitFor(() => until(messages), { timeoutMs, intervalMs: 50, description: `records on ${topic}` });
      return messages;
    } finally {
      await consumer.disconnect();
    }
  }

  /** Every record currently on `topic` (up to the high watermarks read first). */
  async readWholeTopic(topic: string): Promise<KafkaMessage[]> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    const total = offsets.reduce(
      (sum, partition) => sum + Number(BigInt(partition.high) - BigInt(partition.low)),
      0,
    );
    return total === 0 ? [] : this.readTopic(topic, (messages) => messages.length >= total);
  }

  /** Outbox rows by event id: whether published, how often attempted. */
  async outboxRow(eventId: string): Promise<{ published: boolean; attempts: number } | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT published_at IS NOT NULL AS published, attempts FROM outbox WHERE id = $1`,
      [eventId],
    )) as Array<{
      published: boolean;
      attempts: number;
    }>;
    return rows[0];
  }

  /**
   * Stops every replica started so far. Tests call it in afterEach: the suite's "services" share one
   * database, and a relay left running would publish the next test's outbox rows.
   */
  async stopReplicas(): Promise<void> {
    const running = this.runtimes.splice(0);
    await Promise.all(running.map((runtime) => runtime.stop()));
  }

  /** Stops every replica started here, deletes the suite's topics and groups and drops its database. */
  async dispose(): Promise<void> {
    await this.stopReplicas().catch(() => undefined);
    const topics = (await this.admin.listTopics()).filter((topic) =>
      topic.startsWith(this.namespace.topicPrefix),
    );
    if (topics.length > 0) await this.admin.deleteTopics({ topics }).catch(() => undefined);
    const { groups } = await this.admin.listGroups();
    const ours = groups
      .map((group) => group.groupId)
      .filter((groupId) => groupId.startsWith(this.namespace.groupPrefix));
    if (ours.length > 0) await this.admin.deleteGroups(ours).catch(() => undefined);
    await this.admin.disconnect();
    await this.dataSource.destroy();
    await this.database.drop();
  }
}

/** Groups applied effects by ticket, keeping their order. */
export function stepsByTicket(rows: readonly HandledTicket[]): Map<string, string[]> {
  const byTicket = new Map<string, string[]>();
  for (const row of rows)
    byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), row.ticketNumber]);
  return byTicket;
}

/** The ticket numbers of steps 1..n, as `ticketSubmitted` writes them. */
export function expectedSteps(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `STEP-${String(i + 1).padStart(6, '0')}`);
}

/** Keeps the test output to what the assertions say (BACKBONE_TEST_LOGS=1 shows the backbone's logs). */
export const silentLogger: LoggerService = process.env.BACKBONE_TEST_LOGS
  ? new Logger('backbone')
  : {
      log: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    };
