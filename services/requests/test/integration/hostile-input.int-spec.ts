import { describeHostileInputs } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { requestsServiceOptions } from '../../src/service-options';

describeHostileInputs(AppModule, requestsServiceOptions);
