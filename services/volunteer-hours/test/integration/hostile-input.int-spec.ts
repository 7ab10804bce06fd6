import { describeHostileInputs } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';

describeHostileInputs(AppModule, volunteerHoursServiceOptions);
