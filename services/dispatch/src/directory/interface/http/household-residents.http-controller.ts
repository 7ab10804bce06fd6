import { Controller, Delete, Get, Headers, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  ParseAccountIdPipe,
  preferredLanguage,
  Roles,
  type AuthenticatedUser,
} from '@loop/platform';
import { HouseholdResidentsHandler } from '../../application/household-residents.handler';
import { HouseholdResidentsResponse } from './household-residents.response.dto';

/**
 * Residents registered to a household (居民住户登记): staff register the account a resident signed up
 * with to the household they live in, after checking the household register; only registered residents
 * may file tickets, and only for their own households' communities.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin', 'staff')
@Controller('directory/households/:householdId/residents')
export class HouseholdResidentsHttpController {
  constructor(private readonly residents: HouseholdResidentsHandler) {}

  @Get()
  @ApiOperation({ summary: 'The residents registered to a household (account ids)' })
  @ApiOkResponse({ type: HouseholdResidentsResponse })
  async list(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<HouseholdResidentsResponse> {
    return HouseholdResidentsResponse.of(householdId, await this.residents.residentsOf(householdId, user));
  }

  @Put(':residentId')
  @ApiOperation({
    summary: 'Register a resident to a household',
    description:
      'Idempotent: registering a registered resident changes nothing. The change is logged with who made it.',
  })
  @ApiOkResponse({ type: HouseholdResidentsResponse })
  async register(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Param('residentId', ParseAccountIdPipe) residentId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<HouseholdResidentsResponse> {
    return this.change(householdId, residentId, true, user, acceptLanguage);
  }

  @Delete(':residentId')
  @ApiOperation({
    summary: 'Remove a resident from a household (moved out)',
    description: 'Idempotent. Tickets already filed stay with the resident.',
  })
  @ApiOkResponse({ type: HouseholdResidentsResponse })
  async remove(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Param('residentId', ParseAccountIdPipe) residentId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<HouseholdResidentsResponse> {
    return this.change(householdId, residentId, false, user, acceptLanguage);
  }

  private async change(
    householdId: string,
    residentId: string,
    registered: boolean,
    user: AuthenticatedUser,
    acceptLanguage: string | undefined,
  ): Promise<HouseholdResidentsResponse> {
    const language = preferredLanguage(acceptLanguage);
    const residents = await this.residents.change(householdId, residentId, registered, user, language);
    return HouseholdResidentsResponse.of(householdId, residents);
  }
}
