// Key order in a generated document follows the order decorators ran in; sorting makes it follow the names,
// so moving a decorator changes nothing in the committed files.

/** The value with every object's keys in code-point order (arrays keep theirs: order means something there). */
export function withSortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withSortedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, withSortedKeys(item)])) as T;
}
