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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CLOCK, Clock, CurrentUser, preferredLanguage, Roles } from '@loop/platform';
import type { Response } from 'express';
import { CancelTicketHandler } from '../../application/cancel-ticket.handler';
import { ConfirmTicketHandler } from '../../application/confirm-ticket.handler';
import { CreateTicketHandler } from '../../application/create-ticket.handler';
import { IdempotentRequests } from '../../application/idempotent-requests';
import { ReopenTicketHandler } from '../../application/reopen-ticket.handler';
import { TicketQueries } from '../../application/ticket.queries';
import { readsEveryFact } from '../../domain/ticket-visibility.policy';
import { CreateTicketRequestDto } from './create-ticket.request.dto';
import { checkedIdempotencyKey } from './idempotency-key';
import {
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
    const create = () => this.createTicket.execute(user, body);
    const outcome = idempotencyKey
      ? await this.idempotency.once(user.id, idempotencyKey, body, create)
      : { ticketId: await create(), replayed: false };
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', `/tickets/${outcome.ticketId}`);
    return this.read(user, outcome.ticketId, acceptLanguage);
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
  @Roles('resident', 'grid_worker', 'staff', 'secretary', 'admin')
  @ApiOperation({ summary: 'Cancel a ticket that is not yet resolved' })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiConflictResponse({ description: 'The ticket is resolved, closed or already cancelled' })
  async cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelTicketRequestDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<TicketDetailResponseDto> {
    await this.cancelTicket.execute(user, id, body);
    return this.read(user, id, acceptLanguage);
  }

  /** The resident confirms the work and rates it. */
  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('resident', 'grid_worker', 'staff', 'secretary')
  @ApiOperation({ summary: 'Confirm a resolved ticket with a rating 1–5 (closes it)' })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiConflictResponse({ description: 'The ticket is not resolved' })
  async confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ConfirmTicketRequestDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<TicketDetailResponseDto> {
    await this.confirmTicket.execute(user, id, body);
    return this.read(user, id, acceptLanguage);
  }

  /** The resident is not satisfied: the ticket goes back into dispatch. */
  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('resident', 'grid_worker', 'staff', 'secretary')
  @ApiOperation({ summary: 'Reopen a resolved or closed ticket within REOPEN_WINDOW of its resolution' })
  @ApiOkResponse({ type: TicketDetailResponseDto })
  @ApiConflictResponse({ description: 'The ticket is neither resolved nor closed' })
  @ApiUnprocessableEntityResponse({ description: 'The reopening window has passed' })
  async reopen(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReopenTicketRequestDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<TicketDetailResponseDto> {
    await this.reopenTicket.execute(user, id, body);
    return this.read(user, id, acceptLanguage);
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
