import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles, type AuthenticatedUser } from '@loop/platform';
import { CompoundPlacesRepository } from '../../infrastructure/compound-places.typeorm-repository';
import { ResidentHouseholdResponse } from './household-residents.response.dto';

/** A resident's own households: the places they may file tickets for, with the names they know. */
@ApiTags('directory')
@ApiBearerAuth()
@Roles('resident')
@Controller('directory/me/households')
export class MyHouseholdsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: CompoundPlacesRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The households I am registered to',
    description:
      'Empty until the community registers the resident to their household (at the service desk or from the household register).',
  })
  @ApiOkResponse({ type: [ResidentHouseholdResponse] })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<ResidentHouseholdResponse[]> {
    const households = await this.places.householdsOfResident(this.dataSource.manager, user.id);
    return households.map(ResidentHouseholdResponse.of);
  }
}
