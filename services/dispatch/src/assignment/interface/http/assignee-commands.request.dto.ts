import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { declineReasons, DeclineReason, handBackReasons, HandBackReason } from '@loop/contracts';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Declining an offer: a reason is required (a return, 退单). */
export class DeclineOfferRequest {
  @ApiProperty({ enum: declineReasons, example: 'busy', description: 'Why the offer is declined.' })
  @IsIn(declineReasons)
  reasonCode: DeclineReason;

  @ApiPropertyOptional({
    maxLength: 200,
    example: '本周出差，无法上门',
    description: 'Free text; no names or phone numbers.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reasonText?: string;
}

/** Handing accepted work back: a reason is required (a return, 退单). */
export class HandBackRequest {
  @ApiProperty({
    enum: handBackReasons,
    example: 'needs_other_skill',
    description: 'Why the work is handed back.',
  })
  @IsIn(handBackReasons)
  reasonCode: HandBackReason;

  @ApiPropertyOptional({
    maxLength: 200,
    example: '需要持证电工处理',
    description: 'Free text; no names or phone numbers.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reasonText?: string;
}

/** Reporting the work done. */
export class CompleteWorkRequest {
  @ApiProperty({ minimum: 1, maximum: 1440, example: 45, description: 'Minutes spent on the work.' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutesSpent: number;

  @ApiPropertyOptional({
    maxLength: 500,
    example: '已更换楼道灯泡',
    description: 'What was done; no names or phone numbers.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
