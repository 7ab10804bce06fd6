import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiProblems } from '../../../shared/api-problems';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CLOCK,
  Clock,
  CurrentUser,
  ParseAccountIdPipe,
  RateLimited,
  Roles,
} from '@loop/platform';
import { mayOrganise } from '../../domain/activity.policy';
import { ActivityQuery } from '../../application/activity.query';
import { PublishActivityHandler } from '../../application/publish-activity.handler';
import { RecordAttendanceHandler } from '../../application/record-attendance.handler';
import { SignUpHandler } from '../../application/sign-up.handler';
import { ActivityResponseDto, SignUpResponseDto, WithdrawalResponseDto } from './activity.response.dto';
import { AttendanceCodeRequestDto, CheckOutRequestDto } from './check-out.request.dto';
import { ListActivitiesRequestDto } from './list-activities.request.dto';
import { PublishActivityRequestDto } from './publish-activity.request.dto';

/** Volunteer activities (志愿活动): publish, sign up, withdraw, check in and out. */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivityHttpController {
  constructor(
    private readonly publishActivity: PublishActivityHandler,
    private readonly signUps: SignUpHandler,
    private readonly attendance: RecordAttendanceHandler,
    private readonly activities: ActivityQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Publishes an activity. */
  @Post()
  @Roles('staff', 'secretary', 'unit_admin')
  @ApiOperation({
    summary: "Publish an activity (community staff for their community, or a unit's admin for their unit)",
  })
  @ApiCreatedResponse({ type: ActivityResponseDto })
  @ApiProblems(400, 401, 403, 422)
  async publish(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PublishActivityRequestDto,
  ): Promise<ActivityResponseDto> {
    const activity = await this.publishActivity.execute(user, {
      ...body,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
    });
    return ActivityResponseDto.from(activity, { signedUp: 0, waitlisted: 0 }, true);
  }

  /** A community's activities. */
  @Get()
  @ApiOperation({ summary: "A community's activities, soonest first" })
  @ApiOkResponse({ type: [ActivityResponseDto] })
  @ApiProblems(400, 401)
  async list(@Query() query: ListActivitiesRequestDto): Promise<ActivityResponseDto[]> {
    const endingAfter = query.upcoming === false ? null : this.clock.now();
    const rows = await this.activities.list(query.communityId, endingAfter, query.limit ?? 50);
    return rows.map(({ activity, counts }) => ActivityResponseDto.from(activity, counts));
  }

  /** One activity. */
  @Get(':activityId')
  @ApiOperation({ summary: 'One activity with its places' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiProblems(400, 401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', ParseUUIDPipe) activityId: string,
  ): Promise<ActivityResponseDto> {
    const { activity, counts } = await this.activities.get(activityId);
    return ActivityResponseDto.from(activity, counts, mayOrganise(user, activity));
  }

  /** The member signs up. */
  @Post(':activityId/sign-ups')
  @Roles('member')
  @ApiOperation({
    summary: 'Sign up (a place while places are left, else the waiting list); 409 when already signed up',
  })
  @ApiCreatedResponse({ type: SignUpResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async signUp(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', ParseUUIDPipe) activityId: string,
  ): Promise<SignUpResponseDto> {
    const outcome = await this.signUps.signUp(activityId, user.id);
    return SignUpResponseDto.from(outcome.signUp, outcome.waitlistPosition);
  }

  /** The member withdraws. */
  @Delete(':activityId/sign-ups/me')
  @Roles('member')
  @ApiOperation({ summary: 'Withdraw; the freed place goes to the member waiting longest' })
  @ApiOkResponse({ type: WithdrawalResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', ParseUUIDPipe) activityId: string,
  ): Promise<WithdrawalResponseDto> {
    const { promoted } = await this.signUps.withdraw(activityId, user.id);
    return Object.assign(new WithdrawalResponseDto(), { promotedMemberId: promoted });
  }

  /** The sign-ups, for the organiser. */
  @Get(':activityId/sign-ups')
  @ApiOperation({ summary: 'Sign-ups: places, the waiting list in order, withdrawals (organiser)' })
  @ApiOkResponse({ type: [SignUpResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  async listSignUps(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', ParseUUIDPipe) activityId: string,
  ): Promise<SignUpResponseDto[]> {
    return (await this.activities.signUps(user, activityId)).map((signUp) => SignUpResponseDto.from(signUp));
  }

  /** A member checks themselves in on site with the attendance code. */
  @Post(':activityId/sign-ups/me/check-in')
  @HttpCode(200)
  @Roles('member')
  @RateLimited('attendance-codes')
  @ApiOperation({
    summary: 'Check myself in on site with the attendance code (from 30 minutes before the start to the end)',
  })
  @ApiOkResponse({ type: SignUpResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429)
  async checkInOnSite(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', ParseUUIDPipe) activityId: string,
    @Body() body: AttendanceCodeRequestDto,
  ): Promise<SignUpResponseDto> {
    return SignUpResponseDto.from(await this.attendance.checkInOnSite(user, activityId, body.code));
  }

  /** A member checks themselves out with the attendance code; the time they stayed is credited. */
  @Post(':activityId/sign-ups/me/check-out')
  @HttpCode(200)
  @Roles('member')
  @RateLimited('attendance-codes')
  @ApiOperation({
    summary: 'Check myself out with the attendance code; the minutes attended inside the window are credited',
  })
  @ApiOkResponse({ type: SignUpResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429)
  async checkOutOnSite(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', ParseUUIDPipe) activityId: string,
    @Body() body: AttendanceCodeRequestDto,
  ): Promise<SignUpResponseDto> {
    return SignUpResponseDto.from(await this.attendance.checkOutOnSite(user, activityId, body.code));
  }

  /** The organiser checks a member in. */
  @Post(':activityId/sign-ups/:memberId/check-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a member with a place in (organiser)' })
  @ApiOkResponse({ type: SignUpResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async checkIn(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', ParseUUIDPipe) activityId: string,
    @Param('memberId', ParseAccountIdPipe) memberId: string,
  ): Promise<SignUpResponseDto> {
    return SignUpResponseDto.from(await this.attendance.checkIn(user, activityId, memberId));
  }

  /** The organiser checks a member out; the minutes are credited. */
  @Post(':activityId/sign-ups/:memberId/check-out')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a member out (organiser); the minutes, capped by the window, are credited to the ledger',
  })
  @ApiOkResponse({ type: SignUpResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async checkOut(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', ParseUUIDPipe) activityId: string,
    @Param('memberId', ParseAccountIdPipe) memberId: string,
    @Body() body: CheckOutRequestDto,
  ): Promise<SignUpResponseDto> {
    return SignUpResponseDto.from(await this.attendance.checkOut(user, activityId, memberId, body.minutes));
  }
}
