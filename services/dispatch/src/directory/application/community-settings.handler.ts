import { Injectable } from '@nestjs/common';
import { Cause, requestCause, UnitOfWork, UnitsOfWork } from '@loop/messaging';
import type { AuthenticatedUser } from '@loop/platform';
import { DirectoryEntryNotFoundError } from '../domain/directory.errors';
import { isUuid } from '../domain/place-id';
import { monthDayText, ServiceCalendar } from '../domain/service-calendar';
import { ServiceCalendarCache } from './calendar-cache';
import { DirectoryChangeLogRepository } from '../infrastructure/directory-change-log.typeorm-repository';
import { DirectoryScope } from './directory-scope';

/** A calendar as a PUT replaces it; `servesPublicHolidays` left undefined keeps the stored setting. */
export type CalendarChange = Omit<ServiceCalendar, 'servesPublicHolidays' | 'national'> & {
  servesPublicHolidays?: boolean;
};

/**
 * Changes a community's own settings — its auto-dispatch policy and its service calendar. Neither is
 * part of the published community state, so no event is needed: only this service uses them.
 */
@Injectable()
export class CommunitySettingsHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly changeLog: DirectoryChangeLogRepository,
    private readonly calendars: ServiceCalendarCache,
  ) {}

  /** Turns auto-dispatch on or off for the community; 404 when unknown, 403 outside the caller's scope. */
  async setAutoDispatch(communityId: string, autoDispatch: boolean, user: AuthenticatedUser): Promise<void> {
    DirectoryScope.of(user).assertManages(communityId);
    if (!isUuid(communityId)) throw new DirectoryEntryNotFoundError('community', communityId);
    await this.units.run(causeOf(user), async (unit) => {
      const [, updated] = await unit.manager.query(
        'UPDATE directory_community SET auto_dispatch = $2 WHERE id = $1',
        [communityId, autoDispatch],
      );
      if (updated === 0) throw new DirectoryEntryNotFoundError('community', communityId);
      await this.recordUpdate(unit, communityId);
    });
  }

  /** Replaces the community's service calendar; 404 when unknown, 403 outside the caller's scope. */
  async setCalendar(communityId: string, calendar: CalendarChange, user: AuthenticatedUser): Promise<void> {
    DirectoryScope.of(user).assertManages(communityId);
    if (!isUuid(communityId)) throw new DirectoryEntryNotFoundError('community', communityId);
    await this.units.run(causeOf(user), async (unit) => {
      const [, updated] = await unit.manager.query(
        `UPDATE directory_community SET utc_offset_minutes = $2, opens_at = $3, ordinary_closes_at = $4, extended_closes_at = $5,
         autumn_winter_closes_at = $6, autumn_winter_from = $7, autumn_winter_to = $8, weekends_all_day = $9, holidays = $10,
         serves_public_holidays = COALESCE($11, serves_public_holidays)
       WHERE id = $1`,
        [
          communityId,
          calendar.utcOffsetMinutes,
          calendar.opensAt,
          calendar.ordinaryClosesAt,
          calendar.extendedClosesAt,
          calendar.autumnWinterClosesAt,
          monthDayText(calendar.autumnWinterFrom),
          monthDayText(calendar.autumnWinterTo),
          calendar.weekendsAllDay,
          [...new Set(calendar.holidays)].sort(),
          // Older clients do not send the flag: a calendar edit must not silently stop holiday service.
          calendar.servesPublicHolidays ?? null,
        ],
      );
      if (updated === 0) throw new DirectoryEntryNotFoundError('community', communityId);
      await this.recordUpdate(unit, communityId);
    });
    this.calendars.forgetAll();
  }

  // Settings are directory changes too: the log names who changed them, in the same transaction.
  private recordUpdate(unit: UnitOfWork, communityId: string): Promise<void> {
    return this.changeLog.record(unit.manager, {
      changedAt: unit.now,
      actorId: unit.cause.actor.id,
      actorRole: unit.cause.actor.role,
      entryKind: 'community',
      entryId: communityId,
      action: 'updated',
      communityIds: [communityId],
      correlationId: unit.cause.correlationId,
    });
  }
}

// Settings are changed by the district admin or a community's staff, in their request.
function causeOf(user: AuthenticatedUser): Cause {
  return requestCause(user.roles.includes('admin') ? 'admin' : 'staff', user.id);
}
