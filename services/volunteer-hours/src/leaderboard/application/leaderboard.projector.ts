import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS } from '@loop/platform';
import type Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { serviceMonthSql } from '../../shared/service-month';
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

  /**
   * Sets the member's scores in the month of `month` from the ledger as seen by `manager` (call it
   * while holding the member's chain lock, so later appends overwrite earlier ones in order). Redis
   * being away must not stop the ledger: a failure is logged and a rebuild repairs the boards.
   */
  async refreshMember(manager: EntityManager, memberId: string, month: string): Promise<void> {
    const rows = (await manager.query(
      `SELECT * FROM (${totalsSql('AND member_id = $1')}) totals WHERE month = $2`,
      [memberId, month],
    )) as MemberMonthTotal[];
    const pipeline = this.redis.multi();
    for (const row of rows) {
      const key = leaderboardKey(row.scope, row.scope_id, row.month);
      if (Number(row.minutes) === 0) pipeline.zrem(key, row.member_id);
      else pipeline.zadd(key, Number(row.minutes), row.member_id);
      pipeline.sadd(LEADERBOARD_INDEX_KEY, key);
    }
    try {
      await pipeline.exec();
    } catch (error) {
      // Only Redis is caught here: the ledger entry still commits, and the boards are rebuilt from it.
      this.logger.warn(
        `leaderboards of ${memberId} in ${month} not refreshed; rebuild them from the ledger: ${String(error)}`,
      );
    }
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
