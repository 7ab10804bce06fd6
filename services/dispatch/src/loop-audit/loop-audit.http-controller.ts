import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@loop/platform';
import { DispatchCaseFactsQuery } from './dispatch-case-facts.query';
import { DispatchCaseFactsResponseDto } from './dispatch-case-facts.response.dto';
import { LoopAuditFactsRequestDto } from '@loop/platform';

/** The loop auditor (in the requests service) asking dispatch for the facts it owns. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class LoopAuditHttpController {
  constructor(private readonly facts: DispatchCaseFactsQuery) {}

  /** Status, owner, next deadline and completed work of each ticket's dispatch case. */
  @Post('dispatch-cases')
  @HttpCode(200)
  @ApiOperation({ summary: 'Loop audit facts: status, owner, next deadline and completed work per ticket' })
  @ApiOkResponse({ type: DispatchCaseFactsResponseDto })
  @ApiBadRequestResponse({ description: 'ids is empty, too long or holds a non-UUID (problem+json).' })
  @ApiForbiddenResponse({ description: 'Only admins may audit the loop.' })
  async dispatchCases(@Body() body: LoopAuditFactsRequestDto): Promise<DispatchCaseFactsResponseDto> {
    return { cases: await this.facts.factsOf(body.ids) };
  }
}
