import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@loop/platform';
import { ApiProblems } from '../shared/api-problems';
import { LoopAuditFactsRequestDto } from '@loop/platform';
import { TicketHoursFactsQuery } from './ticket-hours-facts.query';
import { TicketHoursFactsResponseDto } from './ticket-hours-facts.response.dto';

/** The loop auditor (in the requests service) asking the hours ledger for the facts it owns. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class LoopAuditHttpController {
  constructor(private readonly facts: TicketHoursFactsQuery) {}

  /** Credits, reversals and net minutes of each ticket. */
  @Post('ticket-hours')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Credits, reversals and net minutes the ledger holds per ticket (admin)' })
  @ApiOkResponse({ type: TicketHoursFactsResponseDto })
  @ApiProblems(400, 401, 403)
  async ticketHours(@Body() body: LoopAuditFactsRequestDto): Promise<TicketHoursFactsResponseDto> {
    return { tickets: await this.facts.factsOf(body.ids) };
  }
}
