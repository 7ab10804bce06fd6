import 'reflect-metadata';
import { bootstrapService } from '@loop/platform';
import { AppModule } from './app.module';
import { requestsServiceOptions } from './service-options';

void bootstrapService(AppModule, requestsServiceOptions);
