import { BadRequestException } from '@nestjs/common';
import { getMetadataStorage, ValidationError } from 'class-validator';
import type { LocalizedText } from './language';

/** One failed constraint on one field, kept language-neutral until a response picks a language. */
export interface FieldViolation {
  /** Dotted path of the field, e.g. `address.building` or `attachments.0.url`. */
  field: string;
  /** The class-validator constraint name, e.g. `maxLength`, `isEnum`, `whitelistValidation`. */
  code: string;
  /** The constraint's arguments (e.g. `[200]` for maxLength) for the translated message. */
  params: unknown[];
  /** class-validator's own English message, the fallback for constraints without a translation. */
  fallback: string;
  /** The message in every language, for a rule of the service's own that the platform cannot know. */
  text?: LocalizedText;
}

/**
 * Thrown by the platform's validation pipe when a body, query, params or Kafka payload fails its DTO.
 * HTTP turns it into a 400 problem with per-field messages; Kafka consumers can treat it as a poison
 * message (it will never pass on retry) and dead-letter it with {@link ValidationFailedException.violations}.
 */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly violations: FieldViolation[]) {
    super(`Validation failed: ${violations.map((v) => `${v.field} (${v.code})`).join(', ')}`);
  }

  /** Builds the exception from class-validator's error tree. */
  static fromValidationErrors(errors: ValidationError[]): ValidationFailedException {
    return new ValidationFailedException(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], parentPath: string): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, fallback]) => ({
      field,
      code,
      params: constraintParams(error, code),
      fallback,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// class-validator reports a failed constraint by name and English message only. The numbers and lists a
// translated message needs (200 in "at most 200 characters") live in the class's validation metadata.
function constraintParams(error: ValidationError, code: string): unknown[] {
  const target = error.target as object | undefined;
  if (!target) return [];
  const entry = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find(
      (metadata) => metadata.propertyName === error.property && (metadata.name ?? metadata.type) === code,
    );
  return entry?.constraints ?? [];
}
