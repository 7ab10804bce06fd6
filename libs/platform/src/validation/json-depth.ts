/**
 * How deeply objects and arrays may nest in a JSON body. Our deepest DTO nests four levels; 32 leaves
 * room for any honest client while keeping recursive code (class-transformer, validators, loggers) far
 * from the call-stack limit that thousands of levels would hit.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `value` nests objects or arrays more than `maxDepth` levels deep (a scalar is depth 0, `{}`
 * or `[]` depth 1). Walks with an explicit stack and stops at the first level too deep, so it is safe
 * and cheap on any parsed body.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Object.values(current)) pending.push({ value: child, depth: depth + 1 });
  }
  return false;
}
