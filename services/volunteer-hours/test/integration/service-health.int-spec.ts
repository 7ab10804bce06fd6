import { describeServiceBoot } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';

describeServiceBoot(AppModule, volunteerHoursServiceOptions);
