import { ApiProperty } from '@nestjs/swagger';
import type { StoredPublicHolidaySchedule } from '../../infrastructure/public-holiday.typeorm-repository';

/** A year's national schedule as loaded. */
export class PublicHolidayScheduleResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: '国务院办公厅关于2026年部分节假日安排的通知' }) source: string;
  @ApiProperty({ example: ['2026-10-01'], description: 'Public holidays (放假).' }) holidays: string[];
  @ApiProperty({ example: ['2026-10-10'], description: 'Make-up working days (调休上班).' })
  workdays: string[];
  @ApiProperty({
    example: 'admin-1',
    description:
      'Account id of the admin who loaded it; "migration" for the schedule shipped with the service.',
  })
  loadedBy: string;
  @ApiProperty({ format: 'date-time' }) loadedAt: string;
  @ApiProperty({ example: 1, description: 'How many times the year was loaded.' }) revision: number;

  /** The response for a stored schedule. */
  static of(schedule: StoredPublicHolidaySchedule): PublicHolidayScheduleResponse {
    return Object.assign(new PublicHolidayScheduleResponse(), {
      year: schedule.year,
      source: schedule.source,
      holidays: [...schedule.holidays],
      workdays: [...schedule.workdays],
      loadedBy: schedule.loadedBy,
      loadedAt: schedule.loadedAt.toISOString(),
      revision: schedule.revision,
    });
  }
}
