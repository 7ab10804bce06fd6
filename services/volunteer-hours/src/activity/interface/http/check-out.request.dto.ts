import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

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

/** A member's own check-in or check-out on site: the code the organiser shows. */
export class AttendanceCodeRequestDto {
  @ApiProperty({ example: '042137', description: 'The six-digit attendance code (签到码) shown on site' })
  @Matches(/^\d{6}$/)
  code!: string;
}
