import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUrl, Matches, ValidateNested } from 'class-validator';
import { notificationLanguages, NotificationLanguage } from '../../../notification/domain/templates';
import type { Preference } from '../../domain/preference';
import { formatClockTime } from '../../domain/quiet-hours';
import type { WebhookSubscription } from '../../application/preferences-reader.port';

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A daily quiet window on the Asia/Shanghai clock. */
export class QuietHoursDto {
  @ApiProperty({ description: 'Start, HH:MM Asia/Shanghai.', example: '22:00' })
  @Matches(clockTime)
  start: string;

  @ApiProperty({
    description: 'End, HH:MM Asia/Shanghai; may be earlier than start (crosses midnight).',
    example: '07:00',
  })
  @Matches(clockTime)
  end: string;
}

/** The caller's notification preferences (the whole set; PUT replaces it). */
export class PreferencesDto {
  @ApiProperty({ enum: notificationLanguages, example: 'zh-CN' })
  @IsIn(notificationLanguages)
  language: NotificationLanguage;

  @ApiPropertyOptional({
    type: QuietHoursDto,
    nullable: true,
    description: 'Normal webhook and SMS messages wait until the end; urgent ones go through. null for none.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'Your own mobile number for SMS notifications (E.164 or 11-digit mainland number); null turns SMS off.',
    example: '+8613800138000',
  })
  @IsOptional()
  @Matches(/^(\+\d{8,15}|1\d{10})$/)
  smsNumber?: string | null;

  /** The DTO of stored preferences. */
  static from(preference: Preference): PreferencesDto {
    return {
      language: preference.language,
      quietHours: preference.quietHours
        ? {
            start: formatClockTime(preference.quietHours.startMinute),
            end: formatClockTime(preference.quietHours.endMinute),
          }
        : null,
      smsNumber: preference.smsNumber,
    };
  }
}

/** Where to POST the caller's notifications. */
export class WebhookRequestDto {
  @ApiProperty({
    description:
      'http(s) URL receiving signed POSTs (https preferred). Its host must resolve to public addresses only: ' +
      'loopback, private, link-local, CGNAT, multicast and cloud metadata addresses are refused (422), here ' +
      'and before every delivery. Redirects are not followed.',
    example: 'https://hooks.example.org/loop',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url: string;
}

/** A webhook subscription; the secret is shown only when it is created. */
export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid', example: '0195a1b6-0c3d-7e4f-8a5b-6c7d8e9f0a1b' })
  id: string;

  @ApiProperty({ example: 'https://hooks.example.org/loop' })
  url: string;

  @ApiPropertyOptional({
    description:
      'HMAC-SHA256 key: x-loop-signature = "sha256=" + hex(HMAC(secret, x-loop-timestamp + "." + body)). Returned once.',
    example: 'whsec_6f1d…',
  })
  secret?: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-01T02:00:00.000Z' })
  createdAt: string;

  /** The DTO of a subscription, with or without its secret. */
  static from(subscription: WebhookSubscription, withSecret: boolean): WebhookResponseDto {
    return {
      id: subscription.id,
      url: subscription.url,
      ...(withSecret ? { secret: subscription.secret } : {}),
      createdAt: subscription.createdAt.toISOString(),
    };
  }
}
