import { serviceMonthBounds, serviceMonthPattern } from '@loop/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { TotalsGrouping, totalsGroupings } from '../../application/hours-totals.query';
import { PeriodRequestDto, periodOf } from './period.request.dto';

/** Which totals to compute: grouping, scope (community and/or unit) and period. */
export class TotalsRequestDto extends PeriodRequestDto {
  @ApiProperty({ enum: totalsGroupings, example: 'member' })
  @IsIn(totalsGroupings)
  groupBy: TotalsGrouping;

  @ApiPropertyOptional({
    example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60',
    description: 'Staff, secretaries and officials: one of their communities',
  })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({
    example: '7d2f0b8e-3c1a-4e5f-9b6d-2a8c4e6f1b3d',
    description: 'A unit admin: their unit',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    example: '2025-03',
    description: 'A service month (Asia/Shanghai), YYYY-MM; used instead of from/to',
  })
  @IsOptional()
  @Matches(serviceMonthPattern)
  month?: string;
}

/** The period totals cover: the service month when given, else [from, to). */
export function totalsPeriodOf(request: TotalsRequestDto): { from?: Date; to?: Date } {
  if (!request.month) return periodOf(request);
  const { start, end } = serviceMonthBounds(request.month);
  return { from: start, to: end };
}
