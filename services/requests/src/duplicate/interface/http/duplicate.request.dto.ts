import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

/** Which master the ticket is merged into, and why. */
export class MergeTicketRequestDto {
  @ApiProperty({ format: 'uuid', example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' })
  @IsUUID()
  masterTicketId!: string;

  @ApiPropertyOptional({
    description: 'Why, at most 200 characters; no names or phone numbers',
    example: '同一盏路灯，邻居重复反映',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

/** Why the ticket is taken out of its master. */
export class UnmergeTicketRequestDto {
  @ApiProperty({
    description: 'Why, 2–200 characters; no names or phone numbers',
    example: '不是同一盏灯：3号楼北侧另有一盏不亮',
  })
  @IsString()
  @Length(2, 200)
  reason!: string;
}

/** The ticket to keep apart from this one, and why. */
export class KeepApartRequestDto {
  @ApiProperty({ format: 'uuid', example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' })
  @IsUUID()
  otherTicketId!: string;

  @ApiPropertyOptional({ description: 'Why, at most 200 characters', example: '不同楼栋的两盏灯' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

/** Filters of the proposals list. */
export class ListProposalsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One of your communities (default: all of them)' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** A community's duplicate settings. */
export class DuplicateSettingsRequestDto {
  @ApiProperty({
    minimum: 1,
    maximum: 720,
    example: 72,
    description: 'How far back (hours) a new ticket is compared with earlier ones',
  })
  @IsInt()
  @Min(1)
  @Max(720)
  windowHours!: number;

  @ApiProperty({
    example: false,
    description:
      'Merge exact matches at once, without staff: the very same place (compound, building and household), the same category, within the window',
  })
  @IsBoolean()
  autoMerge!: boolean;
}
