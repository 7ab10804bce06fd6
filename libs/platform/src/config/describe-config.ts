import { getMetadataStorage } from 'class-validator';

/** A config schema: a class whose validated properties are environment variables. */
export type ConfigSchema<T> = new () => T;

/** One environment variable a schema reads. */
export interface ConfigVariable {
  /** The variable's name, e.g. `DATABASE_URL`. */
  name: string;
  /** True when the service refuses to start without it (no default, not optional or conditional). */
  required: boolean;
  /** The default as it would be written in the environment (lists comma-joined). */
  default?: string;
}

// `@IsOptional()` and `@ValidateIf()` register this metadata type; either makes a variable not strictly
// required (ValidateIf: required only in some situations, such as AUTH_JWKS_URL without the dev issuer).
const CONDITIONAL_VALIDATION = 'conditionalValidation';

/**
 * Lists the environment variables a schema reads, taken from its validation decorators and property
 * initialisers, so tests can compare docker-compose and Kubernetes manifests against the schema.
 */
export function describeConfig<T>(schemaClass: ConfigSchema<T>): ConfigVariable[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schemaClass, '', true, false);
  const defaults = new schemaClass() as Record<string, unknown>;
  const conditional = new Set(
    metadata.filter((entry) => entry.type === CONDITIONAL_VALIDATION).map((entry) => entry.propertyName),
  );
  const names = [...new Set(metadata.map((entry) => entry.propertyName))];

  return names.map((name) => {
    const fallback = formatDefault(defaults[name]);
    const variable: ConfigVariable = { name, required: fallback === undefined && !conditional.has(name) };
    if (fallback !== undefined) variable.default = fallback;
    return variable;
  });
}

/** The names of the environment variables a schema reads. */
export function configVariableNames<T>(schemaClass: ConfigSchema<T>): string[] {
  return [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(schemaClass, '', true, false)
        .map((entry) => entry.propertyName),
    ),
  ];
}

function formatDefault(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
