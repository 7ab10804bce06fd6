// Validators for the value kinds every contract shares. Each has a stable name that the JSON Schema
// generator maps to a schema, so a rule written once here reads the same in code and in the catalogue.
import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

/**
 * An account id as issued by the identity provider: opaque, URL-safe, at most 128 characters.
 * The negative look-ahead refuses an 11-digit mainland mobile number, because events carry ids and
 * never phone numbers; '@' is outside the alphabet so an e-mail address cannot pass either.
 */
export const accountIdPattern = /^(?!1\d{10}$)[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** A machine code such as a category (`property.lighting`) or a skill: lower case, dotted, short. */
export const codePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** A UTC instant in ISO 8601 with the `Z` designator, e.g. `2025-03-01T02:00:00.000Z`. */
export const utcTimestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Validator name of {@link IsAccountId}, known to the JSON Schema generator. */
export const IS_ACCOUNT_ID = 'isAccountId';
/** Validator name of {@link IsCode}, known to the JSON Schema generator. */
export const IS_CODE = 'isCode';
/** Validator name of {@link IsUtcTimestamp}, known to the JSON Schema generator. */
export const IS_UTC_TIMESTAMP = 'isUtcTimestamp';

/** Whether a value is an account id (see {@link accountIdPattern}). */
export function isAccountId(value: unknown): boolean {
  return typeof value === 'string' && accountIdPattern.test(value);
}

/** Whether a value is a machine code of at most 64 characters (see {@link codePattern}). */
export function isCode(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 64 && codePattern.test(value);
}

/** Whether a value is an existing UTC instant written as ISO 8601 with `Z`. */
export function isUtcTimestamp(value: unknown): boolean {
  if (typeof value !== 'string' || !utcTimestampPattern.test(value)) return false;
  const instant = new Date(value);
  // The pattern accepts 2025-02-30; a round trip through Date catches days that do not exist.
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Requires an account id of a person or organisation (never a phone number or e-mail address). */
export function IsAccountId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_ACCOUNT_ID,
      validator: {
        validate: (value) => isAccountId(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an account id (1–128 of A–Z a–z 0–9 . _ : -, not a phone number)`,
          options,
        ),
      },
    },
    options,
  );
}

/** Requires a machine code such as a category or skill code. */
export function IsCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CODE,
      validator: {
        validate: (value) => isCode(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a lower-case dotted code of at most 64 characters`,
          options,
        ),
      },
    },
    options,
  );
}

/** Requires a UTC timestamp in ISO 8601 with the `Z` designator. */
export function IsUtcTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_UTC_TIMESTAMP,
      validator: {
        validate: (value) => isUtcTimestamp(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a UTC ISO 8601 timestamp ending in Z`,
          options,
        ),
      },
    },
    options,
  );
}
