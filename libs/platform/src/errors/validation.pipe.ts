import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { fieldWithControlCharacter } from '../validation/control-characters';
import { ValidationFailedException } from './validation-failed.exception';

/** Violation code of a string holding a control character (see `validation/control-characters.ts`). */
export const CONTROL_CHARACTER_VIOLATION = 'noControlCharacters';

// Where a request's own input arrives; `custom` parameters (the current user) come from the platform.
const REQUEST_INPUTS: ReadonlySet<ArgumentMetadata['type']> = new Set(['body', 'query', 'param']);

/**
 * The global pipe: before any DTO validation, refuses every body, query and path parameter holding a
 * control character PostgreSQL or a log line cannot hold (NUL and the other C0 controls except tab, CR
 * and LF) — one rule for every string of every service, so no such text ever reaches SQL.
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (REQUEST_INPUTS.has(metadata.type)) {
      const field = fieldWithControlCharacter(value, metadata.data ?? '');
      if (field !== undefined) {
        throw new ValidationFailedException([
          {
            field: field === '' ? metadata.type : field,
            code: CONTROL_CHARACTER_VIOLATION,
            params: [],
            fallback: 'must not contain control characters',
          },
        ]);
      }
    }
    return super.transform(value, metadata);
  }
}

/**
 * The platform's global validation pipe: refuses control characters in any request string (see
 * {@link PlatformValidationPipe}), strips nothing silently (unknown fields are rejected, so a typo in a
 * request is reported rather than ignored), converts payloads to their DTO classes, and throws
 * {@link ValidationFailedException}, whose field errors the exception filter translates.
 *
 * In a hybrid app it also validates Kafka payloads when registered with `app.useGlobalPipes()` and the
 * microservice is connected with `{ inheritAppConfig: true }` (which `bootstrapService` does).
 */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The failing object is kept on each error so translated messages can read constraint arguments;
    // the rejected values are not, so they can never be echoed back or logged by accident.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => ValidationFailedException.fromValidationErrors(errors),
  });
}
