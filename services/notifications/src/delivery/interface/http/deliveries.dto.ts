import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  deliveryChannelNames,
  DeliveryChannelName,
  DeliveryStatus,
} from '../../../notification/domain/notification';
import type { Delivery, DeliveryAttempt } from '../../infrastructure/deliveries.typeorm-repository';

const statuses: DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** Query of the delivery log. */
export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: statuses, example: 'failed' })
  @IsOptional()
  @IsIn(statuses)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ default: 50, example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** One attempt of a delivery. */
export class DeliveryAttemptDto {
  @ApiProperty({ format: 'date-time', example: '2026-03-01T02:05:02.000Z' })
  attemptedAt: string;

  @ApiProperty({ enum: ['delivered', 'failed'], example: 'failed' })
  outcome: 'delivered' | 'failed';

  @ApiProperty({ nullable: true, type: String, example: 'answered 503' })
  error: string | null;
}

/** One delivery of one notification on one channel, with its attempt log. */
export class DeliveryResponseDto {
  @ApiProperty({ format: 'uuid', example: '0195a1b5-0c3d-7e4f-8a5b-6c7d8e9f0a1b' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '0195a1b4-2c3d-7e4f-8a5b-6c7d8e9f0a1b' })
  notificationId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The event that caused the notification.',
    example: '0195a1b3-9c3d-7e4f-8a5b-6c7d8e9f0a1b',
  })
  eventId: string;

  @ApiProperty({ example: 'member-1' })
  recipientId: string;

  @ApiProperty({ enum: deliveryChannelNames, example: 'webhook' })
  channel: DeliveryChannelName;

  @ApiProperty({ enum: statuses, example: 'failed' })
  status: DeliveryStatus;

  @ApiProperty({ example: 6 })
  attempts: number;

  @ApiProperty({
    format: 'date-time',
    description: 'When a pending delivery is tried next.',
    example: '2026-03-01T02:06:00.000Z',
  })
  nextAttemptAt: string;

  @ApiProperty({ description: 'Held until the end of the recipient’s quiet hours.', example: false })
  heldByQuietHours: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Why the last attempt failed: the class of failure only (`answered 503`, `timed out after 5000 ms`, ' +
      '`connection failed (ECONNREFUSED)`, `target refused: …`), never what the receiver answered.',
    example: 'answered 503',
  })
  lastError: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  deliveredAt: string | null;

  @ApiProperty({ type: [DeliveryAttemptDto] })
  attemptLog: DeliveryAttemptDto[];

  /** The DTO of a delivery and its attempts. */
  static from(delivery: Delivery, attempts: DeliveryAttempt[]): DeliveryResponseDto {
    return {
      id: delivery.id,
      notificationId: delivery.notificationId,
      eventId: delivery.eventId,
      recipientId: delivery.recipientId,
      channel: delivery.channel,
      status: delivery.status,
      attempts: delivery.attempts,
      nextAttemptAt: delivery.nextAttemptAt.toISOString(),
      heldByQuietHours: delivery.heldByQuietHours,
      lastError: delivery.lastError,
      deliveredAt: delivery.deliveredAt ? delivery.deliveredAt.toISOString() : null,
      attemptLog: attempts.map((a) => ({
        attemptedAt: a.attemptedAt.toISOString(),
        outcome: a.outcome,
        error: a.error,
      })),
    };
  }
}
