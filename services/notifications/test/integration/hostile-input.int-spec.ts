import { describeHostileInputs } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { notificationsServiceOptions } from '../../src/service-options';

describeHostileInputs(AppModule, notificationsServiceOptions);
