import { Body, Controller, Delete, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Clock, CLOCK, CurrentUser, RateLimited } from '@loop/platform';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ID_GENERATOR, IdGenerator } from '../../../shared/id-generator';
import { WebhookNotFoundError } from '../../domain/preference.errors';
import { parseClockTime } from '../../domain/quiet-hours';
import { PreferencesRepository } from '../../infrastructure/preferences.typeorm-repository';
import { WebhookTargetGuard } from '../../infrastructure/webhook-target.guard';
import { PreferencesDto, WebhookRequestDto, WebhookResponseDto } from './preferences.dto';
import { ApiProblemResponses } from '../../../shared/api-problem-responses';

/** The caller's language, quiet hours, SMS number and webhook. */
@ApiTags('preferences')
@ApiBearerAuth()
@ApiProblemResponses(400, 401)
@Controller('me')
export class PreferencesHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: PreferencesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
    private readonly webhookTargets: WebhookTargetGuard,
  ) {}

  /** The caller's preferences (defaults when never set). */
  @Get('preferences')
  @ApiOperation({ summary: 'Read my notification preferences' })
  @ApiOkResponse({ type: PreferencesDto })
  async read(@CurrentUser() user: AuthenticatedUser): Promise<PreferencesDto> {
    return PreferencesDto.from(await this.preferences.preferenceOf(this.dataSource.manager, user.id));
  }

  /** Replaces the caller's preferences. */
  @Put('preferences')
  @RateLimited('preference-changes')
  @ApiOperation({ summary: 'Replace my notification preferences' })
  @ApiOkResponse({ type: PreferencesDto })
  async replace(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PreferencesDto,
  ): Promise<PreferencesDto> {
    const preference = {
      userId: user.id,
      language: body.language,
      quietHours: body.quietHours
        ? {
            startMinute: parseClockTime(body.quietHours.start) ?? 0,
            endMinute: parseClockTime(body.quietHours.end) ?? 0,
          }
        : null,
      smsNumber: body.smsNumber ?? null,
    };
    await this.preferences.save(this.dataSource.manager, preference, this.clock.now());
    return PreferencesDto.from(preference);
  }

  /** Creates or replaces the caller's webhook with a new secret, shown once. */
  @Put('webhook')
  @RateLimited('webhook-changes')
  @ApiOperation({ summary: 'Set my webhook (returns a new signing secret once)' })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiProblemResponses(422)
  async setWebhook(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: WebhookRequestDto,
  ): Promise<WebhookResponseDto> {
    // Refused here so the person learns at once; checked again before every delivery (DNS can change).
    await this.webhookTargets.check(body.url);
    const subscription = {
      id: this.newId(),
      userId: user.id,
      url: body.url,
      secret: `whsec_${randomBytes(24).toString('base64url')}`,
      createdAt: this.clock.now(),
    };
    await this.preferences.saveWebhook(this.dataSource.manager, subscription);
    return WebhookResponseDto.from(subscription, true);
  }

  /** The caller's webhook, without its secret. */
  @Get('webhook')
  @ApiOperation({ summary: 'Read my webhook' })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiProblemResponses(404)
  async readWebhook(@CurrentUser() user: AuthenticatedUser): Promise<WebhookResponseDto> {
    const subscription = (await this.preferences.webhooksOf(this.dataSource.manager, [user.id])).get(user.id);
    if (!subscription) throw new WebhookNotFoundError();
    return WebhookResponseDto.from(subscription, false);
  }

  /** Removes the caller's webhook; pending webhook deliveries are then recorded as failed. */
  @Delete('webhook')
  @RateLimited('webhook-changes')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove my webhook' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblemResponses(404)
  async deleteWebhook(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    if (!(await this.preferences.deleteWebhook(this.dataSource.manager, user.id)))
      throw new WebhookNotFoundError();
  }
}
