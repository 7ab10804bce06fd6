import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Turns auto-dispatch on or off. */
export class DispatchPolicyRequest {
  @ApiProperty({ example: true, description: 'Offer submitted tickets to the top candidate automatically.' })
  @IsBoolean()
  autoDispatch: boolean;
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const monthDay = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A community's whole service calendar. */
export class ServiceCalendarRequest {
  @ApiProperty({ example: 480 }) @IsInt() @Min(-720) @Max(840) utcOffsetMinutes: number;
  @ApiProperty({ example: '08:30' }) @Matches(clock) opensAt: string;
  @ApiProperty({ example: '17:30' }) @Matches(clock) ordinaryClosesAt: string;
  @ApiProperty({ example: '21:00' }) @Matches(clock) extendedClosesAt: string;
  @ApiProperty({ example: '20:00' }) @Matches(clock) autumnWinterClosesAt: string;
  @ApiProperty({ example: '10-01' }) @Matches(monthDay) autumnWinterFrom: string;
  @ApiProperty({ example: '03-31' }) @Matches(monthDay) autumnWinterTo: string;
  @ApiProperty({
    example: true,
    description:
      "Saturdays and Sundays are served from opening to the season's extended closing, like a weekday with extended hours. When false they are closed, except national make-up working days (调休上班).",
  })
  @IsBoolean()
  weekendsAllDay: boolean;
  @ApiProperty({ example: ['2026-10-01', '2026-10-02'] })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { each: true })
  holidays: string[];
  @ApiPropertyOptional({
    example: false,
    description:
      'Serve on national public holidays (法定节假日) too. Absent leaves the current setting as it is (false for a new community).',
  })
  @IsOptional()
  @IsBoolean()
  servesPublicHolidays?: boolean;
}
