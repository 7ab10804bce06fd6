import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiProblems } from '../../../shared/api-problems';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@loop/platform';
import { LeaderboardProjector } from '../../application/leaderboard.projector';
import { LeaderboardQuery } from '../../application/leaderboard.query';
import { LeaderboardRequestDto } from './leaderboard.request.dto';
import { LeaderboardRebuildResponseDto, LeaderboardResponseDto } from './leaderboard.response.dto';

/** Monthly leaderboards per community and unit (Redis sorted sets rebuilt from the ledger). */
@ApiTags('leaderboards')
@ApiBearerAuth()
@Controller('leaderboards')
export class LeaderboardHttpController {
  constructor(
    private readonly leaderboards: LeaderboardQuery,
    private readonly projector: LeaderboardProjector,
  ) {}

  /** A community's monthly leaderboard. */
  @Get('communities/:communityId')
  @ApiOperation({
    summary: "A community's monthly leaderboard (its staff, secretary, linked officials and members)",
  })
  @ApiOkResponse({ type: LeaderboardResponseDto })
  @ApiProblems(400, 401, 403)
  async community(
    @CurrentUser() user: AuthenticatedUser,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Query() query: LeaderboardRequestDto,
  ): Promise<LeaderboardResponseDto> {
    const board = await this.leaderboards.top(user, 'community', communityId, query);
    return LeaderboardResponseDto.from('community', communityId, board.month, board.rows);
  }

  /** A unit's monthly leaderboard. */
  @Get('units/:unitId')
  @ApiOperation({ summary: "A unit's monthly leaderboard (its admin and its members)" })
  @ApiOkResponse({ type: LeaderboardResponseDto })
  @ApiProblems(400, 401, 403)
  async unit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: LeaderboardRequestDto,
  ): Promise<LeaderboardResponseDto> {
    const board = await this.leaderboards.top(user, 'unit', unitId, query);
    return LeaderboardResponseDto.from('unit', unitId, board.month, board.rows);
  }

  /** Rebuilds every board from the ledger. */
  @Post('rebuild')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Rebuild every leaderboard from the ledger (admin)' })
  @ApiOkResponse({ type: LeaderboardRebuildResponseDto })
  @ApiProblems(401, 403)
  async rebuild(): Promise<LeaderboardRebuildResponseDto> {
    return Object.assign(new LeaderboardRebuildResponseDto(), await this.projector.rebuild());
  }
}
