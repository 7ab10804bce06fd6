import { Module } from '@nestjs/common';
import { ClockModule, RedisModule } from '@loop/platform';
import { VolunteerHoursConfig } from '../config/volunteer-hours.config';
import { LeaderboardProjector } from './application/leaderboard.projector';
import { LeaderboardRestoration } from './application/leaderboard-restoration';
import { LeaderboardQuery } from './application/leaderboard.query';
import { LeaderboardHttpController } from './interface/http/leaderboard.http-controller';

const httpControllers = [LeaderboardHttpController];
const queries = [LeaderboardProjector, LeaderboardQuery];
const redisRecovery = [LeaderboardRestoration];

/** Leaderboards in Redis, refreshed as the ledger grows and rebuildable from it. */
@Module({
  imports: [RedisModule.forRoot(VolunteerHoursConfig), ClockModule],
  controllers: httpControllers,
  providers: [...queries, ...redisRecovery],
  exports: [LeaderboardProjector],
})
export class LeaderboardModule {}
