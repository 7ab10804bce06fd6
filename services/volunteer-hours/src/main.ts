import 'reflect-metadata';
import { bootstrapService } from '@loop/platform';
import { AppModule } from './app.module';
import { volunteerHoursServiceOptions } from './service-options';

void bootstrapService(AppModule, volunteerHoursServiceOptions);
