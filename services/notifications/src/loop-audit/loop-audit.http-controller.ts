import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@loop/platform';
import { ApiProblemResponses } from '../shared/api-problem-responses';
import { EventNotificationFactsQuery } from './event-notification-facts.query';
import { EventNotificationFactsResponseDto } from './event-notification-facts.response.dto';
import { LoopAuditFactsRequestDto } from '@loop/platform';

/** The loop auditor (in the requests service) asking notifications for the facts it owns. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403)
@Roles('admin')
@Controller('audit')
export class LoopAuditHttpController {
  constructor(private readonly facts: EventNotificationFactsQuery) {}

  /** Whether each event was handled, and how many notifications it caused. */
  @Post('event-notifications')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Per event: whether notifications handled it, and the notifications (inbox entries) it caused (admin)',
  })
  @ApiOkResponse({ type: EventNotificationFactsResponseDto })
  async eventNotifications(
    @Body() body: LoopAuditFactsRequestDto,
  ): Promise<EventNotificationFactsResponseDto> {
    return { events: await this.facts.factsOf(body.ids) };
  }
}
