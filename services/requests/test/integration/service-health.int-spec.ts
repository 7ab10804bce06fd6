import { describeServiceBoot } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { requestsServiceOptions } from '../../src/service-options';

describeServiceBoot(AppModule, requestsServiceOptions);
