/** The scopes a leaderboard ranks members in. */
export const leaderboardScopes = ['community', 'unit'] as const;
/** A scope a leaderboard ranks members in. */
export type LeaderboardScope = (typeof leaderboardScopes)[number];

/** Set of every leaderboard key written, so a rebuild can remove boards the ledger no longer supports. */
export const LEADERBOARD_INDEX_KEY = 'leaderboard:index';

/** The sorted set (member → minutes) of one scope and service month. */
export function leaderboardKey(scope: LeaderboardScope, scopeId: string, month: string): string {
  return `leaderboard:${scope}:${scopeId}:${month}`;
}
