import { Controller, Get, Headers, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemException, Roles } from '@loop/platform';
import { LoopAuditReport, RunLoopAuditHandler } from '../../application/run-loop-audit.handler';
import { LoopAuditPeerError } from '../../infrastructure/loop-audit-peers.http-client';
import { LoopAuditQueryDto } from './loop-audit.request.dto';
import { LoopAuditResponseDto } from './loop-audit.response.dto';

/** The loop auditor: reconciles requests, dispatch, volunteer-hours and notifications. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class LoopAuditHttpController {
  constructor(private readonly audit: RunLoopAuditHandler) {}

  /** Every broken loop: open tickets nobody owns or no deadline drives, wrong hours, untold events. */
  @Get('loop')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Loop audit: open tickets without an owner or a future deadline, closed tickets whose hours are missing or doubled, events notifications never handled',
  })
  @ApiOkResponse({ type: LoopAuditResponseDto })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @ApiServiceUnavailableResponse({
    description: 'A service the audit asks (named in the problem) did not answer; no report is given',
  })
  async loop(
    @Query() query: LoopAuditQueryDto,
    @Headers('authorization') authorization: string,
  ): Promise<LoopAuditReport> {
    // The guard has verified the bearer token; the peers check the same token themselves.
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    try {
      return await this.audit.execute(token, query.closedSince);
    } catch (error) {
      if (!(error instanceof LoopAuditPeerError)) throw error;
      throw new ProblemException(503, 'loop-audit.peer-unavailable', {
        'zh-CN': `闭环对账失败：${error.peer} 服务未能提供对账数据，请稍后重试`,
        en: `The loop audit failed: ${error.message}`,
      });
    }
  }
}
