import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@loop/platform';
import { HouseholdCoverageRequestDto, HouseholdCoverageResponseDto } from './household-coverage.dto';
import { HouseholdCoverageQuery } from './household-coverage.query';
import { CommunityOutsideScopeError } from './report.errors';

/** The figures the monthly community report (composed by the requests service) needs from the directory. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportHttpController {
  constructor(private readonly coverage: HouseholdCoverageQuery) {}

  /** Households, households linked to a member ("1+10") and active members, per community. */
  @Post('household-coverage')
  @HttpCode(200)
  @Roles('staff', 'secretary', 'official', 'admin')
  @ApiOperation({ summary: 'Per community: households, households linked to a member (1+10), members' })
  @ApiOkResponse({ type: HouseholdCoverageResponseDto })
  @ApiForbiddenResponse({ description: 'A community outside your scope' })
  async householdCoverage(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: HouseholdCoverageRequestDto,
  ): Promise<HouseholdCoverageResponseDto> {
    // The district's admin reads every community; staff, secretaries and officials their own.
    const districtWide = user.roles.includes('admin');
    if (!districtWide && body.communityIds.some((id) => !user.communityIds.includes(id))) {
      throw new CommunityOutsideScopeError();
    }
    return { communities: await this.coverage.factsOf(body.communityIds) };
  }
}
