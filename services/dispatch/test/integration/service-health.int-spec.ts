import { describeServiceBoot } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { dispatchServiceOptions } from '../../src/service-options';

describeServiceBoot(AppModule, dispatchServiceOptions);
