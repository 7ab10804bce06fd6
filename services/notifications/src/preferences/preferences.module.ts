import { Module } from '@nestjs/common';
import { ClockModule } from '@loop/platform';
import { IdGeneratorModule } from '../shared/id-generator';
import { PreferencesRepository } from './infrastructure/preferences.typeorm-repository';
import { PreferencesHttpController } from './interface/http/preferences.http-controller';

const httpControllers = [PreferencesHttpController];
const repositories = [PreferencesRepository];

/** Language, quiet hours, SMS number and webhook of each person. */
@Module({
  imports: [ClockModule, IdGeneratorModule],
  controllers: httpControllers,
  providers: repositories,
  exports: repositories,
})
export class PreferencesModule {}
