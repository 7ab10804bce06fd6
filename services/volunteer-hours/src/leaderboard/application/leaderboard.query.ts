import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK, serviceMonthOf } from '@loop/platform';
import {
  maySeeCommunityLeaderboard,
  maySeeUnitLeaderboard,
  Viewer,
} from '../../access/domain/hours-access.policy';
import { HoursAccessDeniedError } from '../../access/domain/hours-access.errors';
import { LeaderboardRow, LeaderboardProjector } from './leaderboard.projector';
import { LeaderboardScope } from './leaderboard-keys';

/** Reads a leaderboard for a viewer allowed to see it. */
@Injectable()
export class LeaderboardQuery {
  constructor(
    private readonly projector: LeaderboardProjector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The top members of a community's or unit's board in `month` (the current service month by default). */
  async top(
    viewer: Viewer,
    scope: LeaderboardScope,
    scopeId: string,
    options: { month?: string; limit?: number },
  ): Promise<{ month: string; rows: LeaderboardRow[] }> {
    const allowed =
      scope === 'community'
        ? maySeeCommunityLeaderboard(viewer, scopeId)
        : maySeeUnitLeaderboard(viewer, scopeId);
    if (!allowed) throw new HoursAccessDeniedError(`${scope} ${scopeId} leaderboard`);
    const month = options.month ?? serviceMonthOf(this.clock.now());
    return { month, rows: await this.projector.top(scope, scopeId, month, options.limit ?? 10) };
  }
}
