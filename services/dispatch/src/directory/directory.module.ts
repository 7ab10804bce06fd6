import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { ClockModule } from '@loop/platform';
import { ServiceCalendarCache } from './application/calendar-cache';
import { CommunitySettingsHandler } from './application/community-settings.handler';
import { PublicHolidaysHandler } from './application/public-holidays.handler';
import { DirectoryReader } from './application/directory-reader.port';
import { HouseholdResidentsHandler } from './application/household-residents.handler';
import { ImportDirectoryRowsHandler } from './application/import/import-directory-rows.handler';
import { RetirePersonHandler } from './application/retire-person.handler';
import { CompoundPlacesRepository } from './infrastructure/compound-places.typeorm-repository';
import { DirectoryChangeLogRepository } from './infrastructure/directory-change-log.typeorm-repository';
import { DirectoryListingRepository } from './infrastructure/directory-listing.typeorm-repository';
import { TypeOrmDirectoryReader } from './infrastructure/directory-reader.typeorm-repository';
import { DirectoryRepository } from './infrastructure/directory.typeorm-repository';
import { PublicHolidayRepository } from './infrastructure/public-holiday.typeorm-repository';
import { DirectoryHttpController } from './interface/http/directory.http-controller';
import { HouseholdResidentsHttpController } from './interface/http/household-residents.http-controller';
import { MyHouseholdsHttpController } from './interface/http/my-households.http-controller';
import { PublicHolidaysHttpController } from './interface/http/public-holidays.http-controller';

const httpControllers = [
  DirectoryHttpController,
  HouseholdResidentsHttpController,
  MyHouseholdsHttpController,
  PublicHolidaysHttpController,
];
const handlers = [
  ImportDirectoryRowsHandler,
  CommunitySettingsHandler,
  RetirePersonHandler,
  PublicHolidaysHandler,
  HouseholdResidentsHandler,
];
const repositories = [
  DirectoryRepository,
  CompoundPlacesRepository,
  DirectoryListingRepository,
  DirectoryChangeLogRepository,
  PublicHolidayRepository,
];
const ports = [{ provide: DirectoryReader, useClass: TypeOrmDirectoryReader }];
// One per application, so two apps in one process (tests) never share calendars.
const caches = [{ provide: ServiceCalendarCache, useFactory: () => new ServiceCalendarCache() }];

/**
 * The directory: communities, grids, households, members, staff, officials, property companies and
 * service calendars (with the national public holidays), with its admin API and import. Other slices inject {@link DirectoryReader}.
 */
@Module({
  imports: [OutboxModule, ClockModule],
  controllers: [...httpControllers],
  providers: [...handlers, ...repositories, ...ports, ...caches],
  exports: [DirectoryReader],
})
export class DirectoryModule {}
