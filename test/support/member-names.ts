/** Every member name in a parsed JSON value, at any depth: what a schema shortcut's walk counts for the duplicate-member check. */
export function memberNames(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + memberNames(item), 0);
  return Object.keys(value).reduce((sum, name) => sum + 1 + memberNames((value as Record<string, unknown>)[name]), 0);
}
