import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CLOCK, Clock, CurrentUser, Roles } from '@loop/platform';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { requestCause } from '../../application/cause';
import { BoardView, boardViews, DispatchBoardQuery } from '../../application/dispatch-board.query';
import { Dispatcher, DispatchTicketHandler } from '../../application/dispatch-ticket.handler';
import { SuggestionQuery } from '../../application/suggestion.query';
import { dispatchingRole } from '../../domain/dispatch-scope.policy';
import { SummonsQuery } from '../../../summons/application/summons.query';
import { SummonsResponse } from '../../../shared/summons.response.dto';
import {
  AssignmentResponse,
  DispatchBoardResponse,
  DispatchCaseDetailResponse,
  DispatchCaseResponse,
  SuggestionResponse,
} from './assignment.response.dto';
import { DispatchTicketRequest, RedispatchTicketRequest } from './dispatch.request.dto';

/** Query of the dispatch board. */
export class DispatchBoardRequest {
  @IsOptional()
  @IsIn(boardViews)
  view?: BoardView;

  @IsOptional()
  @IsUUID()
  gridId?: string;
}

function dispatcher(user: AuthenticatedUser): Dispatcher {
  return {
    id: user.id,
    roles: user.roles,
    communityIds: user.communityIds,
    escalationLevel: user.escalationLevel,
    cause: requestCause(dispatchingRole(user), user.id),
  };
}

/** Community staff (社区派单), secretaries and escalated officials: the board, suggestions, dispatch. */
@ApiTags('dispatch')
@ApiBearerAuth()
@Roles('staff', 'secretary', 'official', 'admin')
@Controller()
export class DispatchHttpController {
  constructor(
    private readonly board: DispatchBoardQuery,
    private readonly suggestions: SuggestionQuery,
    private readonly dispatching: DispatchTicketHandler,
    private readonly summonses: SummonsQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The community's dispatch board: unassigned, offered, in hand, overdue, escalated or all open, by grid. */
  @Get('communities/:communityId/dispatch-board')
  @ApiOperation({ summary: 'The community’s dispatch board (社区派单), by view and grid' })
  @ApiQuery({ name: 'view', enum: boardViews, required: false })
  @ApiQuery({ name: 'gridId', required: false })
  @ApiOkResponse({ type: DispatchBoardResponse })
  @ApiForbiddenResponse({
    description: 'The ticket or community is outside the communities or escalation level you answer for.',
  })
  async dispatchBoard(
    @Param('communityId', new ParseUUIDPipe()) communityId: string,
    @Query() query: DispatchBoardRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DispatchBoardResponse> {
    const board = await this.board.board(user, communityId, query.view ?? 'open', query.gridId);
    return Object.assign(new DispatchBoardResponse(), {
      communityId: board.communityId,
      view: board.view,
      cases: board.cases.map((view) => DispatchCaseResponse.of(view)),
      byGrid: board.byGrid,
    });
  }

  /** One ticket's dispatch case with every offer made and every department summoned. */
  @Get('dispatch-cases/:ticketId')
  @ApiOperation({ summary: 'A ticket’s dispatch case with every offer made and every department summoned' })
  @ApiOkResponse({ type: DispatchCaseDetailResponse })
  @ApiNotFoundResponse({ description: 'No dispatch case for this ticket.' })
  @ApiForbiddenResponse({
    description: 'The ticket or community is outside the communities or escalation level you answer for.',
  })
  async dispatchCase(
    @Param('ticketId', new ParseUUIDPipe()) ticketId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DispatchCaseDetailResponse> {
    const { dispatchCase, offers } = await this.board.caseDetail(user, ticketId);
    const now = this.clock.now();
    const summonses = await this.summonses.ofTicketInScope(ticketId);
    return Object.assign(new DispatchCaseDetailResponse(), DispatchCaseResponse.of(dispatchCase), {
      offers: offers.map(AssignmentResponse.of),
      summonses: summonses.map((summons) => SummonsResponse.of(summons, now)),
    });
  }

  /** Ranked candidates with their reasons, and the property company where the category allows one. */
  @Get('dispatch-cases/:ticketId/suggestion')
  @ApiOperation({ summary: 'Ranked candidates for a ticket, with their reasons' })
  @ApiOkResponse({ type: SuggestionResponse })
  @ApiNotFoundResponse({ description: 'No dispatch case for this ticket.' })
  @ApiForbiddenResponse({
    description: 'The ticket or community is outside the communities or escalation level you answer for.',
  })
  async suggestion(
    @Param('ticketId', new ParseUUIDPipe()) ticketId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SuggestionResponse> {
    const suggestion = await this.suggestions.suggest(user, ticketId);
    return SuggestionResponse.of(suggestion.ticketId, suggestion.candidates, suggestion.propertyCompany);
  }

  /** Offer a waiting ticket to a member or (property categories) a property company. */
  @Post('dispatch-cases/:ticketId/dispatch')
  @ApiOperation({ summary: 'Offer a waiting ticket to a member or a property company' })
  @ApiCreatedResponse({ type: AssignmentResponse })
  @ApiConflictResponse({ description: 'Someone dispatched the ticket first, or it is no longer open.' })
  @ApiUnprocessableEntityResponse({
    description:
      'The assignee cannot take this ticket, already holds it, or is a property company for a category that allows none.',
  })
  @ApiNotFoundResponse({ description: 'No dispatch case for this ticket.' })
  @ApiForbiddenResponse({
    description: 'The ticket or community is outside the communities or escalation level you answer for.',
  })
  async dispatch(
    @Param('ticketId', new ParseUUIDPipe()) ticketId: string,
    @Body() body: DispatchTicketRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AssignmentResponse> {
    const assignment = await this.dispatching.dispatch(ticketId, { ...body.assignee }, dispatcher(user));
    return AssignmentResponse.of(assignment.snapshot());
  }

  /** Withdraw the live offer or assignment and offer the work to someone else. */
  @Post('dispatch-cases/:ticketId/redispatch')
  @ApiOperation({ summary: 'Withdraw the live offer or assignment and offer the work to someone else' })
  @ApiCreatedResponse({ type: AssignmentResponse })
  @ApiUnprocessableEntityResponse({
    description:
      'The assignee cannot take this ticket, already holds it, or is a property company for a category that allows none.',
  })
  @ApiNotFoundResponse({ description: 'No dispatch case for this ticket.' })
  @ApiForbiddenResponse({
    description: 'The ticket or community is outside the communities or escalation level you answer for.',
  })
  @ApiConflictResponse({
    description: 'There is nothing live to re-dispatch, or someone re-dispatched it first.',
  })
  async redispatch(
    @Param('ticketId', new ParseUUIDPipe()) ticketId: string,
    @Body() body: RedispatchTicketRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AssignmentResponse> {
    const assignment = await this.dispatching.redispatch(
      ticketId,
      body.replacesAssignmentId,
      { ...body.assignee },
      dispatcher(user),
    );
    return AssignmentResponse.of(assignment.snapshot());
  }
}
