import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Which activities to list. */
export class ListActivitiesRequestDto {
  @ApiProperty({ example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' })
  @IsUUID()
  communityId: string;

  @ApiPropertyOptional({ example: true, description: 'Only activities that have not ended (default true)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  upcoming?: boolean;

  @ApiPropertyOptional({ example: 50, description: '1–200 (default 50)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
