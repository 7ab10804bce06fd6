import { Module } from '@nestjs/common';
import { ClockModule, ConfigModule } from '@loop/platform';
import { NotificationsConfig } from '../config/notifications.config';
import { IdGeneratorModule } from '../shared/id-generator';
import { PreferencesReader } from './application/preferences-reader.port';
import { WebhookTargets } from './application/webhook-targets.port';
import { PreferencesRepository } from './infrastructure/preferences.typeorm-repository';
import { HOST_RESOLVER, systemHostResolver, WebhookTargetGuard } from './infrastructure/webhook-target.guard';
import { PreferencesHttpController } from './interface/http/preferences.http-controller';

const httpControllers = [PreferencesHttpController];
const repositories = [PreferencesRepository];
const webhookTargets = [WebhookTargetGuard, { provide: HOST_RESOLVER, useValue: systemHostResolver }];
const ports = [
  { provide: PreferencesReader, useExisting: PreferencesRepository },
  { provide: WebhookTargets, useExisting: WebhookTargetGuard },
];

/**
 * Language, quiet hours, SMS number and webhook of each person. Other slices inject
 * {@link PreferencesReader} and {@link WebhookTargets}.
 */
@Module({
  imports: [ConfigModule.forRoot(NotificationsConfig), ClockModule, IdGeneratorModule],
  controllers: httpControllers,
  providers: [...repositories, ...webhookTargets, ...ports],
  exports: [PreferencesReader, WebhookTargets],
})
export class PreferencesModule {}
