import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@loop/platform';
import { PublicHolidaysHandler } from '../../application/public-holidays.handler';
import { PublicHolidaysNotLoadedError } from '../../domain/directory.errors';
import { PublicHolidayRepository } from '../../infrastructure/public-holiday.typeorm-repository';
import { PublicHolidayScheduleRequest, PublicHolidayYearParams } from './public-holidays.request.dto';
import { PublicHolidayScheduleResponse } from './public-holidays.response.dto';

/** The national public holidays and make-up working days by year (ADR 0024): admins load, staff read. */
@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin', 'staff')
@Controller('directory/public-holidays')
export class PublicHolidaysHttpController {
  constructor(
    private readonly schedules: PublicHolidayRepository,
    private readonly handler: PublicHolidaysHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every year whose national schedule is loaded' })
  @ApiOkResponse({ type: [PublicHolidayScheduleResponse] })
  async list(): Promise<PublicHolidayScheduleResponse[]> {
    return (await this.schedules.list()).map(PublicHolidayScheduleResponse.of);
  }

  @Get(':year')
  @ApiOperation({ summary: "A year's public holidays (放假) and make-up working days (调休上班)" })
  @ApiOkResponse({ type: PublicHolidayScheduleResponse })
  @ApiNotFoundResponse({ description: 'The year was never loaded: it counts no national holidays.' })
  async get(@Param() params: PublicHolidayYearParams): Promise<PublicHolidayScheduleResponse> {
    const schedule = await this.schedules.find(params.year);
    if (!schedule) throw new PublicHolidaysNotLoadedError(params.year);
    return PublicHolidayScheduleResponse.of(schedule);
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({
    summary: "Load (or replace) a year's national schedule, as the State Council published it",
    description:
      'Dates must fall in the year, appear once, not be both a holiday and a working day, and working days ' +
      'must be Saturdays or Sundays. Deadlines computed from then on count it; deadlines already set stay.',
  })
  @ApiOkResponse({ type: PublicHolidayScheduleResponse })
  @ApiBadRequestResponse({ description: 'problem+json with errors [{ field, code, message }].' })
  @ApiForbiddenResponse({ description: 'Only district admins load schedules.' })
  async load(
    @Param() params: PublicHolidayYearParams,
    @Body() body: PublicHolidayScheduleRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PublicHolidayScheduleResponse> {
    return PublicHolidayScheduleResponse.of(await this.handler.load(params.year, body, user));
  }
}
