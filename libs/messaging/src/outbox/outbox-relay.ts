import { Logger, LoggerService } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { MessagingMetrics, messagingMetrics } from '../metrics/messaging-metrics';
import { DedicatedConnectionFactory } from './dedicated-connection';
import { PendingOutboxRow, toTopicMessages, withinByteBudget } from './outbox-batch';
import { outboxNotificationChannel } from './outbox-inbox.migration';
import { Wakeup } from './wakeup';

/** Tuning of the outbox relay; every field has a production default. */
export interface OutboxRelayTuning {
  /** Rows published per produce request (default 500). */
  batchSize?: number;
  /** Bytes of event values per produce request, below Kafka's 1 MiB message limit (default 768 KiB). */
  maxBatchBytes?: number;
  /**
   * How long the relay lets commits gather after a commit's notification wakes it from idle, so a burst of small
   * transactions leaves in one produce request and one mark instead of one each (default 0: publish
   * at once). Never applies while a backlog drains.
   */
  lingerMs?: number;
  /** Polling fallback: how long the relay waits for a notification before looking anyway (default 1 s). */
  pollIntervalMs?: number;
  /** How often a standby replica tries to take over the relay lock (default 2 s). */
  leadershipRetryMs?: number;
  /** Pause after a failed publish or a lost connection, doubled up to 30 s while failures last (default 500 ms). */
  failureBackoffMs?: number;
  /** How long published rows are kept for inspection before being purged (default 7 days). */
  retentionMs?: number;
  /** How often the relay purges old published rows (default 10 min). */
  purgeIntervalMs?: number;
  /** How long `stop()` waits for an in-flight batch before returning (default 10 s). */
  stopTimeoutMs?: number;
}

/**
 * A seam for fault-injection tests: runs after Kafka acknowledged a batch and before the rows are
 * marked published — the window in which a crash makes the relay publish the batch again.
 */
export interface OutboxRelayFaults {
  afterPublishBeforeMark?(rows: readonly PendingOutboxRow[]): Promise<void>;
}

/** What an outbox relay needs. */
export interface OutboxRelayOptions extends OutboxRelayTuning {
  /** The owning service; names the relay lock, so one relay runs per service. */
  service: string;
  /** Opens the relay's own PostgreSQL session (lock, LISTEN and all its queries run there). */
  connect: DedicatedConnectionFactory;
  /** A connected idempotent producer (see `createIdempotentProducer`). */
  producer: Producer;
  /** Maps a logical topic to the environment's topic name (adds the prefix). */
  resolveTopic: (logical: string) => string;
  /** Defaults to the process-wide `messagingMetrics()`. */
  metrics?: MessagingMetrics;
  logger?: LoggerService;
  faults?: OutboxRelayFaults;
}

// Advisory locks share one key space per database; the first key marks ours.
const relayLockNamespace = 0x6f7574; // "out"
const maxFailureBackoffMs = 30_000;
const purgeChunk = 1_000;

interface OutboxRowRecord {
  id: string;
  aggregateid: string;
  topic: string;
  value: string;
  headers: Record<string, string>;
  created_at: Date;
  position: string;
}

/**
 * Publishes committed outbox rows to Kafka in sequence order and marks them published once the broker
 * acknowledged them. Every replica of a service runs one; a session-level advisory lock lets exactly
 * one of them publish at a time, and when its session ends (crash, network loss) PostgreSQL releases
 * the lock and a standby takes over from the first unpublished row. See docs/adr/0003-outbox-relay.md.
 */
export class OutboxRelay {
  private readonly tuning: Required<OutboxRelayTuning>;
  private readonly logger: LoggerService;
  private readonly metrics: MessagingMetrics;
  private readonly rowsAdded = new Wakeup();
  private readonly stopRequested = new Wakeup();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private leading = false;
  private lostConnection: Error | undefined;
  /**
   * Rows Kafka acknowledged and the outbox does not yet say so. They are marked by the statement that
   * reads the next batch — one round trip per batch instead of two — or when the relay steps down.
   */
  private awaitingMark: string[] = [];

  constructor(private readonly options: OutboxRelayOptions) {
    this.tuning = {
      batchSize: options.batchSize ?? 500,
      maxBatchBytes: options.maxBatchBytes ?? 768 * 1024,
      lingerMs: options.lingerMs ?? 0,
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      leadershipRetryMs: options.leadershipRetryMs ?? 2_000,
      failureBackoffMs: options.failureBackoffMs ?? 500,
      retentionMs: options.retentionMs ?? 7 * 24 * 3_600_000,
      purgeIntervalMs: options.purgeIntervalMs ?? 600_000,
      stopTimeoutMs: options.stopTimeoutMs ?? 10_000,
    };
    this.logger = options.logger ?? new Logger(OutboxRelay.name);
    this.metrics = options.metrics ?? messagingMetrics();
  }

  /** Whether this relay currently holds the lock and publishes. */
  get isLeader(): boolean {
    return this.leading;
  }

  /** Starts competing for the relay lock and publishing once it is held; returns at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Stops after the batch in flight (if any) and releases the lock by closing the session. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.rowsAdded.ring();
    this.stopRequested.ring();
    const loop = this.loop;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.tuning.stopTimeoutMs)));
    await Promise.race([loop, timedOut]);
    clearTimeout(timer);
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let client: Client | undefined;
      try {
        client = await this.options.connect();
        this.lostConnection = undefined;
        client.on('error', (error) => {
          // Without a listener a dropped session would crash the process; record it and let the loop step down.
          this.lostConnection = error;
          this.rowsAdded.ring();
        });
        // The relay's own writes (marks, attempts, purges) need not wait for the WAL flush: a mark lost
        // in a crash only makes the next relay publish those rows again, which consumers absorb.
        await client.query('SET synchronous_commit = off');
        if (!(await this.tryAcquireLock(client))) {
          await this.close(client);
          client = undefined;
          await this.stopRequested.wait(this.tuning.leadershipRetryMs);
          continue;
        }
        this.setLeading(true);
        this.logger.log(`outbox relay of ${this.options.service} is now active on this replica`);
        client.on('notification', () => this.rowsAdded.ring());
        await client.query(`LISTEN ${outboxNotificationChannel}`);
        failures = 0;
        await this.lead(client);
        await this.markAwaiting(client);
      } catch (error) {
        failures++;
        this.logger.warn(`outbox relay of ${this.options.service} stepped down: ${describe(error)}`);
        await this.stopRequested.wait(this.backoff(failures));
      } finally {
        // Unmarked rows are published again by the next leader; consumers absorb the duplicates.
        this.awaitingMark = [];
        if (this.leading) this.logger.log(`outbox relay of ${this.options.service} released the relay lock`);
        this.setLeading(false);
        if (client) await this.close(client);
      }
    }
  }

  private async lead(client: Client): Promise<void> {
    let nextPurgeAt = 0;
    let publishFailures = 0;
    while (!this.stopping) {
      this.throwIfConnectionLost();
      let published: { rows: number; more: boolean };
      try {
        published = await this.publishBatch(client);
        publishFailures = 0;
      } catch (error) {
        if (!(error instanceof PublishFailed)) throw error;
        // Kafka is unavailable or refused the batch: keep the lock and the order, retry the same rows.
        publishFailures++;
        this.logger.warn(
          `outbox relay of ${this.options.service} could not publish: ${describe(error.cause)}`,
        );
        await this.stopRequested.wait(this.backoff(publishFailures));
        continue;
      }
      if (published.more) continue;
      if (Date.now() >= nextPurgeAt) {
        await this.purgePublished(client);
        nextPurgeAt = Date.now() + this.tuning.purgeIntervalMs;
      }
      const notified = await this.rowsAdded.wait(this.tuning.pollIntervalMs);
      if (notified && this.tuning.lingerMs > 0 && !this.stopping) await pause(this.tuning.lingerMs);
    }
  }

  /**
   * Marks the rows of the last batch published and reads the next one, in one statement; publishes it.
   * `more` when rows were left for the next batch (by count or by size).
   */
  private async publishBatch(client: Client): Promise<{ rows: number; more: boolean }> {
    const { rows } = await client.query<OutboxRowRecord>(
      // The WITH's UPDATE runs whether or not the SELECT reads it; the SELECT sees the rows as they were
      // before it, so it leaves the marked ones out by id. ORDER BY the column, not the text alias of
      // the select list (which would sort '10' before '9').
      `WITH marked AS (${markPublished})
       SELECT id, aggregateid, topic, payload::text AS value, headers, created_at, sequence::text AS position
         FROM outbox WHERE published_at IS NULL AND NOT (id = ANY($1::uuid[]))
        ORDER BY outbox.sequence LIMIT $2`,
      [this.awaitingMark, this.tuning.batchSize],
    );
    this.awaitingMark = [];
    if (rows.length === 0) return { rows: 0, more: false };
    const pending = withinByteBudget(rows.map(toPendingRow), this.tuning.maxBatchBytes);
    const ids = pending.map((row) => row.id);
    try {
      await this.options.producer.sendBatch({
        acks: -1,
        topicMessages: toTopicMessages(pending, this.options.resolveTopic),
      });
    } catch (error) {
      await client.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
        [ids, describe(error).slice(0, 2_000)],
      );
      throw new PublishFailed(error);
    }
    const acknowledgedAt = Date.now();
    await this.options.faults?.afterPublishBeforeMark?.(pending);
    this.throwIfConnectionLost();
    this.awaitingMark = ids;
    this.recordPublished(pending, acknowledgedAt);
    return {
      rows: pending.length,
      more: rows.length === this.tuning.batchSize || pending.length < rows.length,
    };
  }

  /** Marks what was published and not yet marked, when the relay stops leading. */
  private async markAwaiting(client: Client): Promise<void> {
    if (this.awaitingMark.length === 0) return;
    await client.query(markPublished, [this.awaitingMark]);
    this.awaitingMark = [];
  }

  private async purgePublished(client: Client): Promise<void> {
    // In chunks, so a large backlog of old rows never holds long locks or one huge transaction.
    let purged = 0;
    for (;;) {
      const result = await client.query(
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox
            WHERE published_at IS NOT NULL AND published_at < clock_timestamp() - make_interval(secs => $1)
            LIMIT $2)`,
        [this.tuning.retentionMs / 1_000, purgeChunk],
      );
      purged += result.rowCount ?? 0;
      if ((result.rowCount ?? 0) < purgeChunk || this.stopping) break;
    }
    if (purged > 0)
      this.logger.log(`outbox relay of ${this.options.service} purged ${purged} published rows`);
  }

  private async tryAcquireLock(client: Client): Promise<boolean> {
    const { rows } = await client.query<{ acquired: boolean }>(
      `SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS acquired`,
      [relayLockNamespace, this.options.service],
    );
    return rows[0].acquired;
  }

  private recordPublished(rows: readonly PendingOutboxRow[], acknowledgedAt: number): void {
    const { publishLatency, published } = this.metrics.outbox;
    const service = this.options.service;
    for (const row of rows) {
      publishLatency.observe(
        { service, topic: row.topic },
        (acknowledgedAt - row.createdAt.getTime()) / 1_000,
      );
      published.inc({ service, topic: row.topic });
    }
  }

  private setLeading(leading: boolean): void {
    this.leading = leading;
    this.metrics.outbox.relayLeader.set({ service: this.options.service }, leading ? 1 : 0);
  }

  private throwIfConnectionLost(): void {
    if (this.lostConnection) throw this.lostConnection;
  }

  private backoff(failures: number): number {
    return Math.min(this.tuning.failureBackoffMs * 2 ** Math.max(0, failures - 1), maxFailureBackoffMs);
  }

  private async close(client: Client): Promise<void> {
    // Ending the session is what releases the session-level advisory lock.
    await client.end().catch(() => undefined);
  }
}

/** Kafka did not acknowledge a batch; the rows stay pending. */
class PublishFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('publish failed');
  }
}

function toPendingRow(record: OutboxRowRecord): PendingOutboxRow {
  return {
    id: record.id,
    aggregateId: record.aggregateid,
    topic: record.topic,
    value: record.value,
    headers: record.headers,
    createdAt: record.created_at,
    sequence: record.position,
  };
}

/** Marks rows Kafka acknowledged ($1: their ids). */
const markPublished = `UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
  WHERE id = ANY($1::uuid[])`;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
