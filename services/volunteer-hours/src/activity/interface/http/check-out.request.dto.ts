import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The organiser's check-out: optionally the minutes they approve (capped by the window). */
export class CheckOutRequestDto {
  @ApiPropertyOptional({
    example: 150,
    description:
      'Minutes the organiser approves, 1–1440; never more than the window. Default: time attended inside the window',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes?: number;
}
