import 'reflect-metadata';
import { bootstrapService } from '@loop/platform';
import { AppModule } from './app.module';
import { dispatchServiceOptions } from './service-options';

void bootstrapService(AppModule, dispatchServiceOptions);
