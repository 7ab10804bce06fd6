import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** A period of occurrence, both ends optional: [from, to). */
export class PeriodRequestDto {
  @ApiPropertyOptional({
    example: '2025-03-01T00:00:00+08:00',
    description: 'Entries that happened at or after this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2025-04-01T00:00:00+08:00',
    description: 'Entries that happened before this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** The period as dates. */
export function periodOf(request: PeriodRequestDto): { from?: Date; to?: Date } {
  return {
    ...(request.from ? { from: new Date(request.from) } : {}),
    ...(request.to ? { to: new Date(request.to) } : {}),
  };
}
