import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { bootContext } from '../config/boot-context';
import { APP_CONFIG } from '../config/config.module';
import type { PlatformConfig } from '../config/platform.config';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import { correlationMiddleware } from '../logging/correlation.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics';
import { labelMetricsWithService } from '../metrics/metric-registry';
import { setupOpenApi } from '../openapi/setup-openapi';
import { admissionMiddleware, AdmissionGate } from '../overload/admission';
import { configureBodyParsing } from './body-parsing';
import { kafkaMicroserviceOptions } from './kafka-microservice';
import type { ServiceOptions } from './service-options';

/**
 * Creates a service application with everything `bootstrapService` sets up except listening and signal
 * handling: what integration tests boot (`await app.init()`, then supertest `app.getHttpServer()`; call
 * `app.startAllMicroservices()` too when the test needs the Kafka consumers).
 */
export async function createServiceApp(
  appModule: Type<unknown>,
  options: ServiceOptions,
): Promise<NestExpressApplication> {
  const app = await bootContext.run({ env: options.env, serviceName: options.name }, () =>
    // bufferLogs holds Nest's start-up lines until the pino logger exists; abortOnError: false makes a
    // failed start (say, a ConfigError) throw to the caller instead of killing the process outright.
    NestFactory.create<NestExpressApplication>(appModule, { bufferLogs: true, abortOnError: false }),
  );
  configureServiceApp(app, options);
  return app;
}

/**
 * Applies the platform's app-level setup to an app created elsewhere (e.g. from a Nest TestingModule
 * whose AppModule imports PlatformModule): logger, correlation and metrics middleware, JSON body limits
 * (size and depth), the global validation pipe and problem+json filter, OpenAPI and the Kafka microservice.
 */
export function configureServiceApp(app: INestApplication, options: ServiceOptions): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  (app as Partial<NestExpressApplication>).disable?.('x-powered-by');
  // Mounted before Nest registers its own middleware (at init), so the request logger and everything
  // after it run inside the request's correlation context.
  app.use(correlationMiddleware);
  app.use(httpMetricsMiddleware);
  // After the metrics middleware, so shed requests are counted in the duration histogram too.
  app.use(admissionMiddleware(new AdmissionGate(app.get<PlatformConfig>(APP_CONFIG).HTTP_MAX_IN_FLIGHT)));
  // JSON size and depth limits apply before any controller, pipe or logger touches a body.
  configureBodyParsing(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  labelMetricsWithService(options.name);
  if (options.openapi) setupOpenApi(app, options.name, options.openapi);
  if (options.kafka) {
    const config = app.get<PlatformConfig>(APP_CONFIG);
    // inheritAppConfig: the Kafka handlers get the same global pipe, filter and guards as HTTP.
    app.connectMicroservice(kafkaMicroserviceOptions(config, options.kafka), { inheritAppConfig: true });
  }
}
