import { ValidationPipe } from '@nestjs/common';
import { ValidationFailedException } from './validation-failed.exception';

/**
 * The platform's global validation pipe: strips nothing silently (unknown fields are rejected, so a
 * typo in a request is reported rather than ignored), converts payloads to their DTO classes, and throws
 * {@link ValidationFailedException}, whose field errors the exception filter translates.
 *
 * In a hybrid app it also validates Kafka payloads when registered with `app.useGlobalPipes()` and the
 * microservice is connected with `{ inheritAppConfig: true }` (which `bootstrapService` does).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The failing object is kept on each error so translated messages can read constraint arguments;
    // the rejected values are not, so they can never be echoed back or logged by accident.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => ValidationFailedException.fromValidationErrors(errors),
  });
}
