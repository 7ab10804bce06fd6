import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RateLimited, Roles } from '@loop/platform';
import { DuplicateCommandsHandler } from '../../application/duplicate-commands.handler';
import { DuplicateQueries } from '../../application/duplicate.queries';
import {
  DuplicateSettingsRequestDto,
  KeepApartRequestDto,
  ListProposalsQueryDto,
  MergeTicketRequestDto,
  UnmergeTicketRequestDto,
} from './duplicate.request.dto';
import {
  DuplicateProposalResponseDto,
  DuplicateSettingsResponseDto,
  TicketDuplicatesResponseDto,
  toProposal,
  toSettings,
  toTicketDuplicates,
} from './duplicate.response.dto';

const defaultProposals = 50;

const tooManyActions = {
  description:
    'Over RATE_LIMIT_TICKET_ACTIONS ticket actions in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again',
};

/** Duplicate reports: proposals, merging, unmerging, keeping apart, and each community's settings. */
@ApiTags('duplicates')
@ApiBearerAuth()
@Controller()
export class DuplicatesHttpController {
  constructor(
    private readonly commands: DuplicateCommandsHandler,
    private readonly queries: DuplicateQueries,
  ) {}

  /** Proposals waiting for staff in the caller's communities. */
  @Get('duplicate-proposals')
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({ summary: 'Open duplicate proposals in my communities, newest first' })
  @ApiOkResponse({ type: [DuplicateProposalResponseDto] })
  @ApiForbiddenResponse({ description: 'A community that is not yours' })
  async proposals(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListProposalsQueryDto,
  ): Promise<DuplicateProposalResponseDto[]> {
    return (await this.queries.openProposals(user, query.communityId, query.limit ?? defaultProposals)).map(
      toProposal,
    );
  }

  /** The ticket's master, its merged duplicates and the proposals naming it. */
  @Get('tickets/:id/duplicates')
  @Roles('staff', 'secretary', 'official', 'admin')
  @ApiOperation({ summary: 'A ticket’s master, merged duplicates and duplicate proposals' })
  @ApiOkResponse({ type: TicketDuplicatesResponseDto })
  @ApiNotFoundResponse({ description: 'No such ticket, or not in your community' })
  async ofTicket(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TicketDuplicatesResponseDto> {
    return toTicketDuplicates(await this.queries.ofTicket(user, id));
  }

  /** Merges the ticket into its master: it stops its own dispatch and follows the master. */
  @Post('tickets/:id/merge')
  @HttpCode(200)
  @RateLimited('ticket-actions')
  @ApiTooManyRequestsResponse(tooManyActions)
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({
    summary: 'Merge this ticket, as a duplicate report, into an older open ticket (its master)',
    description:
      'Both open and unresolved, of one community. Merging a pair merged already answers 200 and changes nothing. A master that is itself merged is refused (409 duplicate.master-is-merged): merge into its master.',
  })
  @ApiOkResponse({ type: TicketDuplicatesResponseDto })
  @ApiNotFoundResponse({ description: 'Either ticket does not exist or is not in your community' })
  @ApiConflictResponse({
    description:
      'Not open, merged elsewhere, the master merged itself, or the ticket has duplicates of its own',
  })
  @ApiUnprocessableEntityResponse({ description: 'Into itself, or across communities' })
  async merge(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MergeTicketRequestDto,
  ): Promise<TicketDuplicatesResponseDto> {
    await this.commands.merge(user, id, body);
    return toTicketDuplicates(await this.queries.ofTicket(user, id));
  }

  /** Takes the ticket out of its master: it is dispatched again on its own. */
  @Post('tickets/:id/unmerge')
  @HttpCode(200)
  @RateLimited('ticket-actions')
  @ApiTooManyRequestsResponse(tooManyActions)
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({
    summary: 'Unmerge a merged duplicate: it returns to its own loop, dispatched from scratch',
  })
  @ApiOkResponse({ type: TicketDuplicatesResponseDto })
  @ApiNotFoundResponse({ description: 'No such ticket, or not in your community' })
  @ApiConflictResponse({ description: 'Not merged, or resolved, closed or cancelled' })
  async unmerge(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UnmergeTicketRequestDto,
  ): Promise<TicketDuplicatesResponseDto> {
    await this.commands.unmerge(user, id, body);
    return toTicketDuplicates(await this.queries.ofTicket(user, id));
  }

  /** Keeps two tickets apart: the pair is never proposed again. */
  @Post('tickets/:id/keep-apart')
  @HttpCode(200)
  @RateLimited('ticket-actions')
  @ApiTooManyRequestsResponse(tooManyActions)
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({
    summary: 'Keep two tickets apart (not the same problem); the next match, if any, is proposed instead',
  })
  @ApiOkResponse({ type: TicketDuplicatesResponseDto })
  @ApiNotFoundResponse({ description: 'Either ticket does not exist or is not in your community' })
  @ApiUnprocessableEntityResponse({ description: 'A ticket kept apart from itself' })
  async keepApart(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: KeepApartRequestDto,
  ): Promise<TicketDuplicatesResponseDto> {
    await this.commands.keepApart(user, id, body);
    return toTicketDuplicates(await this.queries.ofTicket(user, id));
  }

  /** The community's duplicate window and auto-merge switch. */
  @Get('communities/:communityId/duplicate-settings')
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({ summary: 'The community’s duplicate window and auto-merge switch' })
  @ApiOkResponse({ type: DuplicateSettingsResponseDto })
  @ApiForbiddenResponse({ description: 'Not your community' })
  async settings(
    @CurrentUser() user: AuthenticatedUser,
    @Param('communityId', ParseUUIDPipe) communityId: string,
  ): Promise<DuplicateSettingsResponseDto> {
    return toSettings(await this.queries.settings(user, communityId));
  }

  /** Sets the community's duplicate window and auto-merge switch. */
  @Put('communities/:communityId/duplicate-settings')
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({ summary: 'Set the community’s duplicate window (1–720 h) and auto-merge switch' })
  @ApiOkResponse({ type: DuplicateSettingsResponseDto })
  @ApiForbiddenResponse({ description: 'Not your community' })
  async putSettings(
    @CurrentUser() user: AuthenticatedUser,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: DuplicateSettingsRequestDto,
  ): Promise<DuplicateSettingsResponseDto> {
    return toSettings(await this.queries.putSettings(user, communityId, body));
  }
}
