import 'reflect-metadata';
import { bootstrapService } from '@loop/platform';
import { AppModule } from './app.module';
import { notificationsServiceOptions } from './service-options';

void bootstrapService(AppModule, notificationsServiceOptions);
