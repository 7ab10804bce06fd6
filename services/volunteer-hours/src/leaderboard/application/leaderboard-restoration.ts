import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { exponentialBackoffMs, logBackgroundFailure, REDIS } from '@loop/platform';
import { LeaderboardProjector } from './leaderboard.projector';

/** The connection events of the Redis client this class follows (ioredis emits them). */
export interface RedisConnectionEvents {
  on(event: 'close' | 'ready', listener: () => void): unknown;
  off(event: 'close' | 'ready', listener: () => void): unknown;
}

// PostgreSQL may be away too when Redis returns; the restoration waits for it without hammering it.
const retryBackoff = { initialMs: 500, maxMs: 10_000 };

/**
 * Brings the leaderboards back by themselves after Redis was away. Redis keeps nothing on disk, so a
 * restarted Redis comes back empty; and while it is away every append skips its board writes. The
 * ledger holds every score, so whenever the client is ready again after losing its connection or
 * missing writes, every member's scores are set from the ledger again
 * (LeaderboardProjector.restoreFromLedger) — tried again with backoff until it succeeds, and once more
 * if Redis was lost again or writes were missed meanwhile.
 */
@Injectable()
export class LeaderboardRestoration implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LeaderboardRestoration.name);
  /** Connection losses seen so far. */
  private losses = 0;
  /** Losses and missed writes the boards have been restored after. */
  private restoredAfter = { losses: 0, missedWrites: 0 };
  private running: Promise<void> | undefined;
  /** Ends the pause between two attempts early. */
  private wake: (() => void) | undefined;
  private readonly stopping = new AbortController();

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnectionEvents,
    private readonly projector: LeaderboardProjector,
  ) {}

  /**
   * Follows the client's connection from before the app starts working: a write missed then is
   * followed by a 'ready' this sees.
   */
  onModuleInit(): void {
    this.redis.on('close', this.onClose);
    this.redis.on('ready', this.onReady);
  }

  /** Stops following it and ends a restoration under way before the connections it uses close. */
  async onModuleDestroy(): Promise<void> {
    this.redis.off('close', this.onClose);
    this.redis.off('ready', this.onReady);
    this.stopping.abort();
    await this.running;
  }

  private readonly onClose = (): void => {
    this.losses++;
  };

  private readonly onReady = (): void => {
    if (!this.behind() || this.stopping.signal.aborted) return;
    // Redis being back is what a restoration waiting to try again was waiting for.
    if (this.running) {
      this.wake?.();
      return;
    }
    this.running = this.restoreUntilCurrent().finally(() => (this.running = undefined));
  };

  /** Whether Redis was lost, or writes were missed, since the boards were last restored. */
  private behind(): boolean {
    return (
      this.losses !== this.restoredAfter.losses ||
      this.projector.missedWrites !== this.restoredAfter.missedWrites
    );
  }

  private async restoreUntilCurrent(): Promise<void> {
    for (let attempt = 1; this.behind() && !this.stopping.signal.aborted; ) {
      const before = { losses: this.losses, missedWrites: this.projector.missedWrites };
      try {
        const { members } = await this.projector.restoreFromLedger(this.stopping.signal);
        // A loss during the pass may have taken what it wrote, and a write missed during it may have
        // come after its member was restored; the loop then runs it again.
        this.restoredAfter = before;
        attempt = 1;
        this.logger.log(`leaderboards of ${members} members restored from the ledger after Redis was away`);
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        const delayMs = exponentialBackoffMs(attempt++, retryBackoff);
        logBackgroundFailure(this.logger, `restoring the leaderboards (next try in ${delayMs} ms)`, error);
        await this.pause(delayMs);
      }
    }
  }

  /** Waits `ms`, or less when Redis is ready again or the app stops meanwhile. */
  private pause(ms: number): Promise<void> {
    const { signal } = this.stopping;
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', end);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      signal.addEventListener('abort', end, { once: true });
      this.wake = end;
    });
  }
}
