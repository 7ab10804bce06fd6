// Fires due timers: claims one due row at a time with FOR UPDATE SKIP LOCKED (so replicas never fire the
// same timer twice), runs its handler in that transaction, and deletes the row in the same commit.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../clock/clock';
import { PlatformConfig } from '../config/platform.config';
import { counterMetric } from '../metrics/metric-registry';
import { dependencyFailureOf, logBackgroundFailure } from '../errors/dependency-failure';
import { timerRetryDelayMs } from './timer-backoff';
import { TIMER_HANDLER, TimerHandlerFunction } from './timer-handler.decorator';
import { DueTimer, TimerRow, toDueTimer } from './timer-store';

/** Longest wait before a timer that failed on a dependency is tried again (the consumers' cap too). */
const dependencyRetryCapMs = 5_000;

const firedTimers = () =>
  counterMetric({
    name: 'timers_fired_total',
    help: 'Durable timers handled, by kind and outcome (fired, failed)',
    labelNames: ['kind', 'outcome'],
  });

/** Polls the durable timer table and dispatches due timers to their @TimerHandler methods. */
@Injectable()
export class TimerPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TimerPoller.name);
  private readonly handlers = new Map<string, TimerHandlerFunction>();
  private pending?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PlatformConfig) private readonly config: PlatformConfig,
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  /** Finds the handlers and starts polling. */
  onApplicationBootstrap(): void {
    this.discoverHandlers();
    if (this.handlers.size > 0) this.schedule(0);
  }

  /** Stops polling and waits for the timer being handled, so shutdown never cuts one in half. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pending);
    await this.running;
  }

  /** Handles every timer due now (at most `limit`); returns how many were handled. Public for tests. */
  async fireDueTimers(limit = 100): Promise<number> {
    let handled = 0;
    while (handled < limit && !this.stopped && (await this.fireOne())) handled += 1;
    return handled;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.pending = setTimeout(() => {
      this.running = this.fireDueTimers()
        .then(() => undefined)
        .catch((error: unknown) => logBackgroundFailure(this.logger, 'Polling durable timers', error))
        .finally(() => this.schedule(this.config.TIMERS_POLL_INTERVAL_MS));
    }, delayMs);
  }

  /** Claims and handles one due timer; false when none is due. */
  private async fireOne(): Promise<boolean> {
    let claimed: DueTimer | undefined;
    try {
      await this.dataSource.transaction(async (manager) => {
        const rows: TimerRow[] = await manager.query(
          `SELECT * FROM durable_timer WHERE due_at <= $1 AND kind = ANY($2)
           ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [this.clock.now(), [...this.handlers.keys()]],
        );
        if (!rows[0]) return;
        claimed = toDueTimer(rows[0]);
        await this.handlers.get(claimed.kind)!(claimed, manager);
        // A handler that moved its own timer (a reminder re-armed) bumped the version: keep that one.
        await manager.query(`DELETE FROM durable_timer WHERE id = $1 AND version = $2`, [
          claimed.id,
          claimed.version,
        ]);
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.recordFailure(claimed, error);
      return true;
    }
    if (claimed) firedTimers().inc({ kind: claimed.kind, outcome: 'fired' });
    return claimed !== undefined;
  }

  private async recordFailure(timer: DueTimer, error: unknown): Promise<void> {
    const attempts = timer.attempts + 1;
    // A database or Redis that is away is no fault of the timer: try again as soon as a consumer would.
    const delayMs = dependencyFailureOf(error)
      ? Math.min(timerRetryDelayMs(attempts), dependencyRetryCapMs)
      : timerRetryDelayMs(attempts);
    const retryAt = new Date(this.clock.now().getTime() + delayMs);
    firedTimers().inc({ kind: timer.kind, outcome: 'failed' });
    this.logger.error(
      { err: error, timer: { kind: timer.kind, key: timer.key, attempts } },
      'Timer handler failed; retrying later',
    );
    await this.dataSource.query(
      `UPDATE durable_timer SET attempts = $2, due_at = $3, last_error = $4 WHERE id = $1 AND version = $5`,
      [timer.id, attempts, retryAt, error instanceof Error ? error.message : String(error), timer.version],
    );
  }

  private discoverHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const kind = this.reflector.get<string | undefined>(TIMER_HANDLER, instance[method] as () => unknown);
        if (!kind) continue;
        if (this.handlers.has(kind)) throw new Error(`Two handlers for timer kind "${kind}"`);
        this.handlers.set(kind, (instance[method] as TimerHandlerFunction).bind(instance));
      }
    }
  }
}
