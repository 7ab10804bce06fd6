import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@loop/platform';
import { ActingAssignee, AssigneeCommandsHandler } from '../../application/assignee-commands.handler';
import { requestCause } from '../../application/cause';
import { MyAssignmentsQuery } from '../../application/my-assignments.query';
import { CompleteWorkRequest, DeclineOfferRequest, HandBackRequest } from './assignee-commands.request.dto';
import { AssignmentResponse, TaskResponse } from './assignment.response.dto';

// A property company's dispatch account answers its offers exactly as a member does.
function acting(user: AuthenticatedUser): ActingAssignee {
  const role = user.roles.includes('member') ? 'member' : 'property_company';
  return { id: user.id, cause: requestCause(role, user.id) };
}

/** Party members (党员接单) and property companies: their offers and tasks, and what they do with them. */
@ApiTags('assignee')
@ApiBearerAuth()
@Roles('member', 'property_company')
@Controller()
export class AssigneeHttpController {
  constructor(
    private readonly commands: AssigneeCommandsHandler,
    private readonly mine: MyAssignmentsQuery,
  ) {}

  /** Offers waiting for my answer, each with what and where the task is and by when. */
  @Get('me/offers')
  @ApiOperation({ summary: 'My offers, with the task’s category, urgency, place and deadlines' })
  @ApiOkResponse({ type: [TaskResponse] })
  async myOffers(@CurrentUser() user: AuthenticatedUser): Promise<TaskResponse[]> {
    return (await this.mine.offers(user.id)).map(({ assignment, brief }) =>
      TaskResponse.withBrief(assignment, brief),
    );
  }

  /** Work I accepted, started or not, each with its brief. */
  @Get('me/tasks')
  @ApiOperation({ summary: 'Work I accepted, with the task’s category, urgency, place and deadlines' })
  @ApiOkResponse({ type: [TaskResponse] })
  async myTasks(@CurrentUser() user: AuthenticatedUser): Promise<TaskResponse[]> {
    return (await this.mine.tasks(user.id)).map(({ assignment, brief }) =>
      TaskResponse.withBrief(assignment, brief),
    );
  }

  /** One of my offers or assignments, whatever became of it, with its brief. */
  @Get('assignments/:assignmentId')
  @ApiOperation({ summary: 'One of my offers or assignments with its brief (404 when it is not mine)' })
  @ApiOkResponse({ type: TaskResponse })
  @ApiNotFoundResponse({ description: 'No such assignment, or not yours' })
  async one(
    @Param('assignmentId', new ParseUUIDPipe()) assignmentId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<TaskResponse> {
    const { assignment, brief } = await this.mine.one(user.id, assignmentId);
    return TaskResponse.withBrief(assignment, brief);
  }

  /** Accept an offer; exactly one acceptance wins, a late one gets 409 saying what happened. */
  @Post('assignments/:assignmentId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an offer (党员接单); the first acceptance wins' })
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiConflictResponse({ description: 'The offer expired, was withdrawn or was already answered.' })
  @ApiForbiddenResponse({ description: 'The offer is not yours.' })
  @ApiNotFoundResponse({ description: 'No such assignment.' })
  async accept(
    @Param('assignmentId', new ParseUUIDPipe()) assignmentId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AssignmentResponse> {
    return AssignmentResponse.of((await this.commands.accept(assignmentId, acting(user))).snapshot());
  }

  /** Decline an offer with a reason; the work goes to the next candidate. */
  @Post('assignments/:assignmentId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an offer with a reason; the work goes to the next candidate' })
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiConflictResponse({ description: 'The offer was withdrawn or already answered.' })
  @ApiForbiddenResponse({ description: 'The offer is not yours.' })
  @ApiNotFoundResponse({ description: 'No such assignment.' })
  async decline(
    @Param('assignmentId', new ParseUUIDPipe()) assignmentId: string,
    @Body() body: DeclineOfferRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AssignmentResponse> {
    const assignment = await this.commands.decline(
      assignmentId,
      acting(user),
      body.reasonCode,
      body.reasonText,
    );
    return AssignmentResponse.of(assignment.snapshot());
  }

  /** Start the accepted work. */
  @Post('assignments/:assignmentId/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start work I accepted' })
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiConflictResponse({ description: 'The assignment is not accepted (or was already started or ended).' })
  @ApiForbiddenResponse({ description: 'The assignment is not yours.' })
  @ApiNotFoundResponse({ description: 'No such assignment.' })
  async start(
    @Param('assignmentId', new ParseUUIDPipe()) assignmentId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AssignmentResponse> {
    return AssignmentResponse.of((await this.commands.start(assignmentId, acting(user))).snapshot());
  }

  /** Report the work done, with minutes spent and a note. */
  @Post('assignments/:assignmentId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report the work done, with the minutes spent and a note' })
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiConflictResponse({ description: 'The work is not in progress.' })
  @ApiForbiddenResponse({ description: 'The assignment is not yours.' })
  @ApiNotFoundResponse({ description: 'No such assignment.' })
  async complete(
    @Param('assignmentId', new ParseUUIDPipe()) assignmentId: string,
    @Body() body: CompleteWorkRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AssignmentResponse> {
    const assignment = await this.commands.complete(assignmentId, acting(user), body.minutesSpent, body.note);
    return AssignmentResponse.of(assignment.snapshot());
  }

  /** Hand accepted work back with a reason; it re-enters dispatch and the ticket's clock keeps running. */
  @Post('assignments/:assignmentId/hand-back')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand accepted work back with a reason; it re-enters dispatch' })
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiConflictResponse({ description: 'The work is neither accepted nor in progress.' })
  @ApiForbiddenResponse({ description: 'The assignment is not yours.' })
  @ApiNotFoundResponse({ description: 'No such assignment.' })
  async handBack(
    @Param('assignmentId', new ParseUUIDPipe()) assignmentId: string,
    @Body() body: HandBackRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AssignmentResponse> {
    const assignment = await this.commands.handBack(
      assignmentId,
      acting(user),
      body.reasonCode,
      body.reasonText,
    );
    return AssignmentResponse.of(assignment.snapshot());
  }
}
