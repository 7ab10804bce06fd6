import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';

// Environment variables are always strings. These decorators turn them into the types a schema
// declares (numbers, booleans, lists) and validate them with messages written for operators:
// each message names the variable and says what it must be, so ConfigError can list them verbatim.
// A transform leaves values it does not understand untouched, so the validator can reject them
// and quote the original text.

const INTEGER = /^-?\d+$/;
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** Reads a decimal string such as `"3001"` as an integer. */
export function ToInteger(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value.trim()) : value,
  );
}

/** Reads `true/false`, `1/0`, `yes/no` or `on/off` (any case) as a boolean. */
export function ToBoolean(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return value;
  });
}

/** Reads a comma-separated string such as `"a:9092, b:9092"` as a list of trimmed, non-empty items. */
export function ToList(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0)
      : value,
  );
}

/** Requires an integer between `min` and `max` inclusive. */
export function IsIntegerBetween(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntegerBetween',
      constraints: [min, max],
      validator: {
        validate: (value) => Number.isInteger(value) && value >= min && value <= max,
        defaultMessage: () => `$property must be an integer ${min}–${max}`,
      },
    },
    options,
  );
}

/** Requires a TCP port number (1–65535). */
export function IsPort(options?: ValidationOptions): PropertyDecorator {
  return IsIntegerBetween(1, 65535, options);
}

/** Requires `true` or `false` (after {@link ToBoolean}). */
export function IsBooleanFlag(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBooleanFlag',
      validator: {
        validate: (value) => typeof value === 'boolean',
        defaultMessage: () => '$property must be true or false',
      },
    },
    options,
  );
}

/** Requires one of the listed words. */
export function IsOneOf(allowed: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOneOf',
      constraints: [allowed],
      validator: {
        validate: (value) => typeof value === 'string' && allowed.includes(value),
        defaultMessage: () => `$property must be one of ${allowed.join(', ')}`,
      },
    },
    options,
  );
}

/** Requires a URL whose scheme is one of `schemes` (without the colon), e.g. `['postgres', 'postgresql']`. */
export function IsUrlWithScheme(
  schemes: readonly string[],
  description: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUrlWithScheme',
      constraints: [schemes],
      validator: {
        validate: (value) => typeof value === 'string' && hasScheme(value, schemes),
        defaultMessage: () => `$property must be ${description}`,
      },
    },
    options,
  );
}

/** Requires a PostgreSQL connection URL (`postgres://` or `postgresql://`). */
export function IsPostgresUrl(options?: ValidationOptions): PropertyDecorator {
  return IsUrlWithScheme(['postgres', 'postgresql'], 'a postgres:// URL', options);
}

/** Requires a Redis connection URL (`redis://` or `rediss://`). */
export function IsRedisUrl(options?: ValidationOptions): PropertyDecorator {
  return IsUrlWithScheme(['redis', 'rediss'], 'a redis:// or rediss:// URL', options);
}

/** Requires an `http://` or `https://` URL. */
export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return IsUrlWithScheme(['http', 'https'], 'an http:// or https:// URL', options);
}

/** Requires a non-empty list of `host:port` addresses (after {@link ToList}). */
export function IsHostPortList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHostPortList',
      validator: {
        validate: (value) => Array.isArray(value) && value.length > 0 && value.every(isHostPort),
        defaultMessage: () => '$property must be a comma-separated list of host:port',
      },
    },
    options,
  );
}

/** Requires a string with at least one non-blank character. */
export function IsNonBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNonBlank',
      validator: {
        validate: (value) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: () => '$property must be a non-empty string',
      },
    },
    options,
  );
}

/** Requires a string, empty allowed (prefixes and other optional text). */
export function IsText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isText',
      validator: {
        validate: (value) => typeof value === 'string',
        defaultMessage: () => '$property must be text',
      },
    },
    options,
  );
}

function hasScheme(value: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol.slice(0, -1)) && url.host.length > 0;
  } catch {
    return false;
  }
}

function isHostPort(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const separator = value.lastIndexOf(':');
  if (separator <= 0) return false;
  const port = Number(value.slice(separator + 1));
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}
