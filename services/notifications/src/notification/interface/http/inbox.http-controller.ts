import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Clock, CLOCK, CurrentUser } from '@loop/platform';
import { DataSource } from 'typeorm';
import { ReaderLanguage } from '../../application/reader-language.query';
import { NotificationNotFoundError } from '../../domain/notification.errors';
import { NotificationsRepository } from '../../infrastructure/notifications.typeorm-repository';
import {
  InboxPageResponseDto,
  ListInboxQueryDto,
  MarkAllReadResponseDto,
  UnreadCountResponseDto,
} from './inbox.dto';
import { ApiProblemResponses } from '../../../shared/api-problem-responses';
import { NotificationResponseDto } from '../../../shared/notification.response.dto';

/** The caller's own inbox: list, unread count, mark read. */
@ApiTags('inbox')
@ApiBearerAuth()
@ApiProblemResponses(400, 401)
@Controller('me/notifications')
export class InboxHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly readerLanguage: ReaderLanguage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A page of the caller's notifications, newest first. */
  @Get()
  @ApiOperation({ summary: 'List my notifications (cursor pagination, newest first)' })
  @ApiOkResponse({ type: InboxPageResponseDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListInboxQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<InboxPageResponseDto> {
    const language = await this.readerLanguage.of(user.id, acceptLanguage);
    const page = await this.notifications.page(this.dataSource.manager, user.id, {
      cursor: query.cursor ? Number(query.cursor) : undefined,
      limit: query.limit ?? 20,
      unreadOnly: query.unreadOnly,
    });
    return {
      items: page.items.map((n) => NotificationResponseDto.from(n, language)),
      nextCursor: page.nextCursor,
    };
  }

  /** How many of the caller's notifications are unread. */
  @Get('unread-count')
  @ApiOperation({ summary: 'Count my unread notifications' })
  @ApiOkResponse({ type: UnreadCountResponseDto })
  async unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountResponseDto> {
    return { unread: await this.notifications.unreadCount(this.dataSource.manager, user.id) };
  }

  /** Marks every notification of the caller read. */
  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkAllReadResponseDto })
  async markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<MarkAllReadResponseDto> {
    return {
      marked: await this.notifications.markAllRead(this.dataSource.manager, user.id, this.clock.now()),
    };
  }

  /** Marks one of the caller's notifications read (idempotent). */
  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiNoContentResponse({ description: 'Marked read (or already read).' })
  @ApiProblemResponses(404)
  async markRead(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    const found = await this.notifications.markRead(this.dataSource.manager, user.id, id, this.clock.now());
    if (!found) throw new NotificationNotFoundError(id);
  }
}
