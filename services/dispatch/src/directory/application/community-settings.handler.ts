import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, correlationContext, type AuthenticatedUser, type Clock } from '@loop/platform';
import { DirectoryEntryNotFoundError } from '../domain/directory.errors';
import { isUuid } from '../domain/place-id';
import { monthDayText, ServiceCalendar } from '../domain/service-calendar';
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
    private readonly dataSource: DataSource,
    private readonly changeLog: DirectoryChangeLogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Turns auto-dispatch on or off for the community; 404 when unknown, 403 outside the caller's scope. */
  async setAutoDispatch(communityId: string, autoDispatch: boolean, user: AuthenticatedUser): Promise<void> {
    DirectoryScope.of(user).assertManages(communityId);
    if (!isUuid(communityId)) throw new DirectoryEntryNotFoundError('community', communityId);
    await this.dataSource.transaction(async (manager) => {
      const [, updated] = await manager.query(
        'UPDATE directory_community SET auto_dispatch = $2 WHERE id = $1',
        [communityId, autoDispatch],
      );
      if (updated === 0) throw new DirectoryEntryNotFoundError('community', communityId);
      await this.recordUpdate(manager, communityId, user);
    });
  }

  /** Replaces the community's service calendar; 404 when unknown, 403 outside the caller's scope. */
  async setCalendar(communityId: string, calendar: CalendarChange, user: AuthenticatedUser): Promise<void> {
    DirectoryScope.of(user).assertManages(communityId);
    if (!isUuid(communityId)) throw new DirectoryEntryNotFoundError('community', communityId);
    await this.dataSource.transaction(async (manager) => {
      const [, updated] = await manager.query(
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
      await this.recordUpdate(manager, communityId, user);
    });
  }

  // Settings are directory changes too: the log names who changed them, in the same transaction.
  private recordUpdate(manager: EntityManager, communityId: string, user: AuthenticatedUser): Promise<void> {
    return this.changeLog.record(manager, {
      changedAt: this.clock.now(),
      actorId: user.id,
      actorRole: user.roles.includes('admin') ? 'admin' : 'staff',
      entryKind: 'community',
      entryId: communityId,
      action: 'updated',
      communityIds: [communityId],
      correlationId: correlationContext.current()?.correlationId,
    });
  }
}
