/** One environment variable that failed validation, with what was expected of it. */
export interface ConfigIssue {
  /** The environment variable's name, e.g. `DATABASE_URL`. */
  variable: string;
  /** What the variable must be, as sentences starting with the variable's name. */
  expected: string[];
  /** The value that was given, with secrets masked; undefined when the variable was not set. */
  got?: string;
}

/** Thrown at start-up when the environment does not satisfy a service's config schema. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly issues: ConfigIssue[]) {
    // One line naming every bad variable: an operator reading a crash-looping pod's log should be able
    // to fix all of them in one go instead of discovering them one restart at a time.
    super(`Invalid configuration: ${issues.map(describeIssue).join('; ')}`);
  }
}

function describeIssue(issue: ConfigIssue): string {
  const given = issue.got === undefined ? ' (not set)' : ` (got ${JSON.stringify(issue.got)})`;
  return `${issue.expected.join(', ')}${given}`;
}
