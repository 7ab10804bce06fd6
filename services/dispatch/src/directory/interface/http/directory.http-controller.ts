import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  CurrentUser,
  preferredLanguage,
  Roles,
  type AuthenticatedUser,
  ParseAccountIdPipe,
} from '@loop/platform';
import { CalendarChange, CommunitySettingsHandler } from '../../application/community-settings.handler';
import { DirectoryReader } from '../../application/directory-reader.port';
import { DirectoryScope } from '../../application/directory-scope';
import { ImportDirectoryRowsHandler } from '../../application/import/import-directory-rows.handler';
import { RetirePersonHandler } from '../../application/retire-person.handler';
import { DirectoryEntryNotFoundError, DirectoryEntryRejectedError } from '../../domain/directory.errors';
import { clockMinutes, parseMonthDay } from '../../domain/service-calendar';
import { DirectoryChangeLogRepository } from '../../infrastructure/directory-change-log.typeorm-repository';
import { DirectoryListingRepository } from '../../infrastructure/directory-listing.typeorm-repository';
import { DirectoryChangesQuery } from './directory-changes.request.dto';
import { DispatchPolicyRequest, ServiceCalendarRequest } from './community-settings.request.dto';
import { HouseholdPageQuery } from './household-page.request.dto';
import {
  CommunityDetailResponse,
  CommunityResponse,
  DepartmentResponse,
  DirectoryChangeResponse,
  EscalationLinkResponse,
  GridResponse,
  HouseholdResponse,
  OfficialResponse,
  PropertyCompanyResponse,
  ImportReportResponse,
  MemberResponse,
  ServiceCalendarResponse,
  StaffResponse,
  UpsertResponse,
} from './directory.response.dto';
import { importRowsOf } from './import-body';

const kinds =
  'streets, communities, grids, property-companies, compounds, buildings, households, residents, units, members, staff, officials';

/** The directory's admin API: admins manage the district, staff their own community. */
@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin', 'staff')
@Controller('directory')
export class DirectoryHttpController {
  constructor(
    private readonly listing: DirectoryListingRepository,
    private readonly reader: DirectoryReader,
    private readonly settings: CommunitySettingsHandler,
    private readonly imports: ImportDirectoryRowsHandler,
    private readonly retirement: RetirePersonHandler,
    private readonly changeLog: DirectoryChangeLogRepository,
  ) {}

  @Get('changes')
  @ApiOperation({
    summary: 'Who changed the directory: created, updated and retired entries, newest first',
    description:
      "Staff read their own community's changes (communityId required); the district admin reads any " +
      "community's, or the whole district's without communityId.",
  })
  @ApiOkResponse({ type: [DirectoryChangeResponse] })
  async changes(
    @Query() query: DirectoryChangesQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DirectoryChangeResponse[]> {
    const scope = DirectoryScope.of(user);
    if (query.communityId === undefined) scope.assertDistrictWide();
    else scope.assertManages(query.communityId);
    const changes = await this.changeLog.page(query.communityId?.toLowerCase() ?? null, {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return changes.map(DirectoryChangeResponse.of);
  }

  @Get('communities')
  @ApiOperation({ summary: 'Communities the caller manages (all of them for admins)' })
  @ApiOkResponse({ type: [CommunityResponse] })
  async communities(@CurrentUser() user: AuthenticatedUser): Promise<CommunityResponse[]> {
    return (await this.listing.communities(DirectoryScope.of(user).managedCommunityIds())).map(
      CommunityResponse.of,
    );
  }

  @Get('communities/:communityId')
  @ApiOperation({ summary: 'A community with its service calendar and grids' })
  @ApiOkResponse({ type: CommunityDetailResponse })
  async community(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CommunityDetailResponse> {
    DirectoryScope.of(user).assertManages(communityId);
    const found = await this.listing.community(communityId);
    if (!found) throw new DirectoryEntryNotFoundError('community', communityId);
    return Object.assign(new CommunityDetailResponse(), CommunityResponse.of(found.community), {
      calendar: ServiceCalendarResponse.of(found.calendar),
      grids: found.grids.map(GridResponse.of),
    });
  }

  @Put('communities/:communityId/dispatch-policy')
  @ApiOperation({ summary: "Turn the community's auto-dispatch on or off" })
  @ApiOkResponse({ type: CommunityResponse })
  async setDispatchPolicy(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: DispatchPolicyRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CommunityResponse> {
    await this.settings.setAutoDispatch(communityId, body.autoDispatch, user);
    return CommunityResponse.of((await this.reader.communityById(communityId))!);
  }

  @Put('communities/:communityId/calendar')
  @ApiOperation({
    summary:
      "Replace the community's service calendar (hours, autumn/winter season, weekends, its own closures, public-holiday service)",
  })
  @ApiOkResponse({ type: ServiceCalendarResponse })
  async setCalendar(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: ServiceCalendarRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ServiceCalendarResponse> {
    const calendar = calendarOf(body);
    await this.settings.setCalendar(communityId, calendar, user);
    return ServiceCalendarResponse.of((await this.reader.calendarOf(communityId))!);
  }

  @Get('communities/:communityId/members')
  @ApiOperation({ summary: "The community's party members, active and retired, with private phones" })
  @ApiQuery({ name: 'gridId', required: false })
  @ApiOkResponse({ type: [MemberResponse] })
  async members(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Query('gridId') gridId: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MemberResponse[]> {
    DirectoryScope.of(user).assertManages(communityId);
    return (await this.listing.membersOf(communityId, gridId)).map(MemberResponse.of);
  }

  @Get('communities/:communityId/staff')
  @ApiOperation({ summary: "The community's staff, secretaries and grid workers" })
  @ApiOkResponse({ type: [StaffResponse] })
  async staff(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StaffResponse[]> {
    DirectoryScope.of(user).assertManages(communityId);
    return (await this.listing.staffOf(communityId)).map(StaffResponse.of);
  }

  @Get('communities/:communityId/escalation-chain')
  @ApiOperation({
    summary: "The community's escalation chain (三级包联): secretary, town/street official, county leader",
  })
  @ApiOkResponse({ type: [EscalationLinkResponse] })
  async escalationChain(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EscalationLinkResponse[]> {
    DirectoryScope.of(user).assertManages(communityId);
    return (await this.reader.escalationChain(communityId)).map(EscalationLinkResponse.of);
  }

  @Get('communities/:communityId/households')
  @ApiOperation({ summary: "A page of the community's households (addresses only)" })
  @ApiQuery({ name: 'gridId', required: false })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiOkResponse({ type: [HouseholdResponse] })
  async households(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Query() page: HouseholdPageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<HouseholdResponse[]> {
    DirectoryScope.of(user).assertManages(communityId);
    const households = await this.listing.householdsOf(communityId, {
      gridId: page.gridId,
      limit: page.limit ?? 100,
      offset: page.offset ?? 0,
    });
    return households.map(HouseholdResponse.of);
  }

  @Get('property-companies')
  @Roles('admin')
  @ApiOperation({ summary: 'Property companies and the compounds they manage (admins)' })
  @ApiOkResponse({ type: [PropertyCompanyResponse] })
  async propertyCompanies(): Promise<PropertyCompanyResponse[]> {
    return (await this.listing.propertyCompanies()).map(PropertyCompanyResponse.of);
  }

  // Departments serve the whole district, so anyone who may summon or follow a summons lists them all.
  @Get('departments')
  @Roles('staff', 'secretary', 'official', 'admin')
  @ApiOperation({
    summary: 'The functional departments that can be summoned to a ticket (吹哨报到), by name',
    description: 'Every department of the district with its office hours; the same list for every caller.',
  })
  @ApiOkResponse({ type: [DepartmentResponse] })
  async departments(): Promise<DepartmentResponse[]> {
    return (await this.listing.departments()).map(DepartmentResponse.of);
  }

  @Get('officials')
  @Roles('admin')
  @ApiOperation({ summary: 'Town/street officials and county leaders with their communities (admins)' })
  @ApiOkResponse({ type: [OfficialResponse] })
  async officials(): Promise<OfficialResponse[]> {
    return (await this.listing.officials()).map(OfficialResponse.of);
  }

  @Get('members/:memberId')
  @ApiOperation({ summary: 'A party member, with private phone' })
  @ApiOkResponse({ type: MemberResponse })
  async member(
    @Param('memberId', ParseAccountIdPipe) memberId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MemberResponse> {
    const member = await this.listing.member(memberId);
    if (!member) throw new DirectoryEntryNotFoundError('member', memberId);
    DirectoryScope.of(user).assertManages(member.communityId);
    return MemberResponse.of(member);
  }

  @Delete('members/:memberId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retire a party member: kept for history, no longer offered anything' })
  @ApiNoContentResponse()
  async retireMember(
    @Param('memberId', ParseAccountIdPipe) memberId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.retirement.retireMember(memberId, user);
  }

  @Delete('staff/:staffId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retire a staff member, secretary or grid worker' })
  @ApiNoContentResponse()
  async retireStaff(
    @Param('staffId', ParseAccountIdPipe) staffId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.retirement.retireStaff(staffId, user);
  }

  @Put('entries/:kind')
  @ApiOperation({
    summary: 'Create or update one directory entry (upsert by external id)',
    description: `kind: ${kinds}. The body is one row as in a JSON import.`,
  })
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        id: 'm-0001',
        name: '王芳',
        unitCode: 'u-01',
        gridCode: 'g-01-01',
        skills: ['repair'],
        householdCodes: [],
      },
    },
  })
  @ApiOkResponse({ type: UpsertResponse })
  async upsert(
    @Param('kind') kind: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<UpsertResponse> {
    const outcome = await this.imports.upsertOne(kind, body, user, preferredLanguage(acceptLanguage));
    return Object.assign(new UpsertResponse(), { kind, outcome });
  }

  @Post('imports/:kind')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk import from CSV or JSON with a row-level error report',
    description:
      `kind: ${kinds}. Valid rows are applied, invalid rows reported (row, field, message); each row is ` +
      'applied whole or not at all. Rows are upserts by external id, so re-importing a file changes nothing. ' +
      'CSV: header row with the JSON field names, lists separated by ";". JSON: `{ "rows": [...] }` and ' +
      'nothing else, up to 100 kB. No text may hold control characters (NUL and other C0 controls but tab, CR, LF).',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['rows'],
      additionalProperties: false,
      properties: { rows: { type: 'array', items: { type: 'object' } } },
    },
  })
  @ApiOkResponse({ type: ImportReportResponse })
  async import(
    @Param('kind') kind: string,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ImportReportResponse> {
    const rows = await importRowsOf(request);
    return this.imports.execute({ kind, rows, user, language: preferredLanguage(acceptLanguage) });
  }
}

// The calendar as the body gives it; servesPublicHolidays stays unset when the body leaves it out.
function calendarOf(body: ServiceCalendarRequest): CalendarChange {
  const calendar: CalendarChange = {
    utcOffsetMinutes: body.utcOffsetMinutes,
    opensAt: clockMinutes(body.opensAt),
    ordinaryClosesAt: clockMinutes(body.ordinaryClosesAt),
    extendedClosesAt: clockMinutes(body.extendedClosesAt),
    autumnWinterClosesAt: clockMinutes(body.autumnWinterClosesAt),
    autumnWinterFrom: parseMonthDay(body.autumnWinterFrom),
    autumnWinterTo: parseMonthDay(body.autumnWinterTo),
    weekendsAllDay: body.weekendsAllDay,
    holidays: body.holidays,
    servesPublicHolidays: body.servesPublicHolidays,
  };
  if (
    calendar.ordinaryClosesAt <= calendar.opensAt ||
    calendar.extendedClosesAt < calendar.ordinaryClosesAt ||
    calendar.autumnWinterClosesAt <= calendar.opensAt
  ) {
    throw new DirectoryEntryRejectedError([
      {
        field: 'opensAt',
        message: 'opening must come before ordinary closing, which may not be after extended closing',
      },
    ]);
  }
  return calendar;
}
