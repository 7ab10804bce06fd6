import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, ProblemException, Roles } from '@loop/platform';
import { ApiKeys } from '../../application/api-keys.handler';
import { IssueApiKeyRequestDto } from './api-keys.request.dto';
import { ApiKeyResponseDto, IssuedApiKeyResponseDto, toApiKeyResponse } from './api-keys.response.dto';

/** The district admin issues, lists and revokes the Open311 api_keys of civic clients. */
@ApiTags('open311')
@ApiBearerAuth()
@Roles('admin')
@Controller('open311/keys')
export class ApiKeysHttpController {
  constructor(private readonly apiKeys: ApiKeys) {}

  /** Issues a key; the answer is the only time the key is shown. */
  @Post()
  @ApiOperation({ summary: 'Issue an Open311 api_key for a client (shown once; only its hash is kept)' })
  @ApiCreatedResponse({ type: IssuedApiKeyResponseDto })
  async issue(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: IssueApiKeyRequestDto,
  ): Promise<IssuedApiKeyResponseDto> {
    const { key, apiKey } = await this.apiKeys.issue(user.id, body);
    return { ...toApiKeyResponse(key), apiKey };
  }

  /** Every key, newest first, without the keys themselves. */
  @Get()
  @ApiOperation({ summary: 'The Open311 api_keys issued, newest first (never the keys themselves)' })
  @ApiOkResponse({ type: [ApiKeyResponseDto] })
  async list(): Promise<ApiKeyResponseDto[]> {
    return (await this.apiKeys.list()).map(toApiKeyResponse);
  }

  /** Revokes a key: from now on it answers 403. */
  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an Open311 api_key at once (revoking again keeps the first time)' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiNotFoundResponse({ description: 'No such key' })
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyResponseDto> {
    const key = await this.apiKeys.revoke(id);
    if (!key) {
      throw new ProblemException(404, 'open311.key-not-found', {
        'zh-CN': '没有该 api_key。',
        en: 'No such api_key.',
      });
    }
    return toApiKeyResponse(key);
  }
}
