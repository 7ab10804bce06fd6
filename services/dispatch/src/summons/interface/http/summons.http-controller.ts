import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CLOCK, Clock, CurrentUser, Roles } from '@loop/platform';
import { requestCause } from '../../../assignment/application/cause';
import { placeIdOfClaim } from '@loop/contracts';
import { callingRole } from '../../domain/summons-scope.policy';
import {
  CallingActor,
  DepartmentActor,
  SummonsCommandsHandler,
} from '../../application/summons-commands.handler';
import { SummonsQuery } from '../../application/summons.query';
import { SummonsResponse } from '../../../shared/summons.response.dto';
import { DepartmentSummonsResponse } from './department-summons.response.dto';
import { ReleaseSummonsRequest, ReportSummonsRequest, SummonDepartmentsRequest } from './summons.request.dto';

function calling(user: AuthenticatedUser): CallingActor {
  return {
    roles: user.roles,
    communityIds: user.communityIds,
    cause: requestCause(callingRole(user), user.id),
  };
}

// A token names the admin's unit by its directory id or by its code (ADR 0020: a code becomes the id the
// directory gives it).
function department(user: AuthenticatedUser): DepartmentActor {
  return { id: user.id, unitId: unitIdOf(user), cause: requestCause('unit_admin', user.id) };
}

function unitIdOf(user: AuthenticatedUser): string | undefined {
  return user.unitId ? placeIdOfClaim('unit', user.unitId) : undefined;
}

/** 吹哨报到: the community summons departments to a ticket; departments check in and report. */
@ApiTags('summons')
@ApiBearerAuth()
@Controller()
export class SummonsHttpController {
  constructor(
    private readonly commands: SummonsCommandsHandler,
    private readonly summonses: SummonsQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Summon one or more departments to an open ticket, with a reason. */
  @Post('tickets/:ticketId/summons')
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({ summary: 'Summon departments to a ticket (吹哨); each gets an arrival deadline' })
  @ApiCreatedResponse({ type: [SummonsResponse] })
  @ApiForbiddenResponse({ description: 'The ticket is outside your community.' })
  @ApiNotFoundResponse({ description: 'No dispatch case for this ticket.' })
  @ApiConflictResponse({ description: 'The ticket is not open, or a department is already summoned.' })
  @ApiUnprocessableEntityResponse({ description: 'A unit is not a functional department.' })
  async summon(
    @Param('ticketId', new ParseUUIDPipe()) ticketId: string,
    @Body() body: SummonDepartmentsRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SummonsResponse[]> {
    const issued = await this.commands.summon(
      ticketId,
      body.departmentIds,
      body.reason.trim(),
      calling(user),
    );
    return issued.map((summons) => SummonsResponse.of(summons.snapshot(), this.clock.now()));
  }

  /** The ticket's summonses, oldest first. */
  @Get('tickets/:ticketId/summons')
  @Roles('staff', 'secretary', 'official', 'admin')
  @ApiOperation({ summary: 'The departments summoned to a ticket and where each stands' })
  @ApiOkResponse({ type: [SummonsResponse] })
  @ApiForbiddenResponse({ description: 'The ticket is outside your community.' })
  @ApiNotFoundResponse({ description: 'No dispatch case for this ticket.' })
  async ofTicket(
    @Param('ticketId', new ParseUUIDPipe()) ticketId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SummonsResponse[]> {
    const now = this.clock.now();
    return (await this.summonses.ofTicket(ticketId, user)).map((s) => SummonsResponse.of(s, now));
  }

  /** My department's open summonses, nearest arrival deadline first, each with its ticket's facts. */
  @Get('me/summons')
  @Roles('unit_admin')
  @ApiOperation({
    summary: 'My department’s open summonses (not reported, not released)',
    description: 'Each with the ticket’s number, category and place, so the department knows where to go.',
  })
  @ApiOkResponse({ type: [DepartmentSummonsResponse] })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<DepartmentSummonsResponse[]> {
    const now = this.clock.now();
    return (await this.summonses.openOfDepartment(unitIdOf(user))).map((s) =>
      DepartmentSummonsResponse.ofDepartment(s, now),
    );
  }

  /** The department arrived on site (报到). */
  @Post('summons/:summonsId/check-in')
  @HttpCode(200)
  @Roles('unit_admin')
  @ApiOperation({ summary: 'Check in on site for my department (报到)' })
  @ApiOkResponse({ type: SummonsResponse })
  @ApiForbiddenResponse({ description: 'The summons is addressed to another department.' })
  @ApiNotFoundResponse({ description: 'No such summons.' })
  @ApiConflictResponse({ description: 'Already checked in, reported or released.' })
  async checkIn(
    @Param('summonsId', new ParseUUIDPipe()) summonsId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SummonsResponse> {
    const summons = await this.commands.checkIn(summonsId, department(user));
    return SummonsResponse.of(summons.snapshot(), this.clock.now());
  }

  /** The department reports what it did. */
  @Post('summons/:summonsId/report')
  @HttpCode(200)
  @Roles('unit_admin')
  @ApiOperation({ summary: 'Report what my department did (after checking in)' })
  @ApiOkResponse({ type: SummonsResponse })
  @ApiForbiddenResponse({ description: 'The summons is addressed to another department.' })
  @ApiNotFoundResponse({ description: 'No such summons.' })
  @ApiConflictResponse({ description: 'Not checked in yet, already reported or released.' })
  async report(
    @Param('summonsId', new ParseUUIDPipe()) summonsId: string,
    @Body() body: ReportSummonsRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SummonsResponse> {
    const summons = await this.commands.report(summonsId, body.report.trim(), department(user));
    return SummonsResponse.of(summons.snapshot(), this.clock.now());
  }

  /** The community releases a department it no longer needs. */
  @Post('summons/:summonsId/release')
  @HttpCode(200)
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({ summary: 'Release a summoned department, with a reason' })
  @ApiOkResponse({ type: SummonsResponse })
  @ApiForbiddenResponse({ description: 'The ticket is outside your community.' })
  @ApiNotFoundResponse({ description: 'No such summons.' })
  @ApiConflictResponse({ description: 'Already reported or released.' })
  async release(
    @Param('summonsId', new ParseUUIDPipe()) summonsId: string,
    @Body() body: ReleaseSummonsRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SummonsResponse> {
    const summons = await this.commands.release(summonsId, body.reason.trim(), calling(user));
    return SummonsResponse.of(summons.snapshot(), this.clock.now());
  }
}
