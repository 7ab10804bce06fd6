import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedUser, CLOCK, Clock, ValidationFailedException } from '@loop/platform';
import { normalisedSchedule, scheduleViolations } from '../domain/public-holiday-schedule';
import {
  PublicHolidayRepository,
  StoredPublicHolidaySchedule,
} from '../infrastructure/public-holiday.typeorm-repository';
import { ServiceCalendarCache } from './calendar-cache';

/** What the district admin sends for a year. */
export interface PublicHolidayScheduleInput {
  source: string;
  holidays: readonly string[];
  workdays: readonly string[];
}

/**
 * Loads a year's national schedule as the district admin publishes it (ADR 0024). A schedule breaking a
 * rule is refused whole with a 400 naming each field, like a malformed body: nothing is stored.
 */
@Injectable()
export class PublicHolidaysHandler {
  constructor(
    private readonly schedules: PublicHolidayRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: ServiceCalendarCache,
  ) {}

  /** Stores (or replaces) the year's schedule, recording who loaded it and when. */
  async load(
    year: number,
    input: PublicHolidayScheduleInput,
    user: AuthenticatedUser,
  ): Promise<StoredPublicHolidaySchedule> {
    const violations = scheduleViolations(year, input);
    if (violations.length > 0) {
      throw new ValidationFailedException(
        violations.map((violation) => ({
          field: violation.field,
          code: violation.code,
          params: violation.params,
          fallback: violation.message,
          ...(violation.messageZh && { text: { 'zh-CN': violation.messageZh, en: violation.message } }),
        })),
      );
    }
    const stored = await this.schedules.save(normalisedSchedule(year, input), user.id, this.clock.now());
    this.calendars.forgetAll();
    return stored;
  }
}
