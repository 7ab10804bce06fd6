import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ticketCategories } from '@loop/contracts';
import { Transform, Type } from 'class-transformer';
import { serviceMonthPattern } from '@loop/platform';
import { ArrayMinSize, IsArray, IsDate, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { BreakdownDimension, breakdownDimensions } from '../../domain/loop-breakdown';

/** Scope and period of a loop report. */
export class LoopReportQueryDto {
  @ApiPropertyOptional({
    description: 'Start of the period (inclusive, by submission time); default 30 days before `to`',
    example: '2026-03-01T00:00:00+08:00',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({
    description: 'End of the period (exclusive); default now',
    example: '2026-04-01T00:00:00+08:00',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ description: 'One community within your scope' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ description: 'One grid' })
  @IsOptional()
  @IsUUID()
  gridId?: string;

  @ApiPropertyOptional({ enum: ticketCategories.map((category) => category.code) })
  @IsOptional()
  @IsIn(ticketCategories.map((category) => category.code))
  categoryCode?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv is the same as Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** Scope and period of a breakdown, and which dimensions to break it down by. */
export class LoopBreakdownQueryDto extends LoopReportQueryDto {
  @ApiPropertyOptional({
    description: 'Dimensions, comma-separated; default all four',
    example: 'community,month',
    type: String,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(breakdownDimensions, { each: true })
  by?: BreakdownDimension[];
}

/** Which month's report, for which community, in which form. */
export class MonthlyReportQueryDto {
  @ApiProperty({ example: '2026-11', description: 'The month YYYY-MM (Asia/Shanghai)' })
  @Matches(serviceMonthPattern, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ description: 'One community within your scope; default all of yours' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({
    enum: ['json', 'html'],
    description: 'html is the printable A4 page (the same as Accept: text/html)',
  })
  @IsOptional()
  @IsIn(['json', 'html'])
  format?: 'json' | 'html';
}
