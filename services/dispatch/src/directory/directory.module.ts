import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { ClockModule } from '@loop/platform';
import { CommunitySettingsHandler } from './application/community-settings.handler';
import { DirectoryReader } from './application/directory-reader.port';
import { ImportDirectoryRowsHandler } from './application/import/import-directory-rows.handler';
import { RetirePersonHandler } from './application/retire-person.handler';
import { DirectoryListingRepository } from './infrastructure/directory-listing.typeorm-repository';
import { TypeOrmDirectoryReader } from './infrastructure/directory-reader.typeorm-repository';
import { DirectoryRepository } from './infrastructure/directory.typeorm-repository';
import { DirectoryHttpController } from './interface/http/directory.http-controller';

const httpControllers = [DirectoryHttpController];
const handlers = [ImportDirectoryRowsHandler, CommunitySettingsHandler, RetirePersonHandler];
const repositories = [DirectoryRepository, DirectoryListingRepository];
const ports = [{ provide: DirectoryReader, useClass: TypeOrmDirectoryReader }];

/**
 * The directory: communities, grids, households, members, staff, officials, property companies and
 * service calendars, with its admin API and import. Other slices inject {@link DirectoryReader}.
 */
@Module({
  imports: [OutboxModule, ClockModule],
  controllers: [...httpControllers],
  providers: [...handlers, ...repositories, ...ports],
  exports: [DirectoryReader],
})
export class DirectoryModule {}
