import { ApiProperty } from '@nestjs/swagger';
import { LeaderboardRow } from '../../application/leaderboard.projector';

/** One place on a leaderboard. */
export class LeaderboardRowResponseDto {
  @ApiProperty({ example: 1 })
  rank: number;

  @ApiProperty({ example: 'member-1' })
  memberId: string;

  @ApiProperty({ example: 360 })
  minutes: number;
}

/** A leaderboard of one community or unit in one service month. */
export class LeaderboardResponseDto {
  @ApiProperty({ enum: ['community', 'unit'], example: 'community' })
  scope: string;

  @ApiProperty({ example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' })
  scopeId: string;

  @ApiProperty({ example: '2025-03' })
  month: string;

  @ApiProperty({ type: [LeaderboardRowResponseDto] })
  rows: LeaderboardRowResponseDto[];

  /** Maps the ranked rows to the response. */
  static from(scope: string, scopeId: string, month: string, rows: LeaderboardRow[]): LeaderboardResponseDto {
    return Object.assign(new LeaderboardResponseDto(), { scope, scopeId, month, rows });
  }
}

/** What a rebuild wrote. */
export class LeaderboardRebuildResponseDto {
  @ApiProperty({ example: 12, description: 'Boards written' })
  boards: number;

  @ApiProperty({ example: 340, description: 'Member scores written' })
  members: number;

  @ApiProperty({ example: 0, description: 'Boards removed because the ledger no longer supports them' })
  removedBoards: number;
}
