/**
 * A flat JSON object with keys in the given order. JSON.stringify would move
 * integer-like keys ("6014") ahead of the others ("-302"), so output order
 * would depend on JS object rules instead of the catalog's sort.
 */
export function flatJson(entries: readonly (readonly [string, string])[]): string {
  if (entries.length === 0) return '{}\n';
  const lines = entries.map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
