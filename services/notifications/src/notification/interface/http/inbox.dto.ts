import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NotificationResponseDto } from '../../../shared/notification.response.dto';

/** Query of the inbox list. */
export class ListInboxQueryDto {
  @ApiPropertyOptional({
    description: 'nextCursor of the previous page; omit for the newest page.',
    example: '42',
  })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Page size, 1–100.', default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only unread notifications.', default: false, example: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly?: boolean;
}

/** A page of the inbox, newest first. */
export class InboxPageResponseDto {
  @ApiProperty({ type: [NotificationResponseDto] })
  items: NotificationResponseDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Cursor of the next (older) page; null at the end.',
    example: '22',
  })
  nextCursor: string | null;
}

/** How many notifications are unread. */
export class UnreadCountResponseDto {
  @ApiProperty({ example: 3 })
  unread: number;
}

/** How many notifications were marked read. */
export class MarkAllReadResponseDto {
  @ApiProperty({ example: 3 })
  marked: number;
}
