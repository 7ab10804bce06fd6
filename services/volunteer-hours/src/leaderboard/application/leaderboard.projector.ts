import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS, serviceMonthSql } from '@loop/platform';
import type Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { LEADERBOARD_INDEX_KEY, leaderboardKey, LeaderboardScope } from './leaderboard-keys';

/** One ranked member. */
export interface LeaderboardRow {
  rank: number;
  memberId: string;
  minutes: number;
}

/** What a rebuild wrote. */
export interface LeaderboardRebuildReport {
  boards: number;
  members: number;
  removedBoards: number;
}

interface MemberMonthTotal {
  scope: LeaderboardScope;
  scope_id: string;
  month: string;
  member_id: string;
  minutes: number;
}

// One query for both scopes: the ledger decides every score; Redis only serves the ranking.
const totalsSql = (memberFilter: string) => `
  SELECT 'community' AS scope, community_id::text AS scope_id, ${serviceMonthSql('occurred_at')} AS month, member_id, SUM(minutes)::int AS minutes
    FROM ledger_entry WHERE community_id IS NOT NULL ${memberFilter}
    GROUP BY community_id, month, member_id
  UNION ALL
  SELECT 'unit', unit_id::text, ${serviceMonthSql('occurred_at')}, member_id, SUM(minutes)::int
    FROM ledger_entry WHERE unit_id IS NOT NULL ${memberFilter}
    GROUP BY unit_id, ${serviceMonthSql('occurred_at')}, member_id`;

/**
 * Leaderboards per community, unit and service month in Redis sorted sets. Every score is set to the
 * member's total as the ledger holds it (never incremented), so writing twice is harmless, and a
 * rebuild from the ledger reproduces exactly what incremental refreshes produce. Members whose total
 * is zero are not ranked.
 */
@Injectable()
export class LeaderboardProjector {
  private readonly logger = new Logger(LeaderboardProjector.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly dataSource: DataSource,
  ) {}

  private missed = 0;

  /** Board writes skipped or failed so far because Redis was away; they are restored from the ledger. */
  get missedWrites(): number {
    return this.missed;
  }

  /**
   * Sets the member's scores in the month of `month` from the ledger as seen by `manager` (call it
   * while holding the member's chain lock, so later appends overwrite earlier ones in order). Redis
   * being away must not stop the ledger: the write is skipped or its failure logged, the entry still
   * commits, and the boards are restored from the ledger once Redis is back (LeaderboardRestoration).
   */
  async refreshMember(manager: EntityManager, memberId: string, month: string): Promise<void> {
    // Not even tried while the client is not connected: ioredis would hold the command through its
    // reconnection attempts — seconds per append, with the member's chain locked and the consumer
    // neither committing nor heartbeating, until the ledger all but stops and the group drops it.
    if (this.redis.status !== 'ready') {
      this.missed++;
      return;
    }
    const rows = (await manager.query(
      `SELECT * FROM (${totalsSql('AND member_id = $1')}) totals WHERE month = $2`,
      [memberId, month],
    )) as MemberMonthTotal[];
    try {
      await this.writeScores(rows);
    } catch (error) {
      // Only Redis is caught here: the ledger entry still commits, and the boards are restored from it.
      this.missed++;
      this.logger.warn(
        `leaderboards of ${memberId} in ${month} not refreshed; they are restored from the ledger when Redis is back: ${String(error)}`,
      );
    }
  }

  /**
   * Sets every member's scores, in every month, from the ledger again: for boards Redis lost (a
   * restarted Redis comes back empty) or missed (appends skip their writes while it is away), while
   * the ledger keeps growing. Each member is written under the member's chain lock, so the write
   * lands either before a concurrent append (which then sets its own, newer total) or after that
   * append committed (and counts it) — never an older total over a newer one, which a `rebuild`
   * racing with appends could write. Nothing is removed: Redis holds nothing the ledger does not.
   * Stops between members once `signal` is aborted.
   */
  async restoreFromLedger(signal?: AbortSignal): Promise<{ members: number }> {
    const members = await this.dataSource.transaction(async (manager) => {
      // SHARE waits for the appends in flight to end (their writes may have failed while Redis was
      // away), so a member whose very first entry was one of them is listed too. It queues later
      // appends behind it, so it gives up quickly — before PostgreSQL would look for a deadlock
      // among those appends — and the restoration tries again.
      await manager.query(`SET LOCAL lock_timeout = '500ms'`);
      await manager.query(`LOCK TABLE ledger_member_head IN SHARE MODE`);
      return (await manager.query(`SELECT member_id FROM ledger_member_head`)) as Array<{
        member_id: string;
      }>;
    });
    for (const { member_id: memberId } of members) {
      signal?.throwIfAborted();
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT 1 FROM ledger_member_head WHERE member_id = $1 FOR UPDATE`, [memberId]);
        const rows = (await manager.query(totalsSql('AND member_id = $1'), [memberId])) as MemberMonthTotal[];
        await this.writeScores(rows);
      });
    }
    return { members: members.length };
  }

  /** Rebuilds every leaderboard from the ledger: boards are written aside, then swapped in one step. */
  async rebuild(): Promise<LeaderboardRebuildReport> {
    const rows = (await this.dataSource.query(totalsSql(''))) as MemberMonthTotal[];
    const boards = new Map<string, Array<[number, string]>>();
    for (const row of rows) {
      if (Number(row.minutes) === 0) continue;
      const key = leaderboardKey(row.scope, row.scope_id, row.month);
      const board = boards.get(key) ?? [];
      board.push([Number(row.minutes), row.member_id]);
      boards.set(key, board);
    }
    const staging = `leaderboard:rebuild:${Date.now().toString(36)}`;
    const previous = await this.redis.smembers(LEADERBOARD_INDEX_KEY);
    const fill = this.redis.pipeline();
    for (const [key, members] of boards) {
      fill.del(`${staging}:${key}`);
      fill.zadd(`${staging}:${key}`, ...members.flatMap(([minutes, memberId]) => [minutes, memberId]));
    }
    await fill.exec();
    const swap = this.redis.multi();
    const stale = previous.filter((key) => !boards.has(key));
    for (const key of stale) swap.del(key);
    for (const key of boards.keys()) swap.rename(`${staging}:${key}`, key);
    swap.del(LEADERBOARD_INDEX_KEY);
    if (boards.size > 0) swap.sadd(LEADERBOARD_INDEX_KEY, ...boards.keys());
    await swap.exec();
    return {
      boards: boards.size,
      members: rows.filter((row) => Number(row.minutes) !== 0).length,
      removedBoards: stale.length,
    };
  }

  /** Sets the scores of `rows` in one MULTI (a total of zero removes the member from the board). */
  private async writeScores(rows: readonly MemberMonthTotal[]): Promise<void> {
    const transaction = this.redis.multi();
    for (const row of rows) {
      const key = leaderboardKey(row.scope, row.scope_id, row.month);
      if (Number(row.minutes) === 0) transaction.zrem(key, row.member_id);
      else transaction.zadd(key, Number(row.minutes), row.member_id);
      transaction.sadd(LEADERBOARD_INDEX_KEY, key);
    }
    await transaction.exec();
  }

  /** The top `limit` members of a board, highest first. */
  async top(
    scope: LeaderboardScope,
    scopeId: string,
    month: string,
    limit: number,
  ): Promise<LeaderboardRow[]> {
    const flat = await this.redis.zrevrange(
      leaderboardKey(scope, scopeId, month),
      0,
      limit - 1,
      'WITHSCORES',
    );
    const rows: LeaderboardRow[] = [];
    for (let index = 0; index < flat.length; index += 2) {
      rows.push({ rank: index / 2 + 1, memberId: flat[index], minutes: Number(flat[index + 1]) });
    }
    return rows;
  }
}
