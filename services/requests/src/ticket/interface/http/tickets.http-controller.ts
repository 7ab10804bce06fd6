import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CLOCK,
  Clock,
  CurrentUser,
  preferredLanguage,
  RateLimited,
  Roles,
} from '@loop/platform';
import type { Response } from 'express';
import { CancelTicketHandler } from '../../application/cancel-ticket.handler';
import { ConfirmTicketHandler } from '../../application/confirm-ticket.handler';
import { CreateTicketHandler } from '../../application/create-ticket.handler';
import { CommandOutcome, IdempotentRequests } from '../../application/idempotent-requests';
import { ReopenTicketHandler } from '../../application/reopen-ticket.handler';
import { TicketQueries } from '../../application/ticket.queries';
import { readsEveryFact } from '../../domain/ticket-visibility.policy';
import { CreateTicketRequestDto } from './create-ticket.request.dto';
import { checkedIdempotencyKey } from '../../../shared/idempotency-key';
import {
  CallbackVerdictRequestDto,
  CancelTicketRequestDto,
  ConfirmTicketRequestDto,
  ReopenTicketRequestDto,
} from './ticket-actions.request.dto';
import { ListMyTicketsQueryDto, SearchTicketsQueryDto } from './ticket-queries.request.dto';
import {
  ContactReadResponseDto,
  TicketDetailResponseDto,
  TicketPageResponseDto,
  toDetail,
  toPage,
} from './ticket.response.dto';

const defaultPageSize = 20;

const tooManyActions = {
  description:
    'Over RATE_LIMIT_TICKET_ACTIONS confirmations, callbacks, reopenings and cancellations in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again',
};

const actionIdempotencyKey = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Makes a retry safe: the same key and body answer as the first request did (Idempotent-Replayed: true) and the action happens once; remembered for IDEMPOTENCY_TTL_SECONDS',
  example: '5d0c7a4e-8f0e-4a4f-9d8c-2f4f9b8e1c33',
};

/** Tickets: submit, follow, cancel, confirm, reopen; search for staff and officials. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsHttpController {
  constructor(
    private readonly createTicket: CreateTicketHandler,
    private readonly cancelTicket: CancelTicketHandler,
    private readonly confirmTicket: ConfirmTicketHandler,
    private readonly reopenTicket: ReopenTicketHandler,
    private readonly idempotency: IdempotentRequests,
    private readonly queries: TicketQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 群众点单: a resident (for themselves), a grid worker or staff (on behalf of a resident, or a finding). */
  @Post()
  @Roles('resident', 'grid_worker', 'staff', 'secretary')
  @RateLimited('ticket-submissions')
  @ApiTooManyRequestsResponse({
    description:
      'Over RATE_LIMIT_TICKET_SUBMISSIONS submissions in RATE_LIMIT_WINDOW_SECONDS; Retry-After says when to try again',
  })
  @ApiOperation({
    summary: 'Submit a ticket (群众点单)',
    description:
      'The same Idempotency-Key with the same body returns the same ticket (header Idempotent-Replayed: true); with a different body it is refused with 422.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '1–128 visible ASCII characters, remembered for IDEMPOTENCY_TTL_SECONDS',
    example: '2b6f0cc9-1c2e-4d4b-9a51-7f3f2f1a9c10',
  })
  @ApiCreatedResponse({ type: TicketDetailResponseDto })
  @ApiForbiddenResponse({
    description: 'Filing outside your community or grid, or for someone else as a resident',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Retired category, or an Idempotency-Key reused with a different body',
  })
  @ApiConflictResponse({
    description: 'An identical request with the same Idempotency-Key is still being processed',
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateTicketRequestDto,
    @Headers('idempotency-key') rawIdempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDetailResponseDto> {
    const idempotencyKey = checkedIdempotencyKey(rawIdempotencyKey);
    const { ticketId, replayed } = idempotencyKey
      ? await this.idempotency
          .once(user.id, idempotencyKey, body, async (reservedId) => {
            return (await this.createTicket.execute(user, body, reservedId)).outcome;
          })
          .then(({ reservedId, replayed }) => ({ ticketId: reservedId, replayed }))
      : { ticketId: (await this.createTicket.execute(user, body)).ticketId, replayed: false };
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', `/tickets/${ticketId}`);
    return this.read(user, ticketId, acceptLanguage);
  }

  /** The resident's own tickets. */
  @Get('mine')
  @Roles('resident')
  @ApiOperation({ summary: 'My tickets, newest first, with a status filter and cursor paging' })
  @ApiOkResponse({ type: TicketPageResponseDto })
  async mine(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListMyTicketsQueryDto,
  ): Promise<TicketPageResponseDto> {
    return toPage(
      await this.queries.mine(user.id, query.status, query.cursor, query.limit ?? defaultPageSize),
    );
  }

  /** Staff, secretaries and officials search their communities; grid workers their grids and filings. */
  @Get()
  @Roles('grid_worker', 'staff', 'secretary', 'official', 'admin')
  @ApiOperation({ summary: 'Search tickets in my scope (community, linked communities, grid)' })
  @ApiOkResponse({ type: TicketPageResponseDto })
  @ApiForbiddenResponse({ description: 'A role that does not search tickets' })
  async search(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: SearchTicketsQueryDto,
  ): Promise<TicketPageResponseDto> {
    const page = await this.queries.search(
      user,
      {
        status: query.status,
        categoryCode: query.categoryCode,
        communityId: query.communityId,
        gridId: query.gridId,
        urgency: query.urgency,
        overdue: query.overdue,
        escalated: query.escalated,
        rating: query.rating,
        text: query.q,
        cursor: query.cursor,
        limit: query.limit ?? defaultPageSize,
      },
      this.clock.now(),
    );
    return toPage(page);
  }

  /** One ticket with its full timeline. */
  @Get(':id')
  @ApiOperation({ summary: 'A ticket with its whole timeline (zh-CN, or English with Accept-Language: en)' })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiNotFoundResponse({ description: 'No such ticket, or not yours to see' })
  async detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<TicketDetailResponseDto> {
    return this.read(user, id, acceptLanguage);
  }

  /** Who of the ticket's assignees read the resident's full contact, and when (staff of its community). */
  @Get(':id/contact-reads')
  @Roles('staff', 'secretary', 'official', 'admin')
  @ApiOperation({ summary: 'Reads of the resident’s full contact by the ticket’s assignees, oldest first' })
  @ApiOkResponse({ type: [ContactReadResponseDto] })
  @ApiNotFoundResponse({ description: 'No such ticket, or not in your community' })
  async contactReads(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ContactReadResponseDto[]> {
    return (await this.queries.contactReads(user, id)).map((read) => ({
      readerId: read.readerId,
      readerRole: read.readerRole,
      assignmentId: read.assignmentId,
      readAt: read.readAt.toISOString(),
    }));
  }

  /** Cancels an open, unresolved ticket. */
  @Post(':id/cancel')
  @HttpCode(200)
  @RateLimited('ticket-actions')
  @ApiTooManyRequestsResponse(tooManyActions)
  @Roles('resident', 'grid_worker', 'staff', 'secretary', 'admin')
  @ApiOperation({ summary: 'Cancel a ticket that is not yet resolved' })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiHeader(actionIdempotencyKey)
  @ApiConflictResponse({ description: 'The ticket is resolved, closed or already cancelled' })
  async cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelTicketRequestDto,
    @Headers('idempotency-key') rawIdempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDetailResponseDto> {
    await this.actOnce(user, rawIdempotencyKey, { action: 'cancel', id, body }, response, (eventId) =>
      this.cancelTicket.execute(user, id, body, eventId),
    );
    return this.read(user, id, acceptLanguage);
  }

  /** The resident confirms the work and rates it. */
  @Post(':id/confirm')
  @HttpCode(200)
  @RateLimited('ticket-actions')
  @ApiTooManyRequestsResponse(tooManyActions)
  @Roles('resident')
  @ApiOperation({ summary: 'The resident confirms their resolved ticket with a rating 1–5 (closes it)' })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiHeader(actionIdempotencyKey)
  @ApiConflictResponse({ description: 'The ticket is not resolved' })
  async confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ConfirmTicketRequestDto,
    @Headers('idempotency-key') rawIdempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDetailResponseDto> {
    await this.actOnce(user, rawIdempotencyKey, { action: 'confirm', id, body }, response, (eventId) =>
      this.confirmTicket.execute(user, id, { ...body, source: 'resident' }, eventId),
    );
    return this.read(user, id, acceptLanguage);
  }

  /** Staff record the resident's verdict taken on a callback (回访): for tickets filed on a resident's behalf. */
  @Post(':id/callback')
  @HttpCode(200)
  @RateLimited('ticket-actions')
  @ApiTooManyRequestsResponse(tooManyActions)
  @Roles('staff', 'secretary', 'admin')
  @ApiOperation({
    summary: 'Record the resident’s rating taken on a staff callback (回访); closes the resolved ticket',
    description:
      'For tickets filed on a resident’s behalf (grid patrol, hotline, walk-in) or whose resident does not use the app. Counted apart from residents’ own ratings in the reports. Whoever filed the ticket may not record it (403).',
  })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiHeader(actionIdempotencyKey)
  @ApiConflictResponse({ description: 'The ticket is not resolved' })
  async callback(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CallbackVerdictRequestDto,
    @Headers('idempotency-key') rawIdempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDetailResponseDto> {
    await this.actOnce(user, rawIdempotencyKey, { action: 'callback', id, body }, response, (eventId) =>
      this.confirmTicket.execute(user, id, { ...body, source: 'callback' }, eventId),
    );
    return this.read(user, id, acceptLanguage);
  }

  /** The resident is not satisfied: the ticket goes back into dispatch. */
  @Post(':id/reopen')
  @HttpCode(200)
  @RateLimited('ticket-actions')
  @ApiTooManyRequestsResponse(tooManyActions)
  @Roles('resident', 'grid_worker', 'staff', 'secretary')
  @ApiOperation({ summary: 'Reopen a resolved or closed ticket within REOPEN_WINDOW of its resolution' })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiHeader(actionIdempotencyKey)
  @ApiConflictResponse({ description: 'The ticket is neither resolved nor closed' })
  @ApiUnprocessableEntityResponse({ description: 'The reopening window has passed' })
  async reopen(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReopenTicketRequestDto,
    @Headers('idempotency-key') rawIdempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDetailResponseDto> {
    await this.actOnce(user, rawIdempotencyKey, { action: 'reopen', id, body }, response, (eventId) =>
      this.reopenTicket.execute(user, id, body, eventId),
    );
    return this.read(user, id, acceptLanguage);
  }

  /**
   * Runs an action on a ticket, at most once per Idempotency-Key when the caller sent one: the client
   * whose answer was lost (or was a 503 after PostgreSQL had committed) retries with the key and is
   * answered 200 Idempotent-Replayed instead of 409 for a change it made itself.
   */
  private async actOnce(
    user: AuthenticatedUser,
    rawIdempotencyKey: string | undefined,
    request: { action: string; id: string; body: object },
    response: Response,
    act: (reservedEventId?: string) => Promise<CommandOutcome>,
  ): Promise<void> {
    const idempotencyKey = checkedIdempotencyKey(rawIdempotencyKey);
    if (!idempotencyKey) {
      await act();
      return;
    }
    const { replayed } = await this.idempotency.once(user.id, idempotencyKey, request, act);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
  }

  private async read(
    user: AuthenticatedUser,
    id: string,
    acceptLanguage: string | undefined,
  ): Promise<TicketDetailResponseDto> {
    const { ticket, timeline, contact } = await this.queries.detail(user, id);
    return toDetail(ticket, timeline, preferredLanguage(acceptLanguage), readsEveryFact(user), contact);
  }
}
