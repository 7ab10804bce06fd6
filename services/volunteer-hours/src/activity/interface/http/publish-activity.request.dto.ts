import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const codePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** A volunteer activity to publish (志愿活动). */
export class PublishActivityRequestDto {
  @ApiProperty({ example: '重阳节敬老院陪伴', description: 'Title, at most 200 characters' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: '陪老人聊天、读报、包饺子', description: 'At most 2000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ example: '栾城区幸福里社区敬老院', description: 'Where, at most 200 characters' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place: string;

  @ApiProperty({
    example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60',
    description: 'The community the activity serves',
  })
  @IsUUID()
  communityId: string;

  @ApiProperty({ example: 'elderly_care', description: 'Kind of activity (lower-case code)' })
  @Matches(codePattern)
  @MaxLength(64)
  categoryCode: string;

  @ApiProperty({ example: ['elderly_care', 'first_aid'], description: 'Skills wanted, at most 20 codes' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(codePattern, { each: true })
  skills: string[];

  @ApiProperty({ example: '2025-10-29T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({
    example: '2025-10-29T12:00:00+08:00',
    description: 'After startsAt; at most 24 hours later',
  })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ example: 30, description: 'Places, 1–10000; further sign-ups join the waiting list' })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;
}
