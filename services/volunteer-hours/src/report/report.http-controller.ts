import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@loop/platform';
import { HoursAccessDeniedError } from '../access/domain/hours-access.errors';
import { maySeeCommunity } from '../access/domain/hours-access.policy';
import { ApiProblems } from '../shared/api-problems';
import {
  CommunityServiceFactsRequestDto,
  CommunityServiceFactsResponseDto,
} from './community-service-facts.dto';
import { CommunityServiceFactsQuery } from './community-service-facts.query';

/** The figures the monthly community report (composed by the requests service) needs from the ledger. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportHttpController {
  constructor(private readonly facts: CommunityServiceFactsQuery) {}

  /** Active members, minutes served, activities held and attended, per community, in one month. */
  @Post('community-service')
  @HttpCode(200)
  @Roles('staff', 'secretary', 'official', 'admin')
  @ApiOperation({
    summary: 'Per community and month: active members, minutes served, activities held and attended',
  })
  @ApiOkResponse({ type: CommunityServiceFactsResponseDto })
  @ApiProblems(400, 401, 403)
  async communityService(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CommunityServiceFactsRequestDto,
  ): Promise<CommunityServiceFactsResponseDto> {
    // The district's admin reads every community; others only their own (a unit's admin has no community).
    const districtAdmin = user.roles.includes('admin');
    const outside = body.communityIds.find((id) => !districtAdmin && !maySeeCommunity(user, id));
    if (outside) throw new HoursAccessDeniedError(`community ${outside}`);
    return { communities: await this.facts.factsOf(body.month, body.communityIds) };
  }
}
