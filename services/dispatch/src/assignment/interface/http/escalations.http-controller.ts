import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@loop/platform';
import { DispatchBoardQuery } from '../../application/dispatch-board.query';
import { DispatchCaseResponse } from './assignment.response.dto';

/** Officials (三级包联) and secretaries: the open tickets escalated to their level. */
@ApiTags('escalations')
@ApiBearerAuth()
@Roles('official', 'secretary')
@Controller('escalations')
export class EscalationsHttpController {
  constructor(private readonly board: DispatchBoardQuery) {}

  /** Open tickets escalated to my level (the token's escalation_level; 1 for a secretary) in my communities. */
  @Get('mine')
  @ApiOperation({ summary: 'Open tickets escalated to my level in my communities' })
  @ApiOkResponse({ type: [DispatchCaseResponse] })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<DispatchCaseResponse[]> {
    const level = user.escalationLevel ?? (user.roles.includes('secretary') ? 1 : undefined);
    if (level === undefined || user.communityIds.length === 0) return [];
    const cases = await this.board.escalationsAt(level, user.communityIds);
    return cases.map((view) => DispatchCaseResponse.of(view));
  }
}
