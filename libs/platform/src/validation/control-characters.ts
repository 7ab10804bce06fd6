// PostgreSQL cannot store NUL in text at all, and the other C0 control characters corrupt log lines
// and terminals downstream; no field of ours has a use for them. Tab, line feed and carriage return are
// ordinary text (a note may have several lines) and stay allowed.
// eslint-disable-next-line no-control-regex -- matching control characters is this rule's whole point
const FORBIDDEN_CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Whether `text` holds a control character no field may carry (C0 controls other than tab, LF and CR). */
export function hasForbiddenControlCharacter(text: string): boolean {
  return FORBIDDEN_CONTROL_CHARACTER.test(text);
}

/**
 * The dotted path of the first string — value or object key — in `value` holding a forbidden control
 * character, `root` itself when `value` is such a string; `undefined` when there is none. Walks with an
 * explicit stack, so a deeply nested value cannot overflow the call stack.
 */
export function fieldWithControlCharacter(value: unknown, root: string): string | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (hasForbiddenControlCharacter(current)) return path;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        // The offending key is named with its control characters shown as `?`: never echo them back.
        const childPath = joinPath(path, key.replace(new RegExp(FORBIDDEN_CONTROL_CHARACTER, 'g'), '?'));
        if (hasForbiddenControlCharacter(key)) return childPath;
        pending.push({ value: child, path: childPath });
      }
    }
  }
  return undefined;
}

function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}
