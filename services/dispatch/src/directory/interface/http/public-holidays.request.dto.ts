import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The year in the path. */
export class PublicHolidayYearParams {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2099) year: number;
}

/** A year's national schedule (国务院办公厅关于某年部分节假日安排的通知). */
export class PublicHolidayScheduleRequest {
  @ApiProperty({
    example: '国务院办公厅关于2026年部分节假日安排的通知',
    description: 'Where the schedule comes from (title or document number of the notice).',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source: string;

  @ApiProperty({
    example: ['2026-10-01', '2026-10-02'],
    description: 'Public holidays (放假 dates) of the year, YYYY-MM-DD.',
  })
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(datePattern, { each: true })
  holidays: string[];

  @ApiProperty({
    example: ['2026-09-20', '2026-10-10'],
    description: 'Make-up working days (调休上班 dates, Saturdays or Sundays) of the year, YYYY-MM-DD.',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(datePattern, { each: true })
  workdays: string[];
}
