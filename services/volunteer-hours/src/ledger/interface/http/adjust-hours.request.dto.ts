import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  NotEquals,
  ValidateNested,
} from 'class-validator';

/** The ticket or activity an adjustment concerns. */
export class AdjustmentSourceRequestDto {
  @ApiProperty({ enum: ['ticket', 'activity'], example: 'activity' })
  @IsIn(['ticket', 'activity'])
  kind: 'ticket' | 'activity';

  @ApiProperty({ example: 'b1bd7e0d-c29f-4a8d-8f00-ed3ec15a6f1b' })
  @IsUUID()
  id: string;
}

/** A staff correction of a member's hours (a separate entry; nothing existing changes). */
export class AdjustHoursRequestDto {
  @ApiProperty({ example: -30, description: 'Signed minutes, -1440 to 1440, not 0' })
  @IsInt()
  @Min(-1440)
  @Max(1440)
  @NotEquals(0)
  minutes: number;

  @ApiProperty({ example: '签退时间登记错误，按签到表更正', description: 'Why, at most 500 characters' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ type: AdjustmentSourceRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AdjustmentSourceRequestDto)
  source?: AdjustmentSourceRequestDto;
}
