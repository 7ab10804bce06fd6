import { serviceMonthPattern } from '@loop/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Which month and how many places. */
export class LeaderboardRequestDto {
  @ApiPropertyOptional({
    example: '2025-03',
    description: 'Service month (Asia/Shanghai), YYYY-MM; the current month by default',
  })
  @IsOptional()
  @Matches(serviceMonthPattern)
  month?: string;

  @ApiPropertyOptional({ example: 10, description: 'How many places, 1–100 (default 10)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
