import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { ClockModule } from '@loop/platform';
import { CommunitySettingsHandler } from './application/community-settings.handler';
import { PublicHolidaysHandler } from './application/public-holidays.handler';
import { DirectoryReader } from './application/directory-reader.port';
import { ImportDirectoryRowsHandler } from './application/import/import-directory-rows.handler';
import { RetirePersonHandler } from './application/retire-person.handler';
import { DirectoryChangeLogRepository } from './infrastructure/directory-change-log.typeorm-repository';
import { DirectoryListingRepository } from './infrastructure/directory-listing.typeorm-repository';
import { TypeOrmDirectoryReader } from './infrastructure/directory-reader.typeorm-repository';
import { DirectoryRepository } from './infrastructure/directory.typeorm-repository';
import { PublicHolidayRepository } from './infrastructure/public-holiday.typeorm-repository';
import { DirectoryHttpController } from './interface/http/directory.http-controller';
import { PublicHolidaysHttpController } from './interface/http/public-holidays.http-controller';

const httpControllers = [DirectoryHttpController, PublicHolidaysHttpController];
const handlers = [
  ImportDirectoryRowsHandler,
  CommunitySettingsHandler,
  RetirePersonHandler,
  PublicHolidaysHandler,
];
const repositories = [
  DirectoryRepository,
  DirectoryListingRepository,
  DirectoryChangeLogRepository,
  PublicHolidayRepository,
];
const ports = [{ provide: DirectoryReader, useClass: TypeOrmDirectoryReader }];

/**
 * The directory: communities, grids, households, members, staff, officials, property companies and
 * service calendars (with the national public holidays), with its admin API and import. Other slices inject {@link DirectoryReader}.
 */
@Module({
  imports: [OutboxModule, ClockModule],
  controllers: [...httpControllers],
  providers: [...handlers, ...repositories, ...ports],
  exports: [DirectoryReader],
})
export class DirectoryModule {}
