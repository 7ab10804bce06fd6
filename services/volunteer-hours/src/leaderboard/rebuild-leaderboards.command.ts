// Rebuilds every leaderboard in Redis from the ledger in PostgreSQL and prints what was written.
//   DATABASE_URL=… REDIS_URL=… REDIS_KEY_PREFIX=… npx tsx services/volunteer-hours/src/leaderboard/rebuild-leaderboards.command.ts
import Redis from 'ioredis';
import { commandDataSource } from '../shared/command-data-source';
import { LeaderboardProjector } from './application/leaderboard.projector';

/** Runs the rebuild and returns the exit code. */
export async function rebuildLeaderboardsCommand(): Promise<number> {
  const { config, dataSource } = await commandDataSource();
  const redis = new Redis(config.REDIS_URL, { keyPrefix: config.REDIS_KEY_PREFIX, maxRetriesPerRequest: 2 });
  try {
    const report = await new LeaderboardProjector(redis, dataSource).rebuild();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } finally {
    redis.disconnect();
    await dataSource.destroy();
  }
}

if (require.main === module) {
  rebuildLeaderboardsCommand().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
