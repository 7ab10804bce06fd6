import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ConfigError, ConfigIssue } from './config-error';
import { ConfigSchema, configVariableNames } from './describe-config';

/** The environment to read: `process.env` or a plain map of the same shape. */
export type Environment = Record<string, string | undefined>;

// Values of variables with these words in their names are never echoed back in an error.
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL/i;

/**
 * Reads the variables `schemaClass` declares from `env`, converts and validates them, and returns the
 * typed instance; throws {@link ConfigError} naming every bad variable when any fails.
 */
export function loadConfig<T extends object>(
  schemaClass: ConfigSchema<T>,
  env: Environment = process.env,
): T {
  const raw = pickDeclaredVariables(schemaClass, env);
  // Only declared variables are copied, so the rest of the environment (PATH, HOME…) never lands on
  // the instance; property initialisers stay in place as defaults for what is not set.
  const config = plainToInstance(schemaClass, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { validationError: { target: false, value: false } });
  if (errors.length > 0) {
    throw new ConfigError(errors.map((error) => toIssue(error, raw)));
  }
  return config;
}

function pickDeclaredVariables<T>(schemaClass: ConfigSchema<T>, env: Environment): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of configVariableNames(schemaClass)) {
    const value = env[name];
    // docker-compose and Kubernetes write `NAME=` for "no value"; treating it as unset lets defaults apply.
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

function toIssue(error: ValidationError, raw: Record<string, string>): ConfigIssue {
  const issue: ConfigIssue = { variable: error.property, expected: Object.values(error.constraints ?? {}) };
  const given = raw[error.property];
  if (given !== undefined) issue.got = maskSecrets(error.property, given);
  return issue;
}

/** Hides passwords in URLs and whole values of secret-looking variables, so errors are safe to log. */
function maskSecrets(name: string, value: string): string {
  if (SECRET_NAME.test(name)) return '<redacted>';
  return value.replace(/(\/\/[^/:@\s]*:)[^@/\s]+@/g, '$1***@');
}
