import { describeServiceBoot } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { notificationsServiceOptions } from '../../src/service-options';

describeServiceBoot(AppModule, notificationsServiceOptions);
